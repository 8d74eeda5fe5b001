// GET /api/policy: what extensions follow, and the organisation's time zone they show days and times
// in, with an ETag of both so a periodic refresh that finds nothing new costs a 304 and no body.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { signedIn } from '../http/signed-in.ts';

/** The zone is part of the tag: a server restarted in another zone must not answer 304 to the old one. */
export function policyEtag(version: number, timeZone: string): string {
  return `"policy-${version}-${timeZone}"`;
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
    const { timeZone } = deps.config;
    const etag = policyEtag(policy.version, timeZone);
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.json({ ...policy, timeZone });
  });
}
