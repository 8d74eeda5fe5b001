// GET /api/policy: what extensions follow, with an ETag of its version so a periodic refresh that
// finds nothing new costs a 304 and no body.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { signedIn } from '../http/signed-in.ts';

export function policyEtag(version: number): string {
  return `"policy-${version}"`;
}

/** True when an If-None-Match header names this ETag (weak or strong) or is "*". */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

export function policyRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', signedIn(deps), async (c) => {
    const policy = await deps.store.getPolicy();
    const etag = policyEtag(policy.version);
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.json(policy);
  });
}
