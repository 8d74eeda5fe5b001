// One form per page for notes: the same article reached through a campaign link, a share button or an
// in-page anchor is one page. Only the fragment and known tracking parameters are dropped.

/**
 * Query parameters that identify a campaign, a click or a share, never the content. Matched on the
 * lower-cased name; `utm_*` by prefix. Content parameters (`?id=`, `?page=`) are kept in their order.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'spm',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/**
 * The URL without fragment and tracking parameters; scheme and host lower-cased and the default port
 * dropped (as URL does). Anything that is not an absolute URL is returned unchanged.
 */
export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.hash = '';
  // Rebuilt by hand rather than through URLSearchParams, which would re-encode the kept parameters.
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTracking(decodeName(pair.split('=')[0]!)));
  // Also clears a bare trailing '?', which `search` reports as empty but `href` keeps.
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return parsed.href;
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
