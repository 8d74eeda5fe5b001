// Who is asking, and over what: the client's address (for audit entries and rate limits) and whether
// the request came over HTTPS (Secure cookies, absolute URLs). Behind a reverse proxy the socket shows
// the proxy, so X-Forwarded-For/-Proto are read, but only when STUDYTRAIL_TRUST_PROXY says the proxy
// is there: otherwise any client could claim any address.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, ClientInfo } from './app-env.ts';

export interface RequestFacts {
  /** The full request URL as the server saw it (http unless TLS ended here). */
  readonly url: string;
  readonly socketAddress: string | null;
  readonly header: (name: string) => string | undefined;
}

/**
 * The value the nearest proxy added. Each proxy appends to these headers, so with one trusted proxy
 * the last entry is the one it wrote; anything before it came from the client and proves nothing.
 */
function lastEntry(value: string | undefined): string | null {
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '');
  return entries.at(-1) ?? null;
}

/** Pure: the facts of one request → what the application may believe about its client. */
export function clientInfo(facts: RequestFacts, trustProxy: boolean): ClientInfo {
  const url = new URL(facts.url);
  let address = facts.socketAddress;
  let https = url.protocol === 'https:';
  if (trustProxy) {
    address = lastEntry(facts.header('x-forwarded-for')) ?? address;
    const proto = lastEntry(facts.header('x-forwarded-proto'))?.toLowerCase();
    if (proto === 'https' || proto === 'http') https = proto === 'https';
  }
  return { address, https, origin: `${https ? 'https' : 'http'}://${url.host}` };
}

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } } | undefined;

/** A request's ClientInfo, worked out when first asked: most requests (every sync) never ask. */
class RequestClientInfo implements ClientInfo {
  private info: ClientInfo | null = null;

  constructor(
    private readonly c: Context,
    private readonly trustProxy: boolean,
  ) {}

  get address(): string | null {
    return this.known().address;
  }
  get https(): boolean {
    return this.known().https;
  }
  get origin(): string {
    return this.known().origin;
  }

  private known(): ClientInfo {
    if (this.info) return this.info;
    const { c } = this;
    const socketAddress = (c.env as NodeBindings)?.incoming?.socket?.remoteAddress ?? null;
    this.info = clientInfo({ url: c.req.url, socketAddress, header: (name) => c.req.header(name) }, this.trustProxy);
    return this.info;
  }
}

/** Sets `client` on every request. */
export function clientInfoMiddleware(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('client', new RequestClientInfo(c, trustProxy));
    await next();
  };
}

/** The address for per-address limits; requests without a socket (app.request in tests) share one bucket. */
export function limitAddress(c: Context<AppEnv>): string {
  return c.get('client').address ?? 'unknown';
}
