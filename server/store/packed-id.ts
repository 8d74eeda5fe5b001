// Segment ids as the store keeps them: a lower-case UUID (what the extension sends) becomes its 16
// bytes in 22 base64url characters, any other id is kept verbatim behind a "~". Packed ids are the
// keys in memory, in the snapshot's rows and in the idempotency index: 22 characters an id instead of
// 36 in each, and the snapshot is written and read with no conversion.
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** base64url character code → its six bits; -1 for any other code below 128. */
export const SIXBITS = new Int8Array(128).fill(-1);
[...BASE64URL].forEach((ch, i) => (SIXBITS[ch.charCodeAt(0)] = i));
const HEX = [...'0123456789abcdef'].map((ch) => ch.charCodeAt(0));
const DASH = 0x2d;
/** Character code → hex digit value, for '0'-'9' and 'a'-'f' (the only ones a matching UUID has). */
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) NIBBLE[HEX[i]!] = i;
const ALPHABET = [...BASE64URL].map((ch) => ch.charCodeAt(0));

// Scratch buffers: packing and unpacking run hundreds of thousands of times when a year is loaded.
const nibbles: number[] = new Array(32);
const packedCodes: number[] = new Array(22);
const uuidCodes: number[] = new Array(36);

export function packId(id: string): string {
  // Checked while read, character by character: a regular expression first cost as much again.
  if (id.length !== 36) return `~${id}`;
  let n = 0;
  for (let i = 0; i < 36; i++) {
    const code = id.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (code !== DASH) return `~${id}`;
      continue;
    }
    const nibble = code < 128 ? NIBBLE[code]! : -1;
    if (nibble < 0) return `~${id}`;
    nibbles[n++] = nibble;
  }
  // 32 nibbles = 128 bits → 21 groups of 6 bits and 2 bits left over (base64url without padding).
  let out = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < 32; i++) {
    acc = ((acc << 4) | nibbles[i]!) & 0xfff;
    bits += 4;
    if (bits >= 6) {
      bits -= 6;
      packedCodes[out++] = ALPHABET[(acc >> bits) & 63]!;
    }
  }
  packedCodes[out++] = ALPHABET[(acc << (6 - bits)) & 63]!;
  return String.fromCharCode(...packedCodes);
}

export function unpackId(packed: string): string {
  if (packed.startsWith('~')) return packed.slice(1);
  // Decoded by table into character codes and made one flat string: slicing and joining would leave
  // each a tree of string pieces.
  let out = 0;
  let bits = 0;
  let acc = 0;
  for (let i = 0; i < packed.length; i++) {
    const code = packed.charCodeAt(i);
    acc = ((acc << 6) | Math.max(0, code < 128 ? SIXBITS[code]! : 0)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (acc >> bits) & 0xff;
      if (out === 8 || out === 13 || out === 18 || out === 23) uuidCodes[out++] = DASH;
      uuidCodes[out++] = HEX[byte >> 4]!;
      if (out === 8 || out === 13 || out === 18 || out === 23) uuidCodes[out++] = DASH;
      uuidCodes[out++] = HEX[byte & 15]!;
    }
  }
  return String.fromCharCode(...uuidCodes);
}
