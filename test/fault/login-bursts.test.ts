// Simultaneous guesses over real HTTP: bursts of 100 wrong passwords sent at once, against one account
// from many addresses, against many accounts from one address, and at the own-password-change route.
// A 401/403 is a password that was checked, a 429 one that was not: at most the limit may be checked,
// and once limited the right password is refused too. Every answer is in the error shape, none a 5xx.
import { afterEach, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/schemas/errors.ts';
import { DEFAULT_LIMITS } from '../../server/limits/limits.ts';
import type { ApiResult } from '../support/api-client.ts';
import { startApiServer, TEST_ADMIN, type ApiServer } from '../support/api-server.ts';
import { PASSWORD, seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
afterEach(() => server.close());

const BURST = 100;
const login = (username: string, password: string, address: string) =>
  server.api.send('POST', '/api/auth/login', { json: { username, password }, headers: { 'x-forwarded-for': address } });

/** Counts the answers by status, failing on any answer outside the error shape. */
function tally(results: ApiResult[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of results) {
    counts[r.status] = (counts[r.status] ?? 0) + 1;
    if (r.status !== 200 && r.status !== 204) expect(errorBodySchema.safeParse(r.body).success, JSON.stringify(r.body)).toBe(true);
  }
  return counts;
}

describe('simultaneous sign-in guesses', () => {
  it('checks at most the account limit of a burst from many addresses, and then refuses the right password', async () => {
    server = await startApiServer({ trustProxy: true });
    const results = await Promise.all(Array.from({ length: BURST }, (_, i) => login('admin', `wrong-${i}`, `10.0.${i >> 8}.${i & 255}`)));
    const counts = tally(results);
    expect(counts[401]).toBe(DEFAULT_LIMITS.loginFailuresPerAccount);
    expect(counts[429]).toBe(BURST - DEFAULT_LIMITS.loginFailuresPerAccount);
    expect((await login('admin', TEST_ADMIN.password, '10.9.9.9')).status).toBe(429);
  });

  it('checks at most the limit when the right password is somewhere in the burst', async () => {
    server = await startApiServer({ trustProxy: true });
    const right = 37;
    const results = await Promise.all(
      Array.from({ length: BURST }, (_, i) => login('admin', i === right ? TEST_ADMIN.password : `wrong-${i}`, `10.1.0.${i}`)),
    );
    const counts = tally(results);
    // The right password either came among the first five or was refused unchecked: never a sixth check.
    expect((counts[401] ?? 0) + (counts[200] ?? 0)).toBeLessThanOrEqual(DEFAULT_LIMITS.loginFailuresPerAccount);
    expect(counts[500]).toBeUndefined();
  });

  it('checks at most the address limit of a burst spraying many accounts from one address', async () => {
    server = await startApiServer({ trustProxy: true });
    const results = await Promise.all(Array.from({ length: BURST }, (_, i) => login(`nobody${i}`, 'wrong-password', '10.2.0.1')));
    const counts = tally(results);
    expect(counts[401]).toBe(DEFAULT_LIMITS.loginFailuresPerAddress);
    expect(counts[429]).toBe(BURST - DEFAULT_LIMITS.loginFailuresPerAddress);
    expect((await login('admin', TEST_ADMIN.password, '10.2.0.1')).status).toBe(429);
    expect((await login('admin', TEST_ADMIN.password, '10.2.0.2')).status).toBe(200);
  });

  it('checks at most the account limit of a burst at the own-password change, and then refuses the right one', async () => {
    server = await startApiServer();
    const org = await seedOrganisation(server);
    const { user, token } = org.people.staffCulture;
    const change = (currentPassword: string) =>
      server.api.send('POST', `/api/people/${user.id}/password`, { token, json: { currentPassword, password: 'a-new-password-5678' } });
    const counts = tally(await Promise.all(Array.from({ length: BURST }, (_, i) => change(`wrong-${i}`))));
    expect(counts[403]).toBe(DEFAULT_LIMITS.loginFailuresPerAccount);
    expect(counts[429]).toBe(BURST - DEFAULT_LIMITS.loginFailuresPerAccount);
    expect((await change(PASSWORD)).status).toBe(429);
    // The sign-in shares the account's count.
    expect((await server.api.post('/api/auth/login', { username: user.username, password: PASSWORD })).status).toBe(429);
  });

  it('turns a flood from many accounts and addresses away with 429 beyond the waiting checks, never a 5xx', async () => {
    server = await startApiServer({ trustProxy: true, limits: { passwordChecksAtOnce: 1, passwordChecksWaiting: 4 } });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => login(`person${i}`, 'some-password', `10.3.0.${i}`)));
    const counts = tally(results);
    expect(counts[401]).toBeGreaterThanOrEqual(5);
    expect(counts[401]! + counts[429]!).toBe(40);
    const busy = results.find((r) => r.status === 429)!;
    expect(busy.headers.get('retry-after')).toBe('1');
    // Refused for want of a slot, not counted: the address and accounts may still sign in.
    expect((await login('admin', TEST_ADMIN.password, '10.3.0.1')).status).toBe(200);
  });
});
