// One page, one URL: drops what does not change the document (the #fragment, tracking and share
// parameters) and keeps every parameter that selects content (?id=42, ?page=3). Pure; notes use it too.

/** Query parameters that only say where a visit came from; matched case-insensitively. */
const TRACKING_PARAMETERS = new Set([
  // Analytics and advertising click ids.
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid',
  'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id',
  // Chinese platforms: Alibaba's spm, Bilibili's share markers, WeChat's share and scene markers.
  'spm', 'spm_id_from', 'vd_source', 'share_source', 'share_medium', 'share_plat', 'share_session_id',
  'share_tag', 'share_from', 'share_times', 'unique_k', 'isappinstalled', 'scene', 'clicktime', 'enterid',
  'sharer_sharetime', 'sharer_shareid', 'sharer_shareinfo', 'sharer_shareinfo_first',
]);

/** Parameter families named by prefix: utm_source, utm_medium, … and pk_campaign (Matomo). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_'];

export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMETERS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * The page's URL without fragment and tracking parameters; the remaining parameters keep their order
 * and encoding. Null when the input is not an absolute http(s) URL.
 */
export function normalisePageUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  // Filtered on the raw text: URLSearchParams would re-encode what it keeps (a space as +, etc.).
  // Assigned even when empty: that also removes a bare trailing "?".
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParameter(decodeName(pair.split('=')[0]!)));
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.href;
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw; // a malformed escape is not one of our names
  }
}
