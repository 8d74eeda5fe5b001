// What every route receives: the app's dependencies, and the Hono context variables set by auth.
import type { ServerConfig } from '../config.ts';
import type { Store, TokenRecord, UserRecord } from '../store/records.ts';
import type { Limits } from './limits.ts';

export interface AppDeps {
  store: Store;
  /** Epoch milliseconds; the only source of "now" for request handling. */
  clock: () => number;
  config: Pick<ServerConfig, 'timeZone'>;
  /** Rate limits; the defaults suit an office, tests tighten them. */
  limits?: Partial<Limits>;
}

export type AppEnv = {
  Variables: {
    /** The signed-in user, set by the signedIn middleware. */
    user: UserRecord;
    /** The bearer token or session the request carried. */
    token: TokenRecord;
    /** True when the request was authenticated by the session cookie (then CSRF applies). */
    viaCookie: boolean;
  };
};
