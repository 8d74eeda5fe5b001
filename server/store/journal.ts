// The append-only journal beside the snapshot: one checksummed JSON line per mutation, fsynced before
// the mutation is acknowledged. Appending a few hundred bytes is what makes a durable ack cheap; the
// snapshot is rewritten only when the journal has grown (see lowdb-store.ts). An append counts only
// when every byte is written and synced (a full disk writes short): the store then goes read-only and
// cuts the torn bytes off before it tries again. Each journal has an id the snapshot names (issue 18),
// so a missing or swapped journal is noticed at start instead of read as "no changes since".
//
//   studytrail.journal   1c291ca3 {"journal":1,"base":41,"id":"Xq…"} ← header: the snapshot's journalSeq
//                        9f0e77b2 {"seq":42,"ops":[...]}
//                        04ad1e5c {"seq":43,"ops":[...]}
//                        {"seq":44,"op                         ← torn tail of a crash: never acked, dropped
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { constants } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { JournalPageError, JournalPages } from './journal-pages.ts';
import { checkedJson } from './checked-line.ts';
import { journalEntrySchema, type JournalEntry } from './ops.ts';
import { StoreFileError } from './store-contract.ts';

export const JOURNAL_FILE_NAME = 'studytrail.journal';
/**
 * The journal a compaction set aside: it holds what the snapshot being written will hold, and is
 * deleted once that snapshot is on disk. Found at start only after a crash in between; replayed first.
 */
export const RETIRED_JOURNAL_FILE_NAME = 'studytrail.journal.retired';
/** A journal prepared but not yet in place (see Journal.prepare); found at start only after a crash. */
export const PREPARED_JOURNAL_FILE_NAME = 'studytrail.journal.tmp';

/** Which journal continues a snapshot: recorded in the snapshot's head (schema 6). */
export interface JournalRef {
  id: string;
  /** The journalSeq the journal's header says it continues from. */
  base: number;
}

/** One journal line as bytes: `crc32-hex8 json\n`, the JSON encoded to UTF-8 once for both the checksum and the write. */
export function encodeLineBytes(value: unknown): Buffer {
  const json = JSON.stringify(value);
  const length = Buffer.byteLength(json);
  const line = Buffer.allocUnsafe(9 + length + 1);
  line.write(json, 9);
  line.write(crc32(line.subarray(9, 9 + length)).toString(16).padStart(8, '0'), 0, 'latin1');
  line[8] = 0x20;
  line[9 + length] = 0x0a;
  return line;
}

export function encodeLine(value: unknown): string {
  return encodeLineBytes(value).toString('utf8');
}

export interface JournalContents {
  /** journalSeq of the snapshot this journal continues. */
  base: number;
  /** The journal's id; null in a journal written before schema 6. */
  id: string | null;
  entries: JournalEntry[];
  /** Bytes up to the end of the last complete line; anything after is a torn tail. */
  validBytes: number;
  tornTail: boolean;
}

/** Parses a journal file's text; a damaged complete line is corruption, an incomplete last line is not. */
function journalHeader(raw: unknown): { base: number; id: string | null } | null {
  const header = (typeof raw === 'object' && raw !== null ? raw : {}) as { journal?: unknown; base?: unknown; id?: unknown };
  if (header.journal !== 1 || typeof header.base !== 'number' || !Number.isSafeInteger(header.base) || header.base < 0) return null;
  if (header.id !== undefined && (typeof header.id !== 'string' || header.id === '')) return null;
  return { base: header.base, id: header.id ?? null };
}

/** The id and base a journal's first line names, or null when that line is not a sound header. */
export function readJournalRef(text: string): JournalRef | null {
  const checked = checkedJson(text.slice(0, Math.max(0, text.indexOf('\n'))));
  if (!checked.ok) return null;
  try {
    const header = journalHeader(JSON.parse(checked.json));
    return header?.id ? { id: header.id, base: header.base } : null;
  } catch {
    return null;
  }
}

export function parseJournal(file: string, text: string): JournalContents {
  const end = text.lastIndexOf('\n') + 1;
  const lines = text.slice(0, end).split('\n').slice(0, -1);
  const corrupt = (n: number, why: string) => new StoreFileError(file, { kind: 'damaged-line', line: n + 1, detail: why });
  const decode = (line: string, n: number): unknown => {
    const checked = checkedJson(line);
    if (!checked.ok) throw corrupt(n, checked.why);
    try {
      return JSON.parse(checked.json);
    } catch {
      throw corrupt(n, 'not JSON');
    }
  };
  if (lines.length === 0) throw new StoreFileError(file, { kind: 'no-header' });
  const header = decode(lines[0]!, 0);
  const ref = journalHeader(header);
  if (ref === null) throw corrupt(0, 'not a StudyTrail journal header');
  const entries: JournalEntry[] = [];
  // Lines written before issue 19 number their pages (journal-pages.ts), counted from the file's start.
  const pages = new JournalPages();
  for (let n = 1; n < lines.length; n++) {
    const checked = journalEntrySchema.safeParse(decode(lines[n]!, n));
    if (!checked.success) throw corrupt(n, `${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`);
    const expected = ref.base + n;
    if (checked.data.seq !== expected) throw corrupt(n, `entry ${checked.data.seq} where ${expected} was expected`);
    try {
      entries.push({ seq: checked.data.seq, ops: checked.data.ops.map((op) => (op.type === 'sync' && 'rows' in op ? pages.decode(op) : op)) });
    } catch (err) {
      if (err instanceof JournalPageError) throw corrupt(n, err.message);
      throw err;
    }
  }
  return { base: ref.base, id: ref.id, entries, validBytes: Buffer.byteLength(text.slice(0, end)), tornTail: end < text.length };
}

