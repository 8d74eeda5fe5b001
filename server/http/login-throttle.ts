// Sign-in throttling: attempts counted per account and per client address, reserved before the
// password is checked, so simultaneous guesses count as they arrive; either key at its limit answers 429
// before any password is checked. The counting is the limiter's (limits/limiter.ts: in memory, or in
// PostgreSQL shared by every server process). Checks then wait for one of a few slots (see
// slot-queue.ts); the slots stay per process, as they guard this process's own threads.
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { ApiError } from './api-error.ts';
import { DEFAULT_LIMITS, type Limits } from '../limits/limits.ts';
import type { Limiter, LoginAttempt } from '../limits/limiter.ts';
import { SlotQueue } from './slot-queue.ts';

/** The answer when a key is at its limit; `Retry-After` is set by the error response. */
function tooManyFailures(waitMs: number): ApiError {
  return new ApiError(429, ERROR_CODES.rateLimited, `Too many failed sign-ins: try again in ${Math.ceil(waitMs / 60_000)} minute(s)`, undefined, {
    retryAfterSeconds: Math.ceil(waitMs / 1000),
  });
}

export class LoginThrottle {
  private readonly checks: SlotQueue;

  constructor(
    limits: Partial<Limits>,
    private readonly limiter: Limiter,
  ) {
    const l = { ...DEFAULT_LIMITS, ...limits };
    this.checks = new SlotQueue(l.passwordChecksAtOnce, l.passwordChecksWaiting);
  }

  /**
   * Runs `check` (true when the password is right) for the attempt, or throws 429 without running it:
   * when the account or the address is at its limit, or when too many checks are already waiting.
   * A wrong answer counts against both keys; a right one clears the account's settled failures.
   */
  async check(attempt: LoginAttempt, check: () => Promise<boolean>): Promise<boolean> {
    const hold = await this.limiter.reserveSignIn(attempt);
    if (!('settle' in hold)) throw tooManyFailures(hold.retryAfterMs);
    let outcome: { value: boolean } | null = null;
    try {
      outcome = await this.checks.run(check);
    } finally {
      // Refused for want of a slot, or failed to run: the guess was not answered, so it does not count.
      await hold.settle(outcome === null ? 'unanswered' : outcome.value ? 'right' : 'wrong');
    }
    if (outcome === null) {
      throw new ApiError(429, ERROR_CODES.rateLimited, 'The server is busy checking other sign-ins: try again in a second', undefined, { retryAfterSeconds: 1 });
    }
    return outcome.value;
  }
}
