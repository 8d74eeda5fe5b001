// One person's accepted segments as columns: typed arrays for the numbers and small indexes into shared
// pools for the strings a year repeats (pages, devices). A year of an office's study is half a million
// segments; as objects they filled most of the server's memory and every major collection walked them
// all, as columns they are a few flat arrays. Issue 19 measured it again: the year of 1,000 people
// held 148 MB of heap as an array of objects, 85 MB + 18 MB of typed arrays as columns (75 MB more
// resident memory, against a goal of 300 MB; bench/server-embedded.bench.ts). Rows are appended as they
// come and put in order of start when next read by time (sortByStart): a device uploading a backlog
// costs one sort, not a shift of every later row for each segment.
import { SEGMENT_MODES, type SegmentMode } from '../../shared/schemas/domain.ts';

/**
 * Strings interned to small numbers: a page (resource, URL, title) or a device id is stored once.
 * Found by one string of the item (`keyOf`) and told apart from others with that string by `same`:
 * a key joining all three strings of a page cost a new string, copied and hashed, for every segment.
 */
export class Pool<T> {
  private readonly index = new Map<string, number | number[]>();
  readonly items: T[] = [];

  constructor(
    private readonly keyOf: (item: T) => string,
    private readonly same: (a: T, b: T) => boolean,
  ) {}

  intern(item: T): number {
    const key = this.keyOf(item);
    const found = this.index.get(key);
    if (typeof found === 'number' && this.same(this.items[found]!, item)) return found;
    if (Array.isArray(found)) {
      for (const at of found) if (this.same(this.items[at]!, item)) return at;
    }
    const at = this.items.push(item) - 1;
    if (found === undefined) this.index.set(key, at);
    else if (typeof found === 'number') this.index.set(key, [found, at]);
    else found.push(at);
    return at;
  }
}

export interface Page {
  resourceId: string;
  url: string;
  title: string;
}

export const pagePool = () => new Pool<Page>((p) => p.url, (a, b) => a.title === b.title && a.resourceId === b.resourceId);
export const devicePool = () => new Pool<string>((d) => d, () => true);

/** One row as the table holds it: pools resolved to indexes. */
export interface SegmentRow {
  id: string;
  device: number;
  page: number;
  startMs: number;
  endMs: number;
  mode: SegmentMode;
  policyVersion: number;
  receivedMs: number;
}

const INITIAL_CAPACITY = 8;

export class SegmentTable {
  length = 0;
  /** Longest segment held: how far before an instant to look for segments reaching into it. */
  maxDurationMs = 0;
  /**
   * The rows' ids one after another in one string (row i's at idStarts[i], idLengths[i] long; rows
   * move, the text does not): half a million ids as strings of their own were a fifth of the year's
   * heap, and copying them into the old generation a fifth of opening the store [start] [rss].
   */
  private idText = '';
  /** Ids pushed since the text was last made (they follow it, in the order pushed). */
  private idParts: string[] = [];
  private idTextLength = 0;
  private idStarts = new Int32Array(INITIAL_CAPACITY);
  private idLengths = new Int32Array(INITIAL_CAPACITY);
  private starts = new Float64Array(INITIAL_CAPACITY);
  private ends = new Float64Array(INITIAL_CAPACITY);
  private receiveds = new Float64Array(INITIAL_CAPACITY);
  private pages = new Int32Array(INITIAL_CAPACITY);
  private devices = new Int32Array(INITIAL_CAPACITY);
  private versions = new Int32Array(INITIAL_CAPACITY);
  private modes = new Uint8Array(INITIAL_CAPACITY);
  /** Rows [0, sortedUpTo) are in order of start; the rest came since, in any order. */
  private sortedUpTo = 0;

  id(i: number): string {
    const text = this.text();
    return text.slice(this.idStarts[i]!, this.idStarts[i]! + this.idLengths[i]!);
  }

  /** Joins the ids pushed so far into the text: called once a snapshot's line is loaded, so its ids, each a string, go with the line. */
  joinIds(): void {
    this.text();
  }

  /** The id text with every id pushed so far in it; pushing stays cheap (a line's ids are joined once). */
  private text(): string {
    if (this.idParts.length > 0) {
      this.idText += this.idParts.join('');
      this.idParts = [];
    }
    return this.idText;
  }
  startMs(i: number): number {
    return this.starts[i]!;
  }
  endMs(i: number): number {
    return this.ends[i]!;
  }
  page(i: number): number {
    return this.pages[i]!;
  }
  device(i: number): number {
    return this.devices[i]!;
  }
  policyVersion(i: number): number {
    return this.versions[i]!;
  }
  mode(i: number): SegmentMode {
    return SEGMENT_MODES[this.modes[i]!]!;
  }
  /** The mode as its index in SEGMENT_MODES, as the snapshot stores it. */
  modeIndex(i: number): number {
    return this.modes[i]!;
  }
  receivedMs(i: number): number {
    return this.receiveds[i]!;
  }

  row(i: number): SegmentRow {
    return {
      id: this.id(i),
      device: this.device(i),
      page: this.page(i),
      startMs: this.startMs(i),
      endMs: this.endMs(i),
      mode: this.mode(i),
      policyVersion: this.policyVersion(i),
      receivedMs: this.receivedMs(i),
    };
  }

