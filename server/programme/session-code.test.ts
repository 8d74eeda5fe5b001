import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { SESSION_CODE_ALPHABET } from '../../shared/schemas/programme-attendance.ts';
import { codesMatch, newSessionCode, normaliseCode } from './session-code.ts';

describe('session codes', () => {
  it('makes six characters from the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = newSessionCode(randomBytes);
      expect(code).toMatch(new RegExp(`^[${SESSION_CODE_ALPHABET}]{6}$`));
    }
    expect(SESSION_CODE_ALPHABET).not.toMatch(/[01IOL]/);
  });

  it('skips bytes above the largest multiple of the alphabet size (no bias)', () => {
    const bytes = [255, 250, 248, 0, 1, 2, 3, 4, 5, 6];
    let offset = 0;
    const fake = (n: number) => Uint8Array.from({ length: n }, () => bytes[offset++ % bytes.length]!);
    // 31 letters: bytes >= 248 are rejected, so the code starts from byte 0.
    expect(newSessionCode(fake)).toBe('ABCDEF');
  });

  it('matches regardless of case, spaces and dashes, and nothing else', () => {
    expect(normaliseCode(' ab3-k7p ')).toBe('AB3K7P');
    expect(codesMatch('ab3 k7p', 'AB3K7P')).toBe(true);
    expect(codesMatch('AB3K7Q', 'AB3K7P')).toBe(false);
    expect(codesMatch('', 'AB3K7P')).toBe(false);
  });
});
