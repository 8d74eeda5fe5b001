// Rate limits and their defaults. Sign-in failures are limited per account and per address, so
// guessing one password and spraying many accounts are both slowed; sync is limited per token.
export interface Limits {
  /** Failed sign-ins per account (username) within loginWindowMs before 429. */
  loginFailuresPerAccount: number;
  /** Failed sign-ins per client address within loginWindowMs before 429. */
  loginFailuresPerAddress: number;
  loginWindowMs: number;
  /** Password checks (scrypt, one libuv thread each) run at once: libuv has four, the store's fsync needs one. */
  passwordChecksAtOnce: number;
  /** Password checks waiting for a slot before more are refused with 429. */
  passwordChecksWaiting: number;
  /** Sync requests a token may make at once (the bucket size)... */
  syncBurst: number;
  /** ...and per second thereafter. */
  syncPerSecond: number;
}

export const DEFAULT_LIMITS: Limits = {
  loginFailuresPerAccount: 5,
  loginFailuresPerAddress: 20,
  loginWindowMs: 15 * 60_000,
  passwordChecksAtOnce: 2,
  passwordChecksWaiting: 32,
  syncBurst: 200,
  syncPerSecond: 20,
};
