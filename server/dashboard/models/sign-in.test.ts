import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/http.ts';
import { translator } from '../i18n/t.ts';
import { signInFailureText } from './sign-in.ts';

describe('why a sign-in failed', () => {
  const t = translator('en');

  it('names wrong credentials and an unreachable server', () => {
    expect(signInFailureText(new ApiFailure(401, 'bad_credentials', 'no'), t)).toBe(t('signIn.badCredentials'));
    expect(signInFailureText(new ApiFailure(0, 'network', 'offline'), t)).toBe(t('error.network'));
  });

  it('shows anything else with its detail', () => {
    expect(signInFailureText(new ApiFailure(500, 'internal', 'boom'), t)).toBe(t('signIn.failed', { detail: 'boom' }));
    expect(signInFailureText('odd', translator('zh-CN'))).toBe(translator('zh-CN')('signIn.failed', { detail: 'odd' }));
  });
});
