// Why a sign-in failed, in words: wrong credentials and an unreachable server are named; anything else
// is shown with its detail.
import { ApiFailure } from '../api/http.ts';
import type { Translate } from '../i18n/t.ts';

export function signInFailureText(failure: unknown, t: Translate): string {
  if (failure instanceof ApiFailure && failure.code === 'bad_credentials') return t('signIn.badCredentials');
  if (failure instanceof ApiFailure && failure.code === 'network') return t('error.network');
  return t('signIn.failed', { detail: failure instanceof Error ? failure.message : String(failure) });
}
