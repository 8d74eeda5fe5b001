// The options page: the sign-in form or the signed-in account, depending on the model's phase.
import { useOptionsModel } from '../models/options-model.ts';
import { t } from '../../i18n/t.ts';
import { SignInForm } from './SignInForm.tsx';
import { AccountPanel } from './AccountPanel.tsx';
import { NoticeLine } from './NoticeLine.tsx';
import { AccessStep } from './AccessStep.tsx';

export function OptionsPage() {
  const model = useOptionsModel();
  const { phase, status } = model;
  const account = status?.account ?? null;
  const showAccount = account !== null && (phase === 'signed-in' || phase === 'signing-out');
  return (
    <main data-state={phase}>
      <h1>{t('extName')}</h1>
      {model.managed.organisationName !== null && <p class="organisation">{model.managed.organisationName}</p>}
      {model.notice !== null && <NoticeLine notice={model.notice} />}
      {phase === 'awaiting-permission' && (
        <p class="notice" role="status">
          {t('awaitingPermission')}
        </p>
      )}
      {phase === 'needs-permission' && (
        <AccessStep origins={status?.missingOrigins ?? []} onGrantAccess={model.grantAccess} onLater={model.skipAccess} />
      )}
      {showAccount && (
        <AccountPanel
          account={account}
          missingOrigins={status?.missingOrigins ?? []}
          busy={phase === 'signing-out'}
          onSignOut={model.signOut}
          onGrantAccess={model.grantAccess}
        />
      )}
      {(phase === 'signed-out' || phase === 'signing-in') && (
        <>
          {account?.needsSignIn && <p class="warning">{t('needsSignInAgain')}</p>}
          <SignInForm
            busy={phase === 'signing-in'}
            error={model.error}
            defaultServer={account?.server ?? ''}
            managedServer={model.managed.serverUrl}
            onSubmit={model.signIn}
          />
        </>
      )}
    </main>
  );
}
