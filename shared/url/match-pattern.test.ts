import { describe, expect, it } from 'vitest';
import { hostPermissionFor, matchesAny, matchesPattern, parseMatchPattern } from './match-pattern.ts';

function matches(pattern: string, url: string): boolean {
  const parsed = parseMatchPattern(pattern);
  if (!parsed) throw new Error(`not a pattern: ${pattern}`);
  return matchesPattern(parsed, url);
}

describe('parseMatchPattern', () => {
  it.each([
    'https://*.example.org/learn/*',
    'http://127.0.0.1/learn/*',
    'http://localhost:8080/*',
    '*://example.org/*',
    'https://*/*',
    '<all_urls>',
    'https://example.org/exact/path.html',
  ])('accepts %s', (p) => {
    expect(parseMatchPattern(p)).not.toBeNull();
  });

  it.each([
    '',
    'example.org/*',
    'ftp://example.org/*',
    'file:///tmp/*',
    'https://example.org',
    'https://exa*mple.org/*',
    'https://*example.org/*',
    'https://example.org:99999/*',
    'https://example.*/*',
    'javascript:alert(1)',
    'https://user:pass@example.org/*',
    'https://user@*.example.org/*',
  ])('rejects %s', (p) => {
    expect(parseMatchPattern(p)).toBeNull();
  });
});

describe('matchesPattern', () => {
  it('matches a subdomain wildcard and the bare domain, not look-alikes', () => {
    const p = 'https://*.example.org/learn/*';
    expect(matches(p, 'https://example.org/learn/a')).toBe(true);
    expect(matches(p, 'https://www.example.org/learn/a/b?x=1')).toBe(true);
    expect(matches(p, 'https://a.b.example.org/learn/')).toBe(true);
    expect(matches(p, 'https://badexample.org/learn/a')).toBe(false);
    expect(matches(p, 'https://example.org.evil.com/learn/a')).toBe(false);
    expect(matches(p, 'https://example.org/other')).toBe(false);
    expect(matches(p, 'http://example.org/learn/a')).toBe(false);
  });

  it('lets a pattern without a port match any port, and a port match only itself', () => {
    expect(matches('http://127.0.0.1/learn/*', 'http://127.0.0.1:41234/learn/article')).toBe(true);
    expect(matches('http://127.0.0.1/learn/*', 'http://127.0.0.1/learn/article')).toBe(true);
    expect(matches('http://localhost:8080/*', 'http://localhost:8080/a')).toBe(true);
    expect(matches('http://localhost:8080/*', 'http://localhost:8081/a')).toBe(false);
    expect(matches('http://localhost:80/*', 'http://localhost/a')).toBe(true);
    expect(matches('https://localhost:443/*', 'https://localhost/a')).toBe(true);
  });

  it('matches the query but ignores the hash, as browsers do', () => {
    expect(matches('https://e.org/read?id=*', 'https://e.org/read?id=7#part2')).toBe(true);
    expect(matches('https://e.org/read', 'https://e.org/read#x')).toBe(true);
    expect(matches('https://e.org/read', 'https://e.org/read?x')).toBe(false);
  });

  it('treats regex characters in the path literally', () => {
    expect(matches('https://e.org/a.b/(c)+', 'https://e.org/a.b/(c)+')).toBe(true);
    expect(matches('https://e.org/a.b/*', 'https://e.org/aXb/c')).toBe(false);
  });

  it('is case-insensitive for the host only', () => {
    expect(matches('https://Example.ORG/Learn/*', 'https://example.org/Learn/x')).toBe(true);
    expect(matches('https://example.org/Learn/*', 'https://example.org/learn/x')).toBe(false);
  });

  it('never matches non-web schemes or garbage', () => {
    expect(matches('<all_urls>', 'chrome://settings')).toBe(false);
    expect(matches('*://*/*', 'file:///etc/passwd')).toBe(false);
    expect(matches('*://*/*', 'not a url')).toBe(false);
  });
});

describe('matchesAny', () => {
  it('is true when one pattern matches and ignores invalid ones', () => {
    expect(matchesAny(['nonsense', 'https://e.org/*'], 'https://e.org/x')).toBe(true);
    expect(matchesAny(['nonsense'], 'https://e.org/x')).toBe(false);
    expect(matchesAny([], 'https://e.org/x')).toBe(false);
  });
});

describe('hostPermissionFor', () => {
  it('widens the path and drops the port', () => {
    expect(hostPermissionFor('https://*.example.org/learn/*')).toBe('https://*.example.org/*');
    expect(hostPermissionFor('http://localhost:8080/a')).toBe('http://localhost/*');
    expect(hostPermissionFor('nonsense')).toBeNull();
  });
});
