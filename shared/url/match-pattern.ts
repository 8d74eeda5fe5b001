// Browser match patterns (https://*.example.org/learn/*): parsing and matching, the same on both sides.
// Follows Chrome's rules, restricted to http(s); a pattern without a port matches any port.

export interface MatchPattern {
  readonly schemes: readonly ('http' | 'https')[];
  /** Lower-case host without the wildcard, '' when the pattern's host is a bare '*'. */
  readonly host: string;
  readonly anySubdomain: boolean;
  /** Explicit port, or null to match any port. */
  readonly port: string | null;
  readonly path: RegExp;
}

// A host never holds '@': a pattern with user:pass@ is refused like any other address with credentials.
const PATTERN = /^(\*|https?):\/\/(\*|\*\.[^/*:@]+|[^/*:@]+)(?::(\d{1,5}))?(\/.*)$/;

/** Parses a match pattern; null when it is not one this product accepts. */
export function parseMatchPattern(pattern: string): MatchPattern | null {
  if (pattern === '<all_urls>') {
    return { schemes: ['http', 'https'], host: '', anySubdomain: true, port: null, path: /^\/.*$/s };
  }
  const m = PATTERN.exec(pattern);
  if (!m) return null;
  const [, scheme, rawHost, port, path] = m as unknown as [string, string, string, string | undefined, string];
  if (port !== undefined && Number(port) > 65535) return null;
  const anySubdomain = rawHost === '*' || rawHost.startsWith('*.');
  const host = rawHost === '*' ? '' : rawHost.replace(/^\*\./, '').toLowerCase();
  const pathRegex = new RegExp(
    '^' + path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$',
    's',
  );
  return {
    schemes: scheme === '*' ? ['http', 'https'] : [scheme as 'http' | 'https'],
    host,
    anySubdomain,
    port: port ?? null,
    path: pathRegex,
  };
}

/** True when the URL (hash ignored, query included, as browsers do) matches the parsed pattern. */
export function matchesPattern(pattern: MatchPattern, url: string | URL): boolean {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  const scheme = u.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return false;
  if (!pattern.schemes.includes(scheme)) return false;
  const host = u.hostname.toLowerCase();
  if (pattern.host !== '') {
    const exact = host === pattern.host;
    const sub = pattern.anySubdomain && host.endsWith('.' + pattern.host);
    if (!exact && !sub) return false;
  }
  if (pattern.port !== null) {
    const port = u.port || (scheme === 'https' ? '443' : '80');
    if (port !== pattern.port) return false;
  }
  return pattern.path.test(u.pathname + u.search);
}

/** True when the URL matches any of the pattern strings; invalid patterns match nothing. */
export function matchesAny(patterns: readonly string[], url: string | URL): boolean {
  return patterns.some((p) => {
    const parsed = parseMatchPattern(p);
    return parsed !== null && matchesPattern(parsed, url);
  });
}

/**
 * The origin pattern a browser needs host permission for, e.g. `https://*.example.org/*` for
 * `https://*.example.org/learn/*`. Ports are dropped: host permissions ignore them.
 */
export function hostPermissionFor(pattern: string): string | null {
  const m = PATTERN.exec(pattern);
  if (pattern === '<all_urls>') return '<all_urls>';
  if (!m) return null;
  return `${m[1]}://${m[2]}/*`;
}
