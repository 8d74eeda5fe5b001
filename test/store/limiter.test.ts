// The limiter (server/limits/limiter.ts) in memory and on PostgreSQL, through the sign-in throttle and the
// sync bucket. On PostgreSQL, "two processes" are two limiters with their own connection pools on one
// database, as two server processes have; in memory both are the one process's limiter. The guesses
// and requests are sent at once, so the counting must hold under contention, not only in sequence.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../server/http/api-error.ts';
import { memoryLimiter, type LimiterFactory } from '../../server/limits/limiter.ts';
import { DEFAULT_LIMITS, type Limits } from '../../server/limits/limits.ts';
import { LoginThrottle } from '../../server/http/login-throttle.ts';
import { resetDatabase } from '../../server/store/postgres/database.ts';
import { openPostgresLimiter, type PostgresLimiter } from '../../server/store/postgres/postgres-limiter.ts';
import { openPostgresStore } from '../../server/store/postgres/postgres-store.ts';
import { freshDatabase } from '../support/postgres-database.ts';

const limits: Limits = { ...DEFAULT_LIMITS, loginFailuresPerAccount: 5, loginFailuresPerAddress: 20, loginWindowMs: 60_000, passwordChecksAtOnce: 2, passwordChecksWaiting: 1000 };
const slowCheck = (answer: boolean, log: string[], label = 'x') => async () => {
  log.push(label);
  await new Promise((r) => setTimeout(r, 2));
  return answer;
};
const refusal = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => (err instanceof ApiError ? err.status : err));

describe.each(['memory', 'postgres'] as const)('limiter (%s)', (kind) => {
  let url = '';
  let opened: PostgresLimiter[] = [];
  beforeAll(async () => {
    if (kind !== 'postgres') return;
    url = await freshDatabase('limiter');
  });
  beforeEach(async () => {
    if (kind !== 'postgres') return;
    await resetDatabase(url);
    // The limiter's tables come with the store's migrations, as when a server starts.
    await (await openPostgresStore(url, { clock: () => 0, timeZone: 'Asia/Shanghai' })).close();
  });
  afterEach(async () => {
    await Promise.all(opened.map((l) => l.close()));
    opened = [];
  });

  /** The factories of two server processes on one store. */
  function twoProcesses(): [LimiterFactory, LimiterFactory] {
    if (kind === 'memory') return [memoryLimiter, memoryLimiter];
    opened = [openPostgresLimiter(url), openPostgresLimiter(url)];
    return [opened[0]!.factory, opened[1]!.factory];
  }
  /** One throttle per process; in memory the one process's limiter serves both. */
  function throttles(l: Limits, clock: () => number): [LoginThrottle, LoginThrottle] {
    const [a, b] = twoProcesses();
    const first = a(l, clock);
    const second = kind === 'memory' ? first : b(l, clock);
    return [new LoginThrottle(l, first), new LoginThrottle(l, second)];
  }

  it('checks at most the account limit of 100 simultaneous guesses spread over two processes, and then not the right password', async () => {
    const [one, two] = throttles(limits, () => 0);
    const checked: string[] = [];
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => refusal((i % 2 === 0 ? one : two).check({ account: 'staff', address: `a${i}` }, slowCheck(false, checked)))),
    );
    expect(checked).toHaveLength(5);
    expect(answers.filter((a) => a === 429)).toHaveLength(95);
    expect(answers.filter((a) => a === null)).toHaveLength(5);
    expect(await refusal(two.check({ account: 'staff', address: 'a' }, slowCheck(true, checked, 'right')))).toBe(429);
    expect(checked).not.toContain('right');
  });

  it('checks at most the address limit across many accounts and both processes', async () => {
    const [one, two] = throttles(limits, () => 0);
    const checked: string[] = [];
    await Promise.all(Array.from({ length: 100 }, (_, i) => refusal((i % 2 === 0 ? one : two).check({ account: `p${i}`, address: 'a' }, slowCheck(false, checked)))));
    expect(checked).toHaveLength(20);
  });

  it('does not count right passwords or checks refused for want of a slot', async () => {
    const l = { ...limits, passwordChecksAtOnce: 1, passwordChecksWaiting: 0 };
    const [one, two] = throttles(l, () => 0);
    const checked: string[] = [];
    const attempt = { account: 'staff', address: 'a' };
    // The first check to get the one slot holds it until the other nine have been answered 429: each
    // turned away for want of the slot, or at the limit while five are pending; none of them counts.
    let open = () => undefined as void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let answered = 0;
    const held = async () => {
      checked.push('held');
      await gate;
      return false;
    };
    const burst = await Promise.all(
      Array.from({ length: 10 }, () =>
        refusal(one.check(attempt, held)).then((a) => {
          if (++answered === 9) open();
          return a;
        }),
      ),
    );
    expect(checked).toEqual(['held']);
    expect(burst.filter((a) => a === 429)).toHaveLength(9);
    for (let i = 0; i < 20; i++) expect(await (i % 2 === 0 ? one : two).check(attempt, slowCheck(true, checked))).toBe(true);
    // The one wrong guess was cleared by the successes: five more may be tried, over either process.
    for (let i = 0; i < 5; i++) expect(await (i % 2 === 0 ? one : two).check(attempt, slowCheck(false, checked))).toBe(false);
    expect(await refusal(one.check(attempt, slowCheck(true, checked)))).toBe(429);
  });

  it('a check that fails to run does not count', async () => {
    const [one] = throttles(limits, () => 0);
    const attempt = { account: 'staff', address: 'a' };
    for (let i = 0; i < 10; i++) {
      await expect(one.check(attempt, () => Promise.reject(new Error('hash failed')))).rejects.toThrow('hash failed');
    }
    expect(await one.check(attempt, async () => true)).toBe(true);
  });

  it('lets the account try again once the window has passed, with the wait in Retry-After', async () => {
    let now = 0;
    const [one, two] = throttles(limits, () => now);
    const attempt = { account: 'staff', address: 'a' };
    for (let i = 0; i < 5; i++) {
      now = i * 1000;
      await one.check(attempt, async () => false);
    }
    now = 10_000;
    const err = await two.check(attempt, async () => true).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    // The oldest of the five (at 0) leaves the window at 60 s.
    expect((err as ApiError).options.retryAfterSeconds).toBe(50);
    now = 60_001;
    expect(await two.check(attempt, async () => true)).toBe(true);
  });

  it('gives a sync key its burst once across both processes when 60 requests arrive at once, then refills at the rate', async () => {
    let now = 0;
    const l = { ...limits, syncBurst: 10, syncPerSecond: 2 };
    const [a, b] = twoProcesses();
    const one = a(l, () => now);
    const two = kind === 'memory' ? one : b(l, () => now);
    const waits = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? one : two).takeSync('token-1')));
    expect(waits.filter((w) => w === 0)).toHaveLength(10);
    expect(waits.filter((w) => w > 0).every((w) => w === 500)).toBe(true);
    expect(await one.takeSync('token-2')).toBe(0);
    now = 1000;
    expect([await one.takeSync('token-1'), await two.takeSync('token-1'), await one.takeSync('token-1')]).toEqual([0, 0, 500]);
  });
});
