// Authentication and role checks: a middleware on every non-public route. A bearer token or the
// dashboard's session cookie identifies the user; 401 when neither is valid, 403 when the role is not
// among those allowed, 403 csrf_failed when a cookie-authenticated change lacks its CSRF token.
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/schemas/domain.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { csrfTokenMatches, hashToken } from '../auth/tokens.ts';
import { ApiError, forbidden, unauthenticated } from './api-error.ts';
import type { AppDeps, AppEnv } from './app-env.ts';
import { readSessionCookie } from './session-cookie.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/** The secret the request presents, and how. Bearer wins when both are sent. */
function presented(c: Context): { secret: string; viaCookie: boolean } {
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const match = /^Bearer +([A-Za-z0-9_-]{1,200}) *$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    return { secret: match[1]!, viaCookie: false };
  }
  const cookie = readSessionCookie(c);
  if (cookie !== undefined && /^[A-Za-z0-9_-]{1,200}$/.test(cookie)) return { secret: cookie, viaCookie: true };
  throw unauthenticated('Sign in first: send the header Authorization: Bearer <token>');
}

/** Requires a valid token or session and, when roles are given, one of those roles. */
export function signedIn({ store, clock }: AppDeps, ...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { secret, viaCookie } = presented(c);
    // The token and its user in one read: this runs before every signed-in request.
    const found = await store.findSignIn(hashToken(secret));
    const token = found?.token ?? null;
    const valid =
      token !== null &&
      // A cookie carries only a session; the session's secret also works as a bearer token.
      (!viaCookie || token.kind === 'session') &&
      (token.expiresAt === null || Date.parse(token.expiresAt) > clock());
    const user = valid && found ? found.user : null;
    if (!token || !user || !user.active) {
      throw unauthenticated('The token is not valid (signed out, expired or unknown): sign in again');
    }
    if (viaCookie && !SAFE_METHODS.has(c.req.method) && !csrfTokenMatches(secret, c.req.header(CSRF_HEADER) ?? '')) {
      throw new ApiError(403, ERROR_CODES.csrfFailed, 'Send the X-CSRF-Token header from GET /api/auth/session with this change');
    }
    if (roles.length > 0 && !roles.includes(user.role)) {
      throw forbidden(`Only ${roles.join(' or ')} users may do this`);
    }
    c.set('user', user);
    c.set('token', token);
    c.set('viaCookie', viaCookie);
    await store.touchToken(token.tokenHash);
    await next();
  };
}
