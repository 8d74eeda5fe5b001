// What every route receives: the app's dependencies, and the Hono context variables set by auth.
import type { ServerConfig } from '../config.ts';
import type { Store, UserRecord } from '../store/records.ts';
import type { ClientInfo } from './client-info.ts';

export interface AppDeps {
  store: Store;
  /** Epoch milliseconds; the only source of "now" for request handling. */
  clock: () => number;
  /** trustProxy and publicUrl default to off and null (tests that do not care leave them out). */
  config: Pick<ServerConfig, 'timeZone'> & Partial<Pick<ServerConfig, 'trustProxy' | 'publicUrl'>>;
}

export type AppEnv = {
  Variables: {
    /** The signed-in user, set by the signedIn middleware. */
    user: UserRecord;
    /** SHA-256 of the bearer token the request carried, for sign-out. */
    tokenHash: string;
    /** The client's address and scheme, set for every request (http/client-info.ts). */
    client: ClientInfo;
  };
};
