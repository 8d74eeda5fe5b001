// CORS for the API: extensions call it from their own origins (chrome-extension://…, moz-extension://…);
// web pages get no CORS access at all. Headers are set before the route runs (c.header), never on c.res:
// touching c.res makes Hono build the response twice, through a web stream, which cost a sync request
// more than half of its time (measured by the ingest bench of issue 3, since replaced by server-embedded).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

const ALLOW_HEADERS = 'Authorization,Content-Type,If-None-Match';
const ALLOW_METHODS = 'GET,POST,PUT,PATCH,DELETE';
const EXPOSE_HEADERS = 'ETag,Retry-After';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

export function extensionOrigin(origin: string): boolean {
  return /^(chrome|moz)-extension:\/\/[A-Za-z0-9-]+$/.test(origin);
}

export function extensionCors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    // Answers differ by Origin: caches must keep them apart.
    c.header('Vary', 'Origin');
    const allowed = origin !== undefined && extensionOrigin(origin);
    if (allowed) c.header('Access-Control-Allow-Origin', origin);
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', ALLOW_METHODS);
      c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
      c.header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
      return c.body(null, 204);
    }
    if (allowed) c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    await next();
  };
}
