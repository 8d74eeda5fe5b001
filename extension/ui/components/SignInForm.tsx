// The sign-in form. Field names are part of the public contract (server, username, password).
import type { JSX } from 'preact';
import { t, type MessageKey } from '../../i18n/t.ts';

export interface SignInFormProps {
  readonly busy: boolean;
  readonly error: MessageKey | null;
  readonly defaultServer: string;
  /** Set by the organisation's policy: shown, submitted, and not editable. */
  readonly managedServer: string | null;
  readonly onSubmit: (form: { server: string; username: string; password: string }) => void;
}

export function SignInForm({ busy, error, defaultServer, managedServer, onSubmit }: SignInFormProps) {
  const submit = (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onSubmit({
      server: String(data.get('server') ?? ''),
      username: String(data.get('username') ?? ''),
      password: String(data.get('password') ?? ''),
    });
  };
  return (
    <form class="sign-in" onSubmit={submit}>
      <h2>{t('signInHeading')}</h2>
      <p class="hint">{t('signInIntro')}</p>
      <label for="server">{t('serverLabel')}</label>
      {/* readOnly, not disabled: a disabled field would be left out of the submitted form. */}
      <input id="server" name="server" type="text" inputMode="url" autoComplete="url" required
        placeholder="https://studytrail.example.org" disabled={busy}
        {...(managedServer !== null
          ? { value: managedServer, readOnly: true, 'data-managed': 'true', 'aria-describedby': 'server-managed' }
          : { defaultValue: defaultServer })} />
      {managedServer !== null && (
        <p id="server-managed" class="hint">
          {t('serverManagedHint')}
        </p>
      )}
      <label for="username">{t('usernameLabel')}</label>
      <input id="username" name="username" type="text" autoComplete="username" required disabled={busy} />
      <label for="password">{t('passwordLabel')}</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required disabled={busy} />
      {error !== null && (
        <p class="error" role="alert" data-error={error}>
          {t(error)}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('signingIn') : t('signInButton')}
      </button>
    </form>
  );
}
