// The dashboard's session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (other sites
// cannot send it), Secure when the client reached us over https (directly or through the trusted proxy).
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from './app-env.ts';

export const SESSION_COOKIE = 'studytrail_session';
/** Dashboard sessions end after a working day; device tokens last until revoked. */
export const SESSION_TTL_MS = 12 * 3600_000;

const secure = (c: Context<AppEnv>) => c.get('client').https;

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: secure(c),
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: secure(c) });
}
