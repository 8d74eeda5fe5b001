// The idempotency index: every stored segment id (packed, see packed-id.ts) → a small number (whose
// it is). A year holds half a million ids and every sync looks up each id it brings, nearly always
// to find it new. As a Map of strings this was one of the largest costs of ingest: each lookup missed
// the cache several times, each insert grew a table the collector scanned, and growing it rehashed
// everything. Here a packed UUID is its 128 bits as four numbers in an open-addressing table of typed
// arrays, outside the collected heap; any other id (kept verbatim behind "~") goes to a small Map.
// Each slot also has a one-byte tag (empty, deleted, or eight bits of the id's hash) in an array of its
// own: a probe reads the tags, a twentieth of the table, and the key only when its tag matches, so
// finding an id new (what nearly every lookup does) rarely leaves the processor's cache.
import { SIXBITS } from './packed-id.ts';

const WORDS = 4;
/** A slot: the key's four words, then the value. */
const SLOT = WORDS + 1;
const PACKED_LENGTH = 22;
/** Tags: 0 an empty slot, 1 a deleted entry (lookups probe past it, inserts may reuse it), 2-255 an id. */
const EMPTY = 0;
const DELETED = 1;
const MIN_CAPACITY = 1024;
/** Most ids per slot before growing (deletion marks count): linear probes stay a few slots long. */
const MAX_LOAD = 0.65;

/** The key's words, written by `readKey`: reused, so a lookup allocates nothing. */
const key = new Int32Array(WORDS);

/**
 * Reads a packed UUID's 128 bits into `key`: 21 characters of six bits and two from the last, whose
 * other four bits packId leaves zero. False for any other string (they go to the Map).
 */
function readKey(packed: string): boolean {
  if (packed.length !== PACKED_LENGTH) return false;
  let word = 0;
  let filled = 0;
  let w = 0;
  for (let i = 0; i < PACKED_LENGTH; i++) {
    const code = packed.charCodeAt(i);
    let bits = code < 128 ? SIXBITS[code]! : -1;
    if (bits < 0) return false;
    let count = 6;
    if (i === PACKED_LENGTH - 1) {
      if ((bits & 15) !== 0) return false;
      bits >>= 4;
      count = 2;
    }
    const space = 32 - filled;
    if (count <= space) {
      word = (word << count) | bits;
      filled += count;
    } else {
      const rest = count - space;
      key[w++] = (word << space) | (bits >>> rest);
      word = bits & ((1 << rest) - 1);
      filled = rest;
    }
    if (filled === 32) {
      key[w++] = word;
      word = 0;
      filled = 0;
    }
  }
  return true;
}

/** Mixes all four words: ids whose first characters repeat (time-ordered UUIDs) still spread out. */
function hashKey(): number {
  let h = 0x9e3779b9;
  for (let w = 0; w < WORDS; w++) {
    h = Math.imul(h ^ key[w]!, 0x85ebca6b);
    h ^= h >>> 13;
  }
  return Math.imul(h ^ (h >>> 16), 0xc2b2ae35) >>> 0;
}

/** A slot's tag for a hash: 2-255, from bits the home slot does not use. */
const tagOf = (hash: number) => 2 + ((hash & 0xffff) % 254);

/** The slot a hash starts probing at, for a table of any size. */
const home = (hash: number, capacity: number) => Math.floor((hash / 4294967296) * capacity);

export class IdIndex {
  /** Slots of SLOT numbers: the key, then the value. */
  private slots = new Int32Array(MIN_CAPACITY * SLOT);
  private tags = new Uint8Array(MIN_CAPACITY);
  private capacity = MIN_CAPACITY;
  /** Slots holding an id. */
  private used = 0;
  /** Slots holding an id or a deletion mark: what makes probes long. */
  private filled = 0;
  private readonly others = new Map<string, number>();

  get size(): number {
    return this.used + this.others.size;
  }

  /**
   * Makes room for `count` ids in all, in one step: loading a year grows the table once, not ten
   * times over (each step leaving the memory of the last behind).
   */
  reserve(count: number): void {
    const capacity = Math.ceil(count / MAX_LOAD) + 1;
    if (capacity > this.capacity) this.resize(capacity);
  }

  /** The number stored for this id, or -1. */
  get(packed: string): number {
    if (!readKey(packed)) return this.others.get(packed) ?? -1;
    const slot = this.find(hashKey());
    return slot < 0 ? -1 : this.slots[slot * SLOT + WORDS]!;
  }

  /** Stores a number for the id, replacing any it had. */
  set(packed: string, value: number): void {
    if (!readKey(packed)) {
      this.others.set(packed, value);
      return;
    }
    if (this.filled + 1 > this.capacity * MAX_LOAD) {
      // Twice as large, or as large when deletion marks fill it: rehashing drops them.
      this.resize(this.used + 1 > (this.capacity * MAX_LOAD) / 2 ? this.capacity * 2 : this.capacity);
      readKey(packed); // rehashing used `key`
    }
    const hash = hashKey();
    const found = this.find(hash);
    if (found >= 0) {
      this.slots[found * SLOT + WORDS] = value;
      return;
    }
    // Into the first deleted or empty slot on the id's probe.
    let slot = home(hash, this.capacity);
    while (this.tags[slot]! > DELETED) if (++slot === this.capacity) slot = 0;
    if (this.tags[slot] === EMPTY) this.filled++;
    this.place(slot, tagOf(hash), value);
    this.used++;
  }

  delete(packed: string): void {
    if (!readKey(packed)) {
      this.others.delete(packed);
      return;
    }
    const slot = this.find(hashKey());
    if (slot < 0) return;
    this.tags[slot] = DELETED;
    this.used--;
  }

  /** The slot holding the key in `key` (whose hash is given), or -1. */
  private find(hash: number): number {
    const { tags, slots, capacity } = this;
    const tag = tagOf(hash);
    for (let slot = home(hash, capacity); ; ) {
      const held = tags[slot]!;
      if (held === EMPTY) return -1;
      if (held === tag) {
        const at = slot * SLOT;
        if (slots[at] === key[0] && slots[at + 1] === key[1] && slots[at + 2] === key[2] && slots[at + 3] === key[3]) return slot;
      }
      if (++slot === capacity) slot = 0;
    }
  }

  /** Writes the key in `key` and its value into a slot. */
  private place(slot: number, tag: number, value: number): void {
    this.tags[slot] = tag;
    this.slots.set(key, slot * SLOT);
    this.slots[slot * SLOT + WORDS] = value;
  }

  /** Re-inserts every id into a table of `capacity` slots, dropping deletion marks. */
  private resize(capacity: number): void {
    const { slots: old, tags: oldTags } = this;
    this.slots = new Int32Array(capacity * SLOT);
    this.tags = new Uint8Array(capacity);
    this.capacity = capacity;
    this.filled = this.used;
    for (let from = 0; from < oldTags.length; from++) {
      if (oldTags[from]! <= DELETED) continue;
      const at = from * SLOT;
      key.set(old.subarray(at, at + WORDS));
      const hash = hashKey();
      let slot = home(hash, capacity);
      while (this.tags[slot] !== EMPTY) if (++slot === capacity) slot = 0;
      this.place(slot, tagOf(hash), old[at + WORDS]!);
    }
  }
}
