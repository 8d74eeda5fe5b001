// The signed-in view of the options page: who is signed in, missing site access, and sign-out.
import type { Status } from '../../status/read-status.ts';
import { t } from '../../i18n/t.ts';

export interface AccountPanelProps {
  readonly account: NonNullable<Status['account']>;
  readonly missingOrigins: readonly string[];
  readonly busy: boolean;
  readonly onSignOut: () => void;
  readonly onGrantAccess: () => void;
}

export function AccountPanel({ account, missingOrigins, busy, onSignOut, onGrantAccess }: AccountPanelProps) {
  return (
    <section class="account">
      <h2 class="person-name">{t('signedInAs', account.name)}</h2>
      <p class="hint">{t('accountDetail', account.username, account.server)}</p>
      {missingOrigins.length > 0 && (
        <div class="warning" data-missing-origins={missingOrigins.length}>
          <p>{t('accessMissing')}</p>
          <ul>
            {missingOrigins.map((origin) => (
              <li key={origin}>
                <code>{origin}</code>
              </li>
            ))}
          </ul>
          <button type="button" name="grant-access" onClick={onGrantAccess}>
            {t('grantAccessButton')}
          </button>
        </div>
      )}
      <button type="button" name="sign-out" onClick={onSignOut} disabled={busy}>
        {busy ? t('signingOut') : t('signOutButton')}
      </button>
    </section>
  );
}
