// Sign-in and sign-out: bearer tokens for the extension (a "device"), and HttpOnly cookie sessions
// with a CSRF token for the dashboard. Sign-in attempts are limited per account and per address
// (reserved before the password is checked: see http/login-throttle.ts).
import { Hono } from 'hono';
import { loginRequestSchema, type LoginResponse, type SessionResponse } from '../../shared/schemas/auth.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { dummyPasswordHash, verifyPassword } from '../auth/password.ts';
import { csrfTokenFor, newToken } from '../auth/tokens.ts';
import { ApiError, unauthenticated } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { limitAddress } from '../http/client-info.ts';
import { readJson } from '../http/json-body.ts';
import type { LoginThrottle } from '../http/login-throttle.ts';
import { clearSessionCookie, readSessionCookie, SESSION_TTL_MS, setSessionCookie } from '../http/session-cookie.ts';
import { signedIn } from '../http/signed-in.ts';
import { userView } from '../http/records-to-wire.ts';

export function authRoutes(deps: AppDeps, throttle: LoginThrottle) {
  const { store, clock } = deps;
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const input = await readJson(c, loginRequestSchema);
      const attempt = { account: input.username.toLowerCase(), address: limitAddress(c) };
      const user = await store.findUserByUsername(input.username);
      // Verify even for an unknown user, so timing does not reveal which usernames exist.
      const valid = await throttle.check(attempt, async () => {
        const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
        return matches && user !== null && user.active;
      });
      if (!valid || !user) throw new ApiError(401, ERROR_CODES.badCredentials, 'Wrong username or password');
      const { token, tokenHash } = newToken();
      const session = input.cookie === true;
      await store.saveToken({
        tokenHash,
        userId: user.id,
        kind: session ? 'session' : 'device',
        label: (input.deviceLabel ?? c.req.header('user-agent') ?? '').slice(0, 100),
        deviceId: null,
        expiresAt: session ? new Date(clock() + SESSION_TTL_MS).toISOString() : null,
      });
      const body: LoginResponse = { token, user: userView(user) };
      if (session) {
        setSessionCookie(c, token);
        body.csrfToken = csrfTokenFor(token);
      }
      return c.json(body);
    })
    .get('/session', signedIn(deps), (c) => {
      const cookie = readSessionCookie(c);
      if (!c.get('viaCookie') || cookie === undefined) throw unauthenticated('There is no dashboard session: sign in with cookie: true');
      const body: SessionResponse = { user: userView(c.get('user')), csrfToken: csrfTokenFor(cookie) };
      return c.json(body);
    })
    .post('/logout', signedIn(deps), async (c) => {
      await store.deleteToken(c.get('token').tokenHash);
      if (c.get('viaCookie')) clearSessionCookie(c);
      return c.body(null, 204);
    });
}
