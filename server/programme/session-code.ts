// Short session codes (签到码) the organiser shows and staff type: six characters from an alphabet
// without look-alikes, compared ignoring case, spaces and dashes so "ab3-k7p" matches "AB3K7P".
import { SESSION_CODE_ALPHABET, SESSION_CODE_LENGTH } from '../../shared/schemas/programme-attendance.ts';

/** `randomBytes` is the test seam (node:crypto's randomBytes in production). */
export function newSessionCode(randomBytes: (n: number) => Uint8Array): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of the alphabet size).
  const limit = 256 - (256 % SESSION_CODE_ALPHABET.length);
  let code = '';
  while (code.length < SESSION_CODE_LENGTH) {
    for (const byte of randomBytes(SESSION_CODE_LENGTH * 2)) {
      if (byte < limit && code.length < SESSION_CODE_LENGTH) code += SESSION_CODE_ALPHABET[byte % SESSION_CODE_ALPHABET.length];
    }
  }
  return code;
}

export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

export function codesMatch(typed: string, code: string): boolean {
  return normaliseCode(typed) === code;
}
