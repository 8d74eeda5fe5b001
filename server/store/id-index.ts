// The idempotency index: which people may hold a stored segment id (accepted or refused, packed). It
// keeps a 32-bit hash of each id and its holder's number in two typed arrays (open addressing, linear
// probing), not the ids: the tables hold the ids, and a lookup checks the holders it finds there. A
// year is half a million ids; as a Map of id to number, filling it was a third of opening the store
// and its half a million entries were walked by every full collection [start] [report]. Ids added are
// listed first and put in the table when it is next read, so a snapshot's go in at once, into a table
// sized for them, not through ten doublings. Nothing is ever removed: folding and erasing (rare,
// hourly at most) build the index again from the tables.

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
  /** Hash and holder of each id added since the table was last read, in pairs. */
  private listed = new Uint32Array(INITIAL_CAPACITY);
  private listedCount = 0;

  /** Records that `holder` holds `id` (an id held twice is recorded twice: lookups check). */
  add(id: string, holder: number): void {
    if (this.listedCount * 2 === this.listed.length) {
      const longer = new Uint32Array(this.listed.length * 2);
      longer.set(this.listed);
      this.listed = longer;
    }
    this.listed[this.listedCount * 2] = hashOf(id);
    this.listed[this.listedCount * 2 + 1] = holder;
    this.listedCount++;
  }

  /** The first holder recorded for an id hashing as `id` does for whom `holds` says yes, or -1. */
  find(id: string, holds: (holder: number) => boolean): number {
    this.putListed();
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
    this.listed = new Uint32Array(INITIAL_CAPACITY);
    this.listedCount = 0;
  }

  /** Puts the listed ids in the table, grown first to hold them all. */
  private putListed(): void {
    if (this.listedCount === 0) return;
    const count = this.count + this.listedCount;
    // Filled to three quarters at most: a year's half a million ids fit 2^20 slots (8 MB) with room
    // for a quarter of a million more before the table doubles.
    let capacity = this.hashes.length;
    while (count * 4 > capacity * 3) capacity *= 2;
    if (capacity !== this.hashes.length) this.grow(capacity);
    for (let i = 0; i < this.listedCount; i++) this.put(this.listed[i * 2]!, this.listed[i * 2 + 1]!);
    this.count = count;
    this.listedCount = 0;
    // A snapshot's list is megabytes: not kept for the few ids a sync adds.
    if (this.listed.length > INITIAL_CAPACITY) this.listed = new Uint32Array(INITIAL_CAPACITY);
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
