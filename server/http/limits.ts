// Rate limits and their defaults. Sign-in failures are limited per account and per address, so
// guessing one password and spraying many accounts are both slowed; sync is limited per token.
export interface Limits {
  /** Failed sign-ins per account (username) within loginWindowMs before 429. */
  loginFailuresPerAccount: number;
  /** Failed sign-ins per client address within loginWindowMs before 429. */
  loginFailuresPerAddress: number;
  loginWindowMs: number;
  /** Sync requests a token may make at once (the bucket size)... */
  syncBurst: number;
  /** ...and per second thereafter. */
  syncPerSecond: number;
}

export const DEFAULT_LIMITS: Limits = {
  loginFailuresPerAccount: 5,
  loginFailuresPerAddress: 20,
  loginWindowMs: 15 * 60_000,
  syncBurst: 200,
  syncPerSecond: 20,
};
