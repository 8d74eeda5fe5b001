// Server-assigned ids: 12 random URL-safe characters (72 bits), short enough to read in a URL.
import { randomBytes } from 'node:crypto';

export function newId(): string {
  return randomBytes(9).toString('base64url');
}
