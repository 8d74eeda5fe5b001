// A line of a store file that carries its own CRC-32: `crc32-hex8 json`. The journal and (since
// schema 6) the snapshot are written this way, so a flipped byte anywhere in a value is noticed at load
// instead of read as a different value.
import { crc32 } from 'node:zlib';

export function checksumOf(json: string): string {
  return crc32(json).toString(16).padStart(8, '0');
}

/** `json` behind its checksum (no line break). */
export function withChecksum(json: string): string {
  return `${checksumOf(json)} ${json}`;
}

/** Whether a line starts the way a checked line does (eight hex digits and a space). */
export function looksChecked(line: string): boolean {
  return line.length > 9 && line.charCodeAt(8) === 0x20 && /^[0-9a-f]{8}$/.test(line.slice(0, 8));
}

/** The JSON text of a checked line, or why it cannot be trusted. */
export function checkedJson(line: string): { ok: true; json: string } | { ok: false; why: 'no checksum' | 'checksum mismatch' } {
  if (!looksChecked(line)) return { ok: false, why: 'no checksum' };
  const json = line.slice(9);
  return checksumOf(json) === line.slice(0, 8) ? { ok: true, json } : { ok: false, why: 'checksum mismatch' };
}
