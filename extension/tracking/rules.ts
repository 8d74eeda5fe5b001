// Reduces the server's policy to the rules the tracking engine applies, and to the host permissions
// the browser must grant before the engine can see those pages at all.
import { hostPermissionFor } from '../../shared/url/match-pattern.ts';
import { DEFAULT_MEDIA_PRESENCE_SECONDS, type Policy } from '../../shared/schemas/policy.ts';
import type { TrackingRules } from '../storage/tracker-state.ts';

export function rulesFromPolicy(policy: Policy | null): TrackingRules | null {
  if (policy === null) return null;
  return {
    resources: policy.resources.map((r) => ({ id: r.id, patterns: r.patterns })),
    idleSeconds: policy.settings.idleSeconds,
    mediaPresenceSeconds: policy.settings.mediaPresenceSeconds ?? DEFAULT_MEDIA_PRESENCE_SECONDS,
  };
}

/** The distinct origin patterns covering every designated resource, sorted for stable comparisons. */
export function originsForPolicy(policy: Policy | null): string[] {
  if (policy === null) return [];
  const origins = new Set<string>();
  for (const resource of policy.resources) {
    for (const pattern of resource.patterns) {
      const origin = hostPermissionFor(pattern);
      if (origin !== null) origins.add(origin);
    }
  }
  return [...origins].sort();
}
