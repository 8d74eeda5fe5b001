// The idempotency index: every stored segment id (packed, see packed-id.ts) → a small number (whose
// it is). A year holds half a million ids and every sync looks up each id it brings, nearly always
// to find it new. As a Map of strings this was one of the largest costs of ingest: each lookup missed
// the cache several times, each insert grew a table the collector scanned, and growing it rehashed
// everything. Here a packed UUID is five numbers in an open-addressing table of typed arrays, outside
// the collected heap; any other id (kept verbatim behind "~") goes to a small Map.

/** base64url character code → its six bits; -1 for anything else. */
const SIXBITS = new Int8Array(128).fill(-1);
[...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].forEach((ch, i) => (SIXBITS[ch.charCodeAt(0)] = i));

const WORDS = 5;
const PACKED_LENGTH = 22;
const EMPTY = -1;
/** A deleted entry: lookups probe past it, inserts may reuse it. */
const DELETED = -2;
const MIN_CAPACITY = 1024;

/** The key's words, written by `readKey`: reused, so a lookup allocates nothing. */
const key = new Int32Array(WORDS);

/** Splits a 22-character packed UUID into five numbers of up to 30 bits (five characters each); false for any other string. */
function readKey(packed: string): boolean {
  if (packed.length !== PACKED_LENGTH) return false;
  for (let w = 0; w < WORDS; w++) {
    let word = 0;
    for (let i = w * 5; i < Math.min(w * 5 + 5, PACKED_LENGTH); i++) {
      const code = packed.charCodeAt(i);
      const bits = code < 128 ? SIXBITS[code]! : -1;
      if (bits < 0) return false;
      word = (word << 6) | bits;
    }
    key[w] = word;
  }
  return true;
}

/** Mixes all five words: ids whose first characters repeat (time-ordered UUIDs) still spread out. */
function hashKey(): number {
  let h = 0x9e3779b9;
  for (let w = 0; w < WORDS; w++) {
    h = Math.imul(h ^ key[w]!, 0x85ebca6b);
    h ^= h >>> 13;
  }
  return Math.imul(h ^ (h >>> 16), 0xc2b2ae35) >>> 0;
}

export class IdIndex {
  private keys = new Int32Array(MIN_CAPACITY * WORDS);
  /** The number for each slot; EMPTY or DELETED when the slot holds no id. */
  private values = new Int32Array(MIN_CAPACITY).fill(EMPTY);
  /** Slots holding an id. */
  private used = 0;
  /** Slots holding an id or a deletion mark: what makes probes long. */
  private filled = 0;
  private readonly others = new Map<string, number>();

  get size(): number {
    return this.used + this.others.size;
  }

  /** The number stored for this id, or -1. */
  get(packed: string): number {
    if (!readKey(packed)) return this.others.get(packed) ?? -1;
    const slot = this.find();
    return slot < 0 ? -1 : this.values[slot]!;
  }

  /** Stores a number (≥ 0) for the id, replacing any it had. */
  set(packed: string, value: number): void {
    if (!readKey(packed)) {
      this.others.set(packed, value);
      return;
    }
    const found = this.find();
    if (found >= 0) {
      this.values[found] = value;
      return;
    }
    // Grown at 5/8 full (deletion marks included): probes stay short.
    if ((this.filled + 1) * 8 > this.values.length * 5) {
      this.resize(this.used * 8 > this.values.length * 3 ? this.values.length * 2 : this.values.length);
      readKey(packed);
    }
    const mask = this.values.length - 1;
    let slot = hashKey() & mask;
    while (this.values[slot]! >= 0) slot = (slot + 1) & mask;
    if (this.values[slot] === EMPTY) this.filled++;
    this.keys.set(key, slot * WORDS);
    this.values[slot] = value;
    this.used++;
  }

  delete(packed: string): void {
    if (!readKey(packed)) {
      this.others.delete(packed);
      return;
    }
    const slot = this.find();
    if (slot < 0) return;
    this.values[slot] = DELETED;
    this.used--;
  }

  /** The slot holding the key in `key`, or -1. */
  private find(): number {
    const mask = this.values.length - 1;
    const keys = this.keys;
    for (let slot = hashKey() & mask; ; slot = (slot + 1) & mask) {
      const value = this.values[slot]!;
      if (value === EMPTY) return -1;
      if (value === DELETED) continue;
      const at = slot * WORDS;
      if (keys[at] === key[0] && keys[at + 1] === key[1] && keys[at + 2] === key[2] && keys[at + 3] === key[3] && keys[at + 4] === key[4]) return slot;
    }
  }

  /** Re-inserts every id into a table of `capacity` slots, dropping deletion marks. */
  private resize(capacity: number): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(capacity * WORDS);
    this.values = new Int32Array(capacity).fill(EMPTY);
    this.filled = this.used;
    const mask = capacity - 1;
    for (let old = 0; old < oldValues.length; old++) {
      if (oldValues[old]! < 0) continue;
      key.set(oldKeys.subarray(old * WORDS, old * WORDS + WORDS));
      let slot = hashKey() & mask;
      while (this.values[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keys.set(key, slot * WORDS);
      this.values[slot] = oldValues[old]!;
    }
  }
}
