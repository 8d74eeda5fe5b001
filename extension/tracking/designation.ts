// Decides whether a URL belongs to a designated resource, and reduces it to the only form the engine
// keeps: resource id, normalised URL (shared/url) and title. Anything else is dropped here, before storage.
import { matchesAny } from '../../shared/url/match-pattern.ts';
import { normalisePageUrl } from '../../shared/url/normalise-page-url.ts';
import type { DesignatedPage, TrackingRules } from '../storage/tracker-state.ts';

// The server's segment schema caps these; longer values would make the whole segment rejected.
const MAX_URL_LENGTH = 2048;
const MAX_TITLE_LENGTH = 500;

/** The designated page for this URL under the rules, or null when it must not be recorded. */
export function designate(
  rules: TrackingRules | null,
  url: string | undefined,
  title: string | undefined,
): DesignatedPage | null {
  if (rules === null || url === undefined) return null;
  const pageUrl = withinLimit(url);
  if (pageUrl === null) return null;
  const resource = rules.resources.find((r) => matchesAny(r.patterns, pageUrl));
  if (resource === undefined) return null;
  return { resourceId: resource.id, url: pageUrl, title: (title ?? '').slice(0, MAX_TITLE_LENGTH) };
}

/** The normalised URL; without query too if still too long to send. */
function withinLimit(url: string): string | null {
  const normalised = normalisePageUrl(url);
  if (normalised === null || normalised.length <= MAX_URL_LENGTH) return normalised;
  const bare = new URL(normalised);
  bare.search = '';
  return bare.href.length <= MAX_URL_LENGTH ? bare.href : null;
}

export function samePage(a: DesignatedPage | null, b: DesignatedPage | null): boolean {
  return a !== null && b !== null && a.resourceId === b.resourceId && a.url === b.url;
}
