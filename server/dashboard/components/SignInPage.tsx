// Sign-in: username and password, with the reason shown in words when it fails.
import { useState } from 'preact/hooks';
import type { Translate } from '../i18n/t.ts';
import { ApiFailure } from '../api/http.ts';
import type { Locale } from '../models/format.ts';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { formFields } from './form-fields.ts';

interface Props {
  locale: Locale;
  t: Translate;
  changeLocale(locale: Locale): void;
  onSignIn(username: string, password: string): Promise<void>;
}

export function SignInPage({ locale, t, changeLocale, onSignIn }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <main class="sign-in">
      <div class="sign-in-card">
        <h1>{t('app.title')}</h1>
        <p class="muted">{t('signIn.intro')}</p>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const form = formFields(e.currentTarget);
            setBusy(true);
            setFailure(null);
            try {
              await onSignIn(form.text('username'), form.text('password'));
            } catch (err) {
              setFailure(
                err instanceof ApiFailure && err.code === 'bad_credentials'
                  ? t('signIn.badCredentials')
                  : err instanceof ApiFailure && err.code === 'network'
                    ? t('error.network')
                    : t('signIn.failed', { detail: err instanceof Error ? err.message : String(err) }),
              );
              setBusy(false);
            }
          }}
        >
          <label>
            <span>{t('field.username')}</span>
            <input name="username" autocomplete="username" required autoFocus />
          </label>
          <label>
            <span>{t('field.password')}</span>
            <input name="password" type="password" autocomplete="current-password" required />
          </label>
          {failure && (
            <p class="form-error" role="alert">
              {failure}
            </p>
          )}
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </form>
        <LocaleSwitch locale={locale} t={t} onChange={changeLocale} />
      </div>
    </main>
  );
}
