import { describe, expect, it } from 'vitest';
import { isTrackingParameter, normalisePageUrl } from './normalise-page-url.ts';

describe('normalisePageUrl', () => {
  it.each([
    ['drops the fragment', 'https://learn.example.org/a/1#section-2', 'https://learn.example.org/a/1'],
    ['drops utm_* parameters, whatever their case', 'https://learn.example.org/a?UTM_Source=mail&utm_medium=x', 'https://learn.example.org/a'],
    ['keeps content parameters and their order', 'https://learn.example.org/read?book=7&utm_campaign=s&page=3', 'https://learn.example.org/read?book=7&page=3'],
    ['drops click ids', 'https://learn.example.org/a?id=1&fbclid=abc&gclid=def&msclkid=g', 'https://learn.example.org/a?id=1'],
    ['drops WeChat share markers but keeps the article keys', 'https://mp.weixin.qq.com/s?__biz=MzA&mid=26&idx=1&sn=ab&scene=21&isappinstalled=0', 'https://mp.weixin.qq.com/s?__biz=MzA&mid=26&idx=1&sn=ab'],
    ['drops Bilibili share markers', 'https://www.bilibili.com/video/BV1x?p=2&spm_id_from=333.1&vd_source=9f', 'https://www.bilibili.com/video/BV1x?p=2'],
    ['drops Matomo parameters', 'https://learn.example.org/a?pk_campaign=x&mtm_kwd=y&q=1', 'https://learn.example.org/a?q=1'],
    ['removes an empty query', 'https://learn.example.org/a?', 'https://learn.example.org/a'],
    ['removes empty pairs', 'https://learn.example.org/a?&x=1&&', 'https://learn.example.org/a?x=1'],
    ['keeps the encoding of what it keeps', 'https://learn.example.org/s?q=a+b%20c&t=%E5%AD%A6', 'https://learn.example.org/s?q=a+b%20c&t=%E5%AD%A6'],
    ['keeps a parameter without value', 'https://learn.example.org/a?print&utm_id=1', 'https://learn.example.org/a?print'],
    ['lower-cases the host and drops the default port', 'HTTPS://Learn.Example.ORG:443/A/1', 'https://learn.example.org/A/1'],
    ['keeps a non-default port', 'http://127.0.0.1:8080/learn/x?utm_source=a', 'http://127.0.0.1:8080/learn/x'],
    ['matches an encoded tracking name', 'https://learn.example.org/a?utm%5Fsource=x&k=1', 'https://learn.example.org/a?k=1'],
    ['survives a malformed escape in a name', 'https://learn.example.org/a?%E0%A4%A=1', 'https://learn.example.org/a?%E0%A4%A=1'],
  ])('%s', (_what, input, expected) => {
    expect(normalisePageUrl(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normalisePageUrl('https://learn.example.org/r?b=1&utm_x=2&c=3#h')!;
    expect(normalisePageUrl(once)).toBe(once);
  });

  it.each(['not a url', '/relative/path', 'ftp://example.org/file', 'chrome://settings', 'file:///tmp/a.html'])(
    'refuses %s',
    (input) => {
      expect(normalisePageUrl(input)).toBeNull();
    },
  );
});

describe('isTrackingParameter', () => {
  it('names tracking parameters and nothing that selects content', () => {
    expect(['utm_source', 'Utm_Term', 'gclid', 'spm', 'pk_kwd'].every(isTrackingParameter)).toBe(true);
    expect(['id', 'page', 'p', 'q', 'book', 'chapter', 'v', 'utm', 'from', 'sn', 'mid'].some(isTrackingParameter)).toBe(false);
  });
});
