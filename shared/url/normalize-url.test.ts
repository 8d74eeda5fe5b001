// The page identity notes are filed under: fragments and tracking parameters go, content stays as it was.
import { describe, expect, it } from 'vitest';
import { normalizeUrl } from './normalize-url.ts';

describe('normalizeUrl', () => {
  it.each([
    ['drops the fragment', 'https://learn.example.org/a/1#section-2', 'https://learn.example.org/a/1'],
    ['drops utm_* of any case', 'https://x.org/a?utm_source=wx&UTM_Medium=s&id=3', 'https://x.org/a?id=3'],
    ['drops click ids', 'https://x.org/a?fbclid=abc&gclid=def&msclkid=g', 'https://x.org/a'],
    ['keeps content parameters in their order', 'https://x.org/a?page=2&id=7&utm_campaign=c', 'https://x.org/a?page=2&id=7'],
    ['keeps a content parameter without a value', 'https://x.org/a?print&spm=a1.b2', 'https://x.org/a?print'],
    ['keeps encoded values exactly', 'https://x.org/s?q=%E5%AD%A6%E4%B9%A0+a&gclid=1', 'https://x.org/s?q=%E5%AD%A6%E4%B9%A0+a'],
    ['lower-cases the host and drops the default port', 'HTTPS://Learn.Example.ORG:443/A', 'https://learn.example.org/A'],
    ['keeps a non-default port', 'http://127.0.0.1:8080/learn/a?x=1#t', 'http://127.0.0.1:8080/learn/a?x=1'],
    ['drops an empty query', 'https://x.org/a?', 'https://x.org/a'],
    ['drops empty pairs', 'https://x.org/a?&id=1&&', 'https://x.org/a?id=1'],
  ])('%s', (_what, input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('returns what is not an absolute URL unchanged', () => {
    expect(normalizeUrl('not a url')).toBe('not a url');
  });

  it('is idempotent', () => {
    const once = normalizeUrl('https://x.org/a?b=1&utm_x=2#c');
    expect(normalizeUrl(once)).toBe(once);
  });
});
