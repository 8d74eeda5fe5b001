// A lowdb adapter that makes every write durable: write a temp file, fsync it, rename it over the
// store, fsync the folder. lowdb's own JSONFile renames but never fsyncs, so a power cut could lose
// data already acknowledged to a client.
import { open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { syncFolder } from './journal.ts';
import { StoreFileError } from './records.ts';

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly parse: (file: string, raw: unknown) => T,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new StoreFileError(this.file, `is not valid JSON (${(err as Error).message})`);
    }
    return this.parse(this.file, raw);
  }

  /** Callers must not run two writes at once: they share one temp file. */
  async write(data: T): Promise<void> {
    // Serialised before the first await, so the file holds the data as it was when the write began.
    const text = JSON.stringify(data);
    const tmp = `${this.file}.tmp`;
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.file);
    await syncFolder(path.dirname(this.file));
  }
}
