// Sign-in throttling: failures counted per account and per client address; either over its limit
// answers 429 before any password is checked. A success clears the account's count.
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { FailureWindow } from './rate-limit.ts';

export interface LoginAttempt {
  account: string;
  address: string;
}

export class LoginThrottle {
  private readonly accounts: FailureWindow;
  private readonly addresses: FailureWindow;

  constructor(limits: Partial<Limits>, clock: () => number) {
    const l = { ...DEFAULT_LIMITS, ...limits };
    this.accounts = new FailureWindow(l.loginFailuresPerAccount, l.loginWindowMs, clock);
    this.addresses = new FailureWindow(l.loginFailuresPerAddress, l.loginWindowMs, clock);
  }

  retryAfterMs(attempt: LoginAttempt): number {
    return Math.max(this.accounts.retryAfterMs(attempt.account), this.addresses.retryAfterMs(attempt.address));
  }

  failed(attempt: LoginAttempt): void {
    this.accounts.fail(attempt.account);
    this.addresses.fail(attempt.address);
  }

  succeeded(attempt: LoginAttempt): void {
    this.accounts.clear(attempt.account);
  }
}
