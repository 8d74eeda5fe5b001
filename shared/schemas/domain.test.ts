import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { displayNameSchema, hasSomeChange, isUuid, linkUrlSchema, plainTextSchema, webUrlSchema, withoutCredentials } from './domain.ts';

describe('text schemas', () => {
  const name = displayNameSchema(20);

  it('accepts names in any script, trimmed', () => {
    expect(name.parse('  研究室 Research ')).toBe('研究室 Research');
    expect(name.parse('Zoë 😀')).toBe('Zoë 😀');
    expect(name.parse('张\u3000三 O’Brien-Smith')).toBe('张\u3000三 O’Brien-Smith');
    expect(name.parse('ناصر हिन्दी 한국어')).toBe('ناصر हिन्दी 한국어');
  });

  it.each([
    ['a lone surrogate', 'a\ud800b'],
    ['a NUL', 'a\u0000b'],
    ['a right-to-left override', '\u202eadmin'],
    ['an isolate', 'x\u2066y'],
    ['a zero-width space', 'ad\u200bmin'],
    ['a zero-width joiner', 'ad\u200dmin'],
    ['a word joiner', 'ad\u2060min'],
    ['a byte-order mark', '\ufeffadmin'],
    ['an Arabic letter mark', 'ad\u061cmin'],
    ['a line separator', 'ad\u2028min'],
    ['a paragraph separator', 'ad\u2029min'],
    ['a tag character', 'admin\u{e0041}'],
    ['a soft hyphen', 'ad\u00admin'],
    ['a Hangul filler', '\u3164'],
    ['a halfwidth Hangul filler', 'a\uffa0'],
    ['a variation selector', 'a\ufe0f'],
    ['a Mongolian vowel separator', 'a\u180eb'],
    ['a tab', 'a\tb'],
    ['only spaces', '   '],
    ['too many characters', 'x'.repeat(21)],
  ])('refuses a name with %s', (_, value) => {
    expect(name.safeParse(value).success).toBe(false);
  });

  it('keeps free text as typed but refuses lone surrogates', () => {
    expect(plainTextSchema(10).parse(' \u202e ok ')).toBe(' \u202e ok ');
    expect(plainTextSchema(10).safeParse('\udfff').success).toBe(false);
  });

  it('says whether an update changes anything besides its reason', () => {
    expect(hasSomeChange({ reason: 'x' })).toBe(false);
    expect(hasSomeChange({ name: undefined })).toBe(false);
    expect(hasSomeChange({ active: false })).toBe(true);
  });

  it.each(['https://learn.example.org/a?x=1#p2', 'http://10.0.0.1:8080/学习/第一课', 'HTTPS://Example.org/'])('takes the page address %s as it is', (url) => {
    expect(webUrlSchema(100).parse(url)).toBe(url);
  });

  it.each([
    ['another scheme', 'ftp://example.org/a'],
    ['no //', 'https:example.org/a'],
    ['a leading space', ' https://example.org/a'],
    ['a space inside', 'https://example.org/a b'],
    ['a line break', 'https://exa\nmple.org/'],
    ['a NUL', 'https://example.org/\u0000'],
    ['no host', 'https://'],
    ['a bad port', 'https://example.org:99999/'],
    ['too many characters', `https://example.org/${'a'.repeat(100)}`],
    ['a user and password', 'https://user:pass@example.org/'],
    ['a user name', 'https://user@example.org/a'],
    ['credentials after a backslash-free path', 'http://a:b@10.0.0.1:8080/x@y'],
  ])('refuses a page address with %s', (_, url) => {
    expect(webUrlSchema(100).safeParse(url).success).toBe(false);
  });

  it('takes an @ after the host (a path, a query, a fragment) but never before it', () => {
    for (const url of ['https://example.org/@user', 'https://example.org/a?x=a@b', 'https://example.org/#a@b', 'https://example.org\\@evil.example/']) {
      expect([url, withoutCredentials(url)]).toEqual([url, true]);
    }
    expect(withoutCredentials('https://a@b')).toBe(false);
    expect(linkUrlSchema(100).safeParse('https://meet.example.org/room?x=@').success).toBe(true);
    expect(linkUrlSchema(100).safeParse('https://u:p@meet.example.org/room').success).toBe(false);
  });

  it('tells UUIDs as z.uuid() does, on random, edited and hostile strings', () => {
    const zodUuid = z.uuid();
    const samples = [
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
      '0E3B6F0A-1111-4111-8111-000000000002',
      '018f3c2a-7b1e-7000-8000-000000000000',
      '0e3b6f0a-1111-0111-8111-000000000001',
      '0e3b6f0a-1111-9111-8111-000000000001',
      '0e3b6f0a-1111-4111-c111-000000000001',
      '0e3b6f0a-1111-4111-7111-000000000001',
      '0e3b6f0a_1111-4111-8111-000000000001',
      '0e3b6f0a-1111-4111-8111-00000000000g',
      '0e3b6f0a-1111-4111-8111-0000000000001',
      ' 0e3b6f0a-1111-4111-8111-00000000001',
      '０e3b6f0a-1111-4111-8111-000000000001',
      '',
    ];
    const chars = '0123456789abcdefABCDEFgG-_ ';
    for (let i = 0; i < 3000; i++) {
      const id = randomUUID().split('');
      // One to three characters replaced by anything nearby, so both rules are exercised near the edge.
      for (let k = 0; k < 1 + (i % 3); k++) id[Math.floor(Math.random() * 36)] = chars[Math.floor(Math.random() * chars.length)]!;
      samples.push(i % 2 === 0 ? id.join('') : id.join('').toUpperCase());
    }
    for (const s of samples) expect([s, isUuid(s)]).toEqual([s, zodUuid.safeParse(s).success]);
  });
});
