// The idempotency index: which people may hold a stored segment id (accepted or refused, packed). It
// keeps a 32-bit hash of each id and its holder's number in two typed arrays (open addressing, linear
// probing), not the ids: the tables hold the ids, and a lookup checks the holders it finds there. A
// year is half a million ids; as a Map of id to number, filling it was a third of opening the store
// and its half a million entries were walked by every full collection [start] [report]. Nothing is
// ever removed: folding and erasing (rare, hourly at most) build the index again from the tables.

const EMPTY = 0;
const INITIAL_CAPACITY = 1024;

/** FNV-1a over the id's character codes; never 0 (the mark of an empty slot). */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}

export class IdIndex {
  private hashes = new Uint32Array(INITIAL_CAPACITY);
  private holders = new Int32Array(INITIAL_CAPACITY);
  private count = 0;

  /** Records that `holder` holds `id` (an id held twice is recorded twice: lookups check). */
  add(id: string, holder: number): void {
    // Filled to three quarters at most: a year's half a million ids fit 2^20 slots (8 MB) with room
    // for a quarter of a million more before the table doubles.
    if ((this.count + 1) * 4 > this.hashes.length * 3) this.grow(this.hashes.length * 2);
    this.put(hashOf(id), holder);
    this.count++;
  }

  /** The first holder recorded for an id hashing as `id` does for whom `holds` says yes, or -1. */
  find(id: string, holds: (holder: number) => boolean): number {
    const hash = hashOf(id);
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; this.hashes[slot] !== EMPTY; slot = (slot + 1) & mask) {
      if (this.hashes[slot] === hash && holds(this.holders[slot]!)) return this.holders[slot]!;
    }
    return -1;
  }

  clear(): void {
    this.hashes = new Uint32Array(INITIAL_CAPACITY);
    this.holders = new Int32Array(INITIAL_CAPACITY);
    this.count = 0;
  }

  private put(hash: number, holder: number): void {
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.hashes[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.holders[slot] = holder;
  }

  private grow(capacity: number): void {
    const hashes = this.hashes;
    const holders = this.holders;
    this.hashes = new Uint32Array(capacity);
    this.holders = new Int32Array(capacity);
    for (let slot = 0; slot < hashes.length; slot++) if (hashes[slot] !== EMPTY) this.put(hashes[slot]!, holders[slot]!);
  }
}
