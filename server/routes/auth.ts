// Sign-in and sign-out with bearer tokens.
import { Hono } from 'hono';
import { loginRequestSchema, type LoginResponse } from '../../shared/schemas/auth.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { dummyPasswordHash, verifyPassword } from '../auth/password.ts';
import { newToken } from '../auth/tokens.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';
import { userView } from '../http/views.ts';

export function authRoutes({ store, clock }: AppDeps) {
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const { username, password } = await readJson(c, loginRequestSchema);
      const user = await store.findUserByUsername(username);
      // Verify even for an unknown user, so timing does not reveal which usernames exist.
      const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !valid) {
        throw new ApiError(401, ERROR_CODES.badCredentials, 'Wrong username or password');
      }
      const { token, tokenHash } = newToken();
      await store.saveToken({ tokenHash, userId: user.id, createdAt: new Date(clock()).toISOString() });
      const body: LoginResponse = { token, user: userView(user) };
      return c.json(body);
    })
    .post('/logout', signedIn(store), async (c) => {
      await store.deleteToken(c.get('tokenHash'));
      return c.body(null, 204);
    });
}
