// What every route receives: the app's dependencies, and the Hono context variables set by auth.
import type { ServerConfig } from '../config.ts';
import type { Store, TokenRecord, UserRecord } from '../store/store-contract.ts';
import type { LimiterFactory } from '../limits/limiter.ts';
import type { Limits } from '../limits/limits.ts';

/** Who is asking, and over what (set for every request by http/client-info.ts). */
export interface ClientInfo {
  /** The client's IP address; null when the request did not come over a socket (in-process tests). */
  readonly address: string | null;
  readonly https: boolean;
  /** Scheme and host the client used, e.g. https://studytrail.example.org */
  readonly origin: string;
}

export interface AppDeps {
  store: Store;
  /** Epoch milliseconds; the only source of "now" for request handling. */
  clock: () => number;
  /** trustProxy and publicUrl default to off and null (tests that do not care leave them out). */
  config: Pick<ServerConfig, 'timeZone'> & Partial<Pick<ServerConfig, 'trustProxy' | 'publicUrl'>>;
  /** Rate limits; the defaults suit an office, tests tighten them. */
  limits?: Partial<Limits>;
  /** Where sign-in guesses and sync requests are counted; default in this process's memory. */
  limiter?: LimiterFactory;
}

export type AppEnv = {
  Variables: {
    /** The signed-in user, set by the signedIn middleware. */
    user: UserRecord;
    /** The bearer token or session the request carried. */
    token: TokenRecord;
    /** True when the request was authenticated by the session cookie (then CSRF applies). */
    viaCookie: boolean;
    /** The client's address and scheme, set for every request (http/client-info.ts). */
    client: ClientInfo;
  };
};
