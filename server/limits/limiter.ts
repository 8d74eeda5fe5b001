// The counting behind sign-in throttling and sync rate limits, behind one small async interface so
// it can live where the store lives: in this process's memory beside the embedded store (one server
// process), or in PostgreSQL (store/postgres/postgres-limiter.ts), where every server process behind
// one proxy counts against the same rows and so behaves as one server.
import type { Limits } from './limits.ts';
import { AttemptWindow, TokenBucket } from './rate-limit.ts';

export interface LoginAttempt {
  account: string;
  address: string;
}

/** What became of a reserved sign-in: `wrong` keeps counting; `right` and `unanswered` do not count. */
export type SignInOutcome = 'wrong' | 'right' | 'unanswered';

/** A sign-in attempt counted against its account and address while its password is checked. */
export interface SignInHold {
  /** `right` also forgets the account's settled failures. */
  settle(outcome: SignInOutcome): Promise<void>;
}

export interface Limiter {
  /**
   * Counts the attempt against its account and its address (both or neither), or answers how long to
   * wait when either is at its limit; the account's wait is given when both are.
   */
  reserveSignIn(attempt: LoginAttempt): Promise<SignInHold | { retryAfterMs: number }>;
  /** Takes one sync request from the key's bucket: 0 when allowed, else milliseconds until one is. */
  takeSync(key: string): Promise<number>;
}

/** How createApp gets its limiter: with the app's limits and clock, so both live in one place. */
export type LimiterFactory = (limits: Limits, clock: () => number) => Limiter;

/** The limiter of one server process: counts in memory, forgotten on restart. */
export const memoryLimiter: LimiterFactory = (l, clock) => {
  const accounts = new AttemptWindow(l.loginFailuresPerAccount, l.loginWindowMs, clock);
  const addresses = new AttemptWindow(l.loginFailuresPerAddress, l.loginWindowMs, clock);
  const sync = new TokenBucket(l.syncBurst, l.syncPerSecond, clock);
  return {
    async reserveSignIn({ account, address }) {
      const byAccount = accounts.reserve(account);
      if (!('pending' in byAccount)) return byAccount;
      const byAddress = addresses.reserve(address);
      if (!('pending' in byAddress)) {
        accounts.withdraw(byAccount);
        return byAddress;
      }
      return {
        async settle(outcome) {
          if (outcome === 'wrong') {
            accounts.fail(byAccount);
            addresses.fail(byAddress);
            return;
          }
          accounts.withdraw(byAccount);
          addresses.withdraw(byAddress);
          if (outcome === 'right') accounts.clear(account);
        },
      };
    },
    async takeSync(key) {
      return sync.take(key);
    },
  };
};
