// The address a request came from, for per-address limits. Taken from the socket: the server trusts
// no forwarding header, so a client cannot pick its own address.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Requests made without a socket (app.request in tests) share one bucket.
    return 'unknown';
  }
}