/**
 * How the journal is opened for appending. Where the platform has O_DSYNC, a write returns once its
 * bytes are on disk, as write + fdatasync would, in one system call and one trip to libuv's threads
 * instead of two: a sync's acknowledgement comes sooner. Elsewhere (Windows) append calls datasync.
 */
const DSYNC = constants.O_DSYNC;
const APPEND_FLAGS = DSYNC === undefined ? 'a' : constants.O_WRONLY | constants.O_APPEND | DSYNC;

/** A new journal's id and base, made before the journal so the snapshot naming it can be encoded first. */
export function newJournalRef(base: number): JournalRef {
  return { id: randomBytes(12).toString('base64url'), base };
}

/** An append that did not reach the disk whole: a short write, or a write or sync that failed. */
export class JournalWriteError extends Error {
  constructor(
    /** The errno code (ENOSPC, EIO, EFBIG, ...) or 'short_write'. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'JournalWriteError';
  }
}

function writeError(file: string, err: unknown): JournalWriteError {
  if (err instanceof JournalWriteError) return err;
  const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
  return new JournalWriteError(code, `Writing ${file} failed (${(err as Error).message})`);
}

/** A journal written to its temporary name, to be put in place once the snapshot naming it is written. */
export interface PreparedJournal {
  readonly ref: JournalRef;
  install(): Promise<Journal>;
}

/** An open journal for appending. One append at a time: the store's writer loop serialises them. */
export class Journal {
  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    /** Bytes known to be on disk, whole lines only: a failed append's torn bytes lie beyond. */
    private bytes: number,
    readonly ref: JournalRef | null,
  ) {}

  /** Bytes in the file: the store compacts when this grows large. */
  get size(): number {
    return this.bytes;
  }

  /**
   * Writes a fresh journal continuing the snapshot at `base` to its temporary name, synced. The
   * snapshot that names it is written next, then install() puts it in place: a crash in between
   * leaves the snapshot's journal findable (load-state.ts), and the old journal untouched.
   */
  static async prepare(file: string, ref: JournalRef): Promise<PreparedJournal> {
    const tmp = `${file}.tmp`;
    const header = encodeLine({ journal: 1, base: ref.base, id: ref.id });
    const handle = await open(tmp, 'w');
    try {
      await writeWhole(handle, Buffer.from(header));
      await handle.sync();
    } catch (err) {
      // A full disk: leave no half file taking space.
      await handle.close();
      await rm(tmp, { force: true });
      throw writeError(tmp, err);
    }
    await handle.close();
    return {
      ref,
      async install() {
        await rename(tmp, file);
        await syncFolder(path.dirname(file));
        return new Journal(file, await open(file, APPEND_FLAGS), Buffer.byteLength(header), ref);
      },
    };
  }

  /** Starts a fresh journal (`ref`: see newJournalRef), replacing any old one atomically. */
  static async create(file: string, ref: JournalRef): Promise<Journal> {
    return (await Journal.prepare(file, ref)).install();
  }

  /** Opens an existing journal for appending, cutting off a torn tail first. */
  static async openExisting(file: string, contents: Pick<JournalContents, 'validBytes' | 'id' | 'base'>): Promise<Journal> {
    const handle = await open(file, 'r+');
    const { size } = await handle.stat();
    if (size > contents.validBytes) {
      await handle.truncate(contents.validBytes);
      await handle.sync();
    }
    await handle.close();
    const ref = contents.id === null ? null : { id: contents.id, base: contents.base };
    return new Journal(file, await open(file, APPEND_FLAGS), contents.validBytes, ref);
  }

  /**
   * Appends lines (from encodeLineBytes) and returns once every byte is on disk. Throws
   * JournalWriteError otherwise; the file may then end in a torn line, which cutTornTail removes.
   */
  async append(lines: readonly Buffer[]): Promise<void> {
    const data = lines.length === 1 ? lines[0]! : Buffer.concat(lines);
    try {
      await writeWhole(this.handle, data);
      if (DSYNC === undefined) await this.handle.datasync();
    } catch (err) {
      throw writeError(this.file, err);
    }
    this.bytes += data.length;
  }

  /** Cuts the file back to its last whole line on disk (after a failed append), synced. */
  async cutTornTail(): Promise<void> {
    try {
      await this.handle.truncate(this.bytes);
      await this.handle.datasync();
    } catch (err) {
      throw writeError(this.file, err);
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** Writes all of `data` (for the journal and the snapshot): a write may take fewer bytes than asked (a disk filling up), then the rest is tried, and a full disk answers ENOSPC. */
export async function writeWhole(handle: FileHandle, data: Buffer): Promise<void> {
  for (let offset = 0; offset < data.length; ) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    if (bytesWritten <= 0) throw new JournalWriteError('short_write', `wrote ${offset} of ${data.length} bytes`);
    offset += bytesWritten;
  }
}

/** Makes a rename durable. Some platforms (Windows) cannot open a folder for fsync. */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch (err) {
    if (process.platform === 'win32') return;
    throw err;
  }
  try {
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR') throw err;
  } finally {
    await handle.close();
  }
}
