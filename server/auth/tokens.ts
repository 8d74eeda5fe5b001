// Bearer tokens and session secrets: 32 random bytes handed to the client once; only their SHA-256 is
// stored, so a copy of the data folder cannot be used to sign in. A session's CSRF token is derived
// from its secret, so it needs no storage and cannot be known without the cookie.
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

// crypto.hash: one call, no Hash object to build for each request that presents a token.
export function hashToken(token: string): string {
  return hash('sha256', token, 'base64url');
}

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function csrfTokenFor(sessionToken: string): string {
  return hash('sha256', `studytrail-csrf\u0000${sessionToken}`, 'base64url');
}

export function csrfTokenMatches(sessionToken: string, sent: string): boolean {
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
