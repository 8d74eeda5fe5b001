import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { DEFAULT_LIMITS } from '../limits/limits.ts';
import { memoryLimiter } from '../limits/limiter.ts';
import { LoginThrottle } from './login-throttle.ts';

const limits = { loginFailuresPerAccount: 5, loginFailuresPerAddress: 20, loginWindowMs: 60_000, passwordChecksAtOnce: 2, passwordChecksWaiting: 1000 };
const slowCheck = (answer: boolean, log: string[], label = 'x') => async () => {
  log.push(label);
  await new Promise((r) => setTimeout(r, 2));
  return answer;
};
const refusal = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => (err instanceof ApiError ? err.status : err));

describe('LoginThrottle', () => {
  it('checks at most the account limit of 100 simultaneous guesses, and the right password not once limited', async () => {
    const throttle = new LoginThrottle(limits, memoryLimiter({ ...DEFAULT_LIMITS, ...limits }, () => 0));
    const checked: string[] = [];
    const attempt = { account: 'staff', address: 'a' };
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => refusal(throttle.check({ ...attempt, address: `a${i}` }, slowCheck(false, checked)))));
    expect(checked).toHaveLength(5);
    expect(answers.filter((a) => a === 429)).toHaveLength(95);
    expect(await refusal(throttle.check(attempt, slowCheck(true, checked, 'right')))).toBe(429);
    expect(checked).not.toContain('right');
  });

  it('checks at most the address limit across many accounts', async () => {
    const throttle = new LoginThrottle(limits, memoryLimiter({ ...DEFAULT_LIMITS, ...limits }, () => 0));
    const checked: string[] = [];
    await Promise.all(Array.from({ length: 100 }, (_, i) => refusal(throttle.check({ account: `p${i}`, address: 'a' }, slowCheck(false, checked)))));
    expect(checked).toHaveLength(20);
  });

  it('does not count right passwords or checks refused for want of a slot', async () => {
    const throttle = new LoginThrottle({ ...limits, passwordChecksAtOnce: 1, passwordChecksWaiting: 0 }, memoryLimiter({ ...DEFAULT_LIMITS, ...limits }, () => 0));
    const checked: string[] = [];
    const attempt = { account: 'staff', address: 'a' };
    const burst = await Promise.all(Array.from({ length: 10 }, () => refusal(throttle.check(attempt, slowCheck(false, checked)))));
    expect(burst.filter((a) => a === 429)).toHaveLength(9);
    for (let i = 0; i < 20; i++) expect(await throttle.check(attempt, slowCheck(true, checked))).toBe(true);
    // One wrong guess counted, then every success cleared it: four more may still be tried.
    for (let i = 0; i < 5; i++) expect(await throttle.check(attempt, slowCheck(false, checked))).toBe(false);
    expect(await refusal(throttle.check(attempt, slowCheck(true, checked)))).toBe(429);
  });

  it('lets the account try again once the window has passed', async () => {
    let now = 0;
    const throttle = new LoginThrottle(limits, memoryLimiter({ ...DEFAULT_LIMITS, ...limits }, () => now));
    const attempt = { account: 'staff', address: 'a' };
    for (let i = 0; i < 5; i++) await throttle.check(attempt, async () => false);
    const err = await throttle.check(attempt, async () => true).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).options.retryAfterSeconds).toBe(60);
    now = 60_001;
    expect(await throttle.check(attempt, async () => true)).toBe(true);
  });
});
