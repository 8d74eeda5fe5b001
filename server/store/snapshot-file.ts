// A lowdb adapter for the snapshot as JSON Lines (one JSON text a line), written durably: temp file,
// fsync, rename over the store, fsync the folder (lowdb's own JSONFile never fsyncs, so a power cut
// could lose data already acknowledged). Reading hands out the lines one at a time, read from the file
// a megabyte at a time, so a year of study is never one 50 MB buffer, string nor parsed tree: each line
// is parsed and dropped before the next (see document.ts). Every byte is checked written (a full disk writes short),
// and a failed write removes its temporary file so the space it took is free again (issue 18).
import { closeSync, openSync, readSync } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { syncFolder, writeWhole } from './journal.ts';

/** The snapshot's lines, without their line breaks. */
export type SnapshotLines = Iterable<string>;

const NEWLINE = 0x0a;
/** Lines are made and written in batches of about this many bytes: few syscalls, no file-sized string, and the server answers between batches (a batch is a few milliseconds of work). */
const WRITE_BATCH_BYTES = 256 * 1024;

/** Bytes read from the file at a time (a line longer than this is gathered from several reads). */
const READ_CHUNK_BYTES = 1024 * 1024;

/** The file's lines, read in chunks as they are asked for: loading is synchronous, so reads are too. */
function* linesOf(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    let carried: Buffer[] = [];
    const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    for (;;) {
      const read = readSync(fd, chunk, 0, READ_CHUNK_BYTES, null);
      if (read === 0) break;
      let start = 0;
      for (let end = chunk.indexOf(NEWLINE, 0); end >= 0 && end < read; end = chunk.indexOf(NEWLINE, start)) {
        const piece = chunk.subarray(start, end);
        yield carried.length === 0 ? piece.toString('utf8') : Buffer.concat([...carried, piece]).toString('utf8');
        carried = [];
        start = end + 1;
      }
      if (start < read) carried.push(Buffer.from(chunk.subarray(start, read)));
    }
    if (carried.length > 0) yield Buffer.concat(carried).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function* linesOfBytes(bytes: Buffer): Generator<string> {
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    yield bytes.toString('utf8', start, end);
    start = end + 1;
  }
}

/**
 * The snapshot's lines as the file holds them now, read whole: for a reader beside a running server
 * (a backup), whose compaction may put another file in its place between two reads.
 */
export async function readSnapshotNow(file: string): Promise<SnapshotLines | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return { [Symbol.iterator]: () => linesOfBytes(bytes) };
}

export class SnapshotFile implements Adapter<SnapshotLines> {
  constructor(private readonly file: string) {}

  /** The lines, read from the file when they are iterated: for a store that holds the folder's lock. */
  async read(): Promise<SnapshotLines | null> {
    try {
      await stat(this.file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const file = this.file;
    return { [Symbol.iterator]: () => linesOf(file) };
  }

  /** Callers must not run two writes at once: they share one temp file. Pass lines already made: the file holds them as they were when the write began. */
  async write(lines: SnapshotLines): Promise<void> {
    const tmp = `${this.file}.tmp`;
    const handle = await open(tmp, 'w');
    try {
      let batch: string[] = [];
      let bytes = 0;
      for (const line of lines) {
        batch.push(line, '\n');
        bytes += line.length + 1;
        if (bytes >= WRITE_BATCH_BYTES) {
          await writeWhole(handle, Buffer.from(batch.join(''), 'utf8'));
          batch = [];
          bytes = 0;
        }
      }
      if (batch.length > 0) await writeWhole(handle, Buffer.from(batch.join(''), 'utf8'));
      await handle.sync();
    } catch (err) {
      await handle.close();
      await rm(tmp, { force: true });
      throw err;
    }
    await handle.close();
    await rename(tmp, this.file);
    await syncFolder(path.dirname(this.file));
  }
}
