// Bearer tokens: 32 random bytes handed to the client once; only their SHA-256 is stored, so a copy
// of the data folder cannot be used to sign in.
import { createHash, randomBytes } from 'node:crypto';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}