  /** Row index of an id, or -1: a search of the text, for the rare re-sent segment. */
  indexOf(id: string): number {
    const text = this.text();
    for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
      // A match may run across two ids: only one that is a row's whole id counts.
      for (let i = 0; i < this.length; i++) if (this.idStarts[i] === at && this.idLengths[i] === id.length) return i;
    }
    return -1;
  }

  /** A copy of the rows as they are now, for a snapshot being written while changes go on (document.ts). */
  copy(): SegmentTable {
    const c = new SegmentTable();
    const size = Math.max(this.length, 1);
    c.length = this.length;
    c.maxDurationMs = this.maxDurationMs;
    c.sortedUpTo = this.sortedUpTo;
    c.idText = this.text();
    c.idTextLength = this.idTextLength;
    c.idStarts = this.idStarts.slice(0, size);
    c.idLengths = this.idLengths.slice(0, size);
    c.starts = this.starts.slice(0, size);
    c.ends = this.ends.slice(0, size);
    c.receiveds = this.receiveds.slice(0, size);
    c.pages = this.pages.slice(0, size);
    c.devices = this.devices.slice(0, size);
    c.versions = this.versions.slice(0, size);
    c.modes = this.modes.slice(0, size);
    return c;
  }

  /** Index of the first row starting at or after `ms`, with the rows in order of start. */
  firstStartingAtOrAfter(ms: number): number {
    this.sortByStart();
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Appends a row; row indexes stay as they are until the next sortByStart. */
  add(row: SegmentRow): void {
    this.push(row.id, row.device, row.page, row.startMs, row.endMs, SEGMENT_MODES.indexOf(row.mode), row.policyVersion, row.receivedMs);
  }

  /** add() with the row's fields as arguments and its mode as its index: a snapshot's half a million rows make no objects on the way in [start]. */
  push(id: string, device: number, page: number, startMs: number, endMs: number, modeIndex: number, policyVersion: number, receivedMs: number): void {
    // By a quarter: the first sync after a start grows every person's table, and doubling them all
    // took 18 MB more of the year's memory for a few rows each [rss].
    if (this.length === this.starts.length) this.grow(this.starts.length + Math.max(INITIAL_CAPACITY, this.starts.length >> 2));
    const at = this.length;
    if (this.sortedUpTo === at && (at === 0 || this.starts[at - 1]! <= startMs)) this.sortedUpTo = at + 1;
    this.idParts.push(id);
    this.idStarts[at] = this.idTextLength;
    this.idLengths[at] = id.length;
    this.idTextLength += id.length;
    this.starts[at] = startMs;
    this.ends[at] = endMs;
    this.receiveds[at] = receivedMs;
    this.pages[at] = page;
    this.devices[at] = device;
    this.versions[at] = policyVersion;
    this.modes[at] = modeIndex;
    this.length++;
    if (endMs - startMs > this.maxDurationMs) this.maxDurationMs = endMs - startMs;
  }

  /** Makes room for `count` more rows at once (a snapshot's line says how many it holds). */
  reserve(count: number): void {
    if (this.length + count > this.starts.length) this.grow(this.length + count);
  }

  /**
   * Puts the rows in order of start; rows starting together stay in the order they came. Only the rows
   * that came since the last sort are sorted, then merged into the ones in order.
   */
  sortByStart(): void {
    const head = this.sortedUpTo;
    if (head === this.length) return;
    const starts = this.starts;
    const tail = Array.from({ length: this.length - head }, (_, i) => head + i);
    tail.sort((a, b) => starts[a]! - starts[b]! || a - b);
    const order = new Array<number>(this.length);
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < head && j < tail.length) order[o++] = starts[i]! <= starts[tail[j]!]! ? i++ : tail[j++]!;
    while (i < head) order[o++] = i++;
    while (j < tail.length) order[o++] = tail[j++]!;
    for (const column of this.columns()) {
      const copy = column.slice(0, this.length);
      for (let k = 0; k < order.length; k++) column[k] = copy[order[k]!]!;
    }
    this.sortedUpTo = this.length;
  }

  /** Drops every row that ended before `beforeMs`; keeps the order. */
  removeEndedBefore(beforeMs: number): void {
    let kept = 0;
    let keptSorted = 0;
    const columns = this.columns();
    for (let i = 0; i < this.length; i++) {
      if (this.ends[i]! < beforeMs) continue;
      if (i < this.sortedUpTo) keptSorted++;
      if (kept !== i) for (const column of columns) column[kept] = column[i]!;
      kept++;
    }
    this.length = kept;
    this.sortedUpTo = keptSorted;
    // The text keeps only the ids still held.
    const text = this.text();
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; i < kept; i++) {
      parts.push(text.slice(this.idStarts[i]!, this.idStarts[i]! + this.idLengths[i]!));
      this.idStarts[i] = length;
      length += this.idLengths[i]!;
    }
    this.idText = parts.join('');
    this.idTextLength = length;
  }

  /** The earliest end of any row (Infinity when empty). */
  earliestEndMs(): number {
    let earliest = Infinity;
    for (let i = 0; i < this.length; i++) earliest = Math.min(earliest, this.ends[i]!);
    return earliest;
  }

  private columns(): (Float64Array | Int32Array | Uint8Array)[] {
    return [this.idStarts, this.idLengths, this.starts, this.ends, this.receiveds, this.pages, this.devices, this.versions, this.modes];
  }

  private grow(capacity: number): void {
    const grown = <A extends Float64Array | Int32Array | Uint8Array>(old: A, make: (n: number) => A): A => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.idStarts = grown(this.idStarts, (n) => new Int32Array(n));
    this.idLengths = grown(this.idLengths, (n) => new Int32Array(n));
    this.starts = grown(this.starts, (n) => new Float64Array(n));
    this.ends = grown(this.ends, (n) => new Float64Array(n));
    this.receiveds = grown(this.receiveds, (n) => new Float64Array(n));
    this.pages = grown(this.pages, (n) => new Int32Array(n));
    this.devices = grown(this.devices, (n) => new Int32Array(n));
    this.versions = grown(this.versions, (n) => new Int32Array(n));
    this.modes = grown(this.modes, (n) => new Uint8Array(n));
  }
}
