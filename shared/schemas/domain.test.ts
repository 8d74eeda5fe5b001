import { describe, expect, it } from 'vitest';
import { displayNameSchema, hasSomeChange, plainTextSchema, webUrlSchema } from './domain.ts';

describe('text schemas', () => {
  const name = displayNameSchema(20);

  it('accepts names in any script, trimmed', () => {
    expect(name.parse('  研究室 Research ')).toBe('研究室 Research');
    expect(name.parse('Zoë 😀')).toBe('Zoë 😀');
  });

  it.each([
    ['a lone surrogate', 'a\ud800b'],
    ['a NUL', 'a\u0000b'],
    ['a right-to-left override', '\u202eadmin'],
    ['an isolate', 'x\u2066y'],
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
  ])('refuses a page address with %s', (_, url) => {
    expect(webUrlSchema(100).safeParse(url).success).toBe(false);
  });
});
