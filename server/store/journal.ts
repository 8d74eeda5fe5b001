// The append-only journal beside the snapshot: one checksummed JSON line per mutation, fsynced before
// the mutation is acknowledged. Appending a few hundred bytes is what makes a durable ack cheap; the
// snapshot is rewritten only when the journal has grown (see lowdb-store.ts).
//
//   studytrail.journal   1c291ca3 {"journal":1,"base":41}        ← header: the snapshot's journalSeq
//                        9f0e77b2 {"seq":42,"ops":[...]}
//                        04ad1e5c {"seq":43,"ops":[...]}
//                        {"seq":44,"op                         ← torn tail of a crash: never acked, dropped
import { crc32 } from 'node:zlib';
import { constants } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { JournalPageError, JournalPages } from './journal-pages.ts';
import { journalEntrySchema, type JournalEntry } from './ops.ts';
import { StoreFileError } from './records.ts';

export const JOURNAL_FILE_NAME = 'studytrail.journal';
/**
 * The journal a compaction set aside: it holds what the snapshot being written will hold, and is
 * deleted once that snapshot is on disk. Found at start only after a crash in between; replayed first.
 */
export const RETIRED_JOURNAL_FILE_NAME = 'studytrail.journal.retired';

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
  entries: JournalEntry[];
  /** Bytes up to the end of the last complete line; anything after is a torn tail. */
  validBytes: number;
  tornTail: boolean;
  /** The pages the file names (journal-pages.ts): appending to it goes on from them. */
  pages: JournalPages;
}

/** Parses a journal file's text; a damaged complete line is corruption, an incomplete last line is not. */
export function parseJournal(file: string, text: string): JournalContents {
  const end = text.lastIndexOf('\n') + 1;
  const lines = text.slice(0, end).split('\n').slice(0, -1);
  const corrupt = (n: number, why: string) => new StoreFileError(file, `is damaged at line ${n + 1} (${why})`);
  const decode = (line: string, n: number): unknown => {
    const m = /^([0-9a-f]{8}) (.*)$/s.exec(line);
    if (!m) throw corrupt(n, 'no checksum');
    if (crc32(m[2]!).toString(16).padStart(8, '0') !== m[1]) throw corrupt(n, 'checksum mismatch');
    try {
      return JSON.parse(m[2]!);
    } catch {
      throw corrupt(n, 'not JSON');
    }
  };
  if (lines.length === 0) throw new StoreFileError(file, 'has no header line');
  const header = decode(lines[0]!, 0) as { journal?: unknown; base?: unknown };
  if (header.journal !== 1 || typeof header.base !== 'number' || !Number.isSafeInteger(header.base) || header.base < 0) {
    throw corrupt(0, 'not a StudyTrail journal header');
  }
  const entries: JournalEntry[] = [];
  const pages = new JournalPages();
  for (let n = 1; n < lines.length; n++) {
    const checked = journalEntrySchema.safeParse(decode(lines[n]!, n));
    if (!checked.success) throw corrupt(n, `${checked.error.issues[0]?.path.join('.')}: ${checked.error.issues[0]?.message}`);
    const expected = header.base + n;
    if (checked.data.seq !== expected) throw corrupt(n, `entry ${checked.data.seq} where ${expected} was expected`);
    try {
      entries.push({ seq: checked.data.seq, ops: checked.data.ops.map((op) => (op.type === 'sync' && 'rows' in op ? pages.decode(op) : op)) });
    } catch (err) {
      if (err instanceof JournalPageError) throw corrupt(n, err.message);
      throw err;
    }
  }
  return { base: header.base, entries, validBytes: Buffer.byteLength(text.slice(0, end)), tornTail: end < text.length, pages };
}

/**
 * How the journal is opened for appending. Where the platform has O_DSYNC, a write returns once its
 * bytes are on disk, as write + fdatasync would, in one system call and one trip to libuv's threads
 * instead of two: a sync's acknowledgement comes sooner. Elsewhere (Windows) append calls datasync.
 */
const DSYNC = constants.O_DSYNC;
const APPEND_FLAGS = DSYNC === undefined ? 'a' : constants.O_WRONLY | constants.O_APPEND | DSYNC;

/** An open journal for appending. One append at a time: the store's writer loop serialises them. */
export class Journal {
  private constructor(
    private readonly handle: FileHandle,
    private bytes: number,
  ) {}

  /** Bytes in the file: the store compacts when this grows large. */
  get size(): number {
    return this.bytes;
  }

  /** Starts a fresh journal continuing the snapshot at `base`, replacing any old one atomically. */
  static async create(file: string, base: number): Promise<Journal> {
    const tmp = `${file}.tmp`;
    const header = encodeLine({ journal: 1, base });
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(header, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    await syncFolder(path.dirname(file));
    return new Journal(await open(file, APPEND_FLAGS), Buffer.byteLength(header));
  }

  /** Opens an existing journal for appending, cutting off a torn tail first. */
  static async openExisting(file: string, validBytes: number): Promise<Journal> {
    const handle = await open(file, 'r+');
    const { size } = await handle.stat();
    if (size > validBytes) {
      await handle.truncate(validBytes);
      await handle.sync();
    }
    await handle.close();
    return new Journal(await open(file, APPEND_FLAGS), validBytes);
  }

  /** Appends lines (from encodeLineBytes) and returns once they are on disk. */
  async append(lines: readonly Buffer[]): Promise<void> {
    const data = lines.length === 1 ? lines[0]! : Buffer.concat(lines);
    await this.handle.write(data);
    if (DSYNC === undefined) await this.handle.datasync();
    this.bytes += data.length;
  }

  async close(): Promise<void> {
    await this.handle.close();
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
