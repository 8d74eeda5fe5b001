// Signing in and staying signed in. The target is the HttpOnly session cookie with a CSRF token; when
// the server answers a cookie sign-in without one (an older server), the bearer token is kept in
// sessionStorage only, so it dies with the tab and is never readable by other tabs or sites.
import type { User } from '../../../shared/schemas/auth.ts';
import { loginResponseSchema, sessionResponseSchema, userSchema } from '../../../shared/schemas/auth.ts';
import { ApiFailure, type Http } from './http.ts';

export const TOKEN_KEY = 'studytrail.dashboard.token';

export interface TokenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export async function signIn(http: Http, tokens: TokenStore, username: string, password: string): Promise<User> {
  http.credentials = { kind: 'none' };
  const body = await http.json('POST', '/api/auth/login', loginResponseSchema, {
    body: { username, password, cookie: true },
  });
  if (body.csrfToken !== undefined) {
    http.credentials = { kind: 'cookie', csrfToken: body.csrfToken };
    tokens.removeItem(TOKEN_KEY);
  } else {
    http.credentials = { kind: 'bearer', token: body.token };
    tokens.setItem(TOKEN_KEY, body.token);
  }
  return body.user;
}

/** The user of a session that survives a reload, or null when the person must sign in. */
export async function resumeSession(http: Http, tokens: TokenStore): Promise<User | null> {
  try {
    const session = await http.json('GET', '/api/auth/session', sessionResponseSchema);
    http.credentials = { kind: 'cookie', csrfToken: session.csrfToken };
    return session.user;
  } catch (err) {
    if (!(err instanceof ApiFailure) || (err.status !== 401 && err.status !== 404)) throw err;
  }
  const token = tokens.getItem(TOKEN_KEY);
  if (token === null) return null;
  http.credentials = { kind: 'bearer', token };
  try {
    return await http.json('GET', '/api/me', userSchema);
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 401) {
      tokens.removeItem(TOKEN_KEY);
      http.credentials = { kind: 'none' };
      return null;
    }
    throw err;
  }
}

export async function signOut(http: Http, tokens: TokenStore): Promise<void> {
  try {
    await http.empty('POST', '/api/auth/logout');
  } finally {
    tokens.removeItem(TOKEN_KEY);
    http.credentials = { kind: 'none' };
  }
}
