import { describe, expect, it } from 'vitest';
import { displayNameSchema, hasSomeChange, plainTextSchema } from './domain.ts';

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
});
