// Authentication and role checks: a middleware on every non-public route. 401 when the bearer token
// is missing or unknown, 403 when the user's role is not among those allowed.
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/schemas/domain.ts';
import { hashToken } from '../auth/tokens.ts';
import type { Store } from '../store/records.ts';
import { forbidden, unauthenticated } from './api-error.ts';
import type { AppEnv } from './app-env.ts';

/** Requires a valid bearer token and, when roles are given, one of those roles. */
export function signedIn(store: Store, ...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) throw unauthenticated('Sign in first: send the header Authorization: Bearer <token>');
    const match = /^Bearer +([A-Za-z0-9_-]+) *$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    const tokenHash = hashToken(match[1]!);
    const token = await store.findToken(tokenHash);
    const user = token ? await store.findUserById(token.userId) : null;
    if (!user) throw unauthenticated('The token is not valid (signed out or unknown): sign in again');
    if (roles.length > 0 && !roles.includes(user.role)) {
      throw forbidden(`Only ${roles.join(' or ')} users may do this`);
    }
    c.set('user', user);
    c.set('tokenHash', tokenHash);
    await next();
  };
}
