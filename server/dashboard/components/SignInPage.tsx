// Sign-in: username and password, with the reason shown in words when it fails.
import type { Translate } from '../i18n/t.ts';
import type { Locale } from '../models/format.ts';
import { signInFailureText } from '../models/sign-in.ts';
import { useSubmit } from '../models/use-submit.ts';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { Field, FormError } from './form/Field.tsx';

interface Props {
  locale: Locale;
  t: Translate;
  changeLocale(locale: Locale): void;
  onSignIn(username: string, password: string): Promise<void>;
}

export function SignInPage({ locale, t, changeLocale, onSignIn }: Props) {
  const submit = useSubmit();
  return (
    <main class="sign-in">
      <div class="sign-in-card">
        <h1>{t('app.title')}</h1>
        <p class="muted">{t('signIn.intro')}</p>
        {/* Once signed in this page gives way to the dashboard: busy lasts until then. */}
        <form onSubmit={submit.form((form) => onSignIn(form.text('username'), form.text('password')))}>
          <Field label={t('field.username')}>
            <input name="username" autocomplete="username" required autoFocus />
          </Field>
          <Field label={t('field.password')}>
            <input name="password" type="password" autocomplete="current-password" required />
          </Field>
          {submit.failure !== null && <FormError>{signInFailureText(submit.failure, t)}</FormError>}
          <button type="submit" class="primary" disabled={submit.busy || submit.done}>
            {submit.busy || submit.done ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </form>
        <LocaleSwitch locale={locale} t={t} onChange={changeLocale} />
      </div>
    </main>
  );
}
