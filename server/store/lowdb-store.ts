// The embedded store: state in memory (state.ts), a snapshot read and written through lowdb
// (studytrail.json) and a journal of the changes since (journal.ts). A mutation checks, applies its ops
// to memory, and resolves once its journal line is fsynced. Writes are group-committed: one append is in
// flight at a time and every mutation made meanwhile rides on the next one. When the journal has grown,
// it is compacted:
//
//   1. the snapshot's head is made from memory (one instant, seq S); its people's lines are made as
//      they are written (SnapshotOfNow, document.ts), from a copy of that person taken just before a
//      change touches them
//   2. studytrail.journal → studytrail.journal.retired; a fresh journal continuing S takes the appends
//   3. the snapshot is written (temp file, fsync, atomic rename) while acks go on from the fresh journal
//   4. the retired journal is deleted
//
// A crash anywhere leaves a snapshot and journals that replay to the same state (load-state.ts).
//
// A write that fails (a full disk, an I/O error) acknowledges nothing: the store goes read-only,
// refuses changes with StoreReadOnlyError (503) and says so in health(). The changes already applied to
// memory are kept as lines; a probe (the next write or health check, at most once a second) cuts the
// journal back to its last whole line, appends them, finishes any compaction the failure cut short,
// and the store takes changes again without a restart (issue 18).
//
// What each piece is for. The goals (issue 19; `npm run bench -- server-embedded`, 1,000 people × 250
// study days, 500,000 segments): [ack] a sync's durable acknowledgement p99 ≤ 50 ms at 200 requests/s
// of 10 segments; [report] the unit-year report p95 ≤ 100 ms; [rss] resident memory ≤ 300 MB; [start]
// cold start ≤ 2 s; [safe] nothing acknowledged is lost or doubled by a crash, a full disk or a damaged
// file (test/fault/, kept from issue 18).
// - The journal, fsynced before the ack (O_DSYNC, journal.ts): [ack] [safe]. Appending a line is what
//   makes a durable ack cheap; rewriting the snapshot per change would not be.
// - Group commit (one append in flight, the rest ride the next): [ack]. At 200 syncs a second, one
//   fsync a sync would queue them behind each other.
// - Compaction beside the appends (steps 2-4 above) and its threshold growing with the snapshot: [ack]
//   [start]. Acks go on while a 50 MB snapshot is written; the journal replayed at start stays bounded.
// - The snapshot made a line at a time as it is written, a person copied when a change is about to
//   touch them (step 1): [ack] [rss]. Made at once, the year's lines stalled every ack for 2-6 s and
//   held 50 MB of lines beside the state (the server peaked at 455-472 MB); a person's line made when a
//   change touched them and held until written took a compaction slowed by a busy machine to 352-388
//   MB (a copy is about a quarter of the line; 264-273 MB since).
// - The retired and prepared journals, the journal's id in the snapshot, checksummed lines, the
//   read-only state: [safe].
// - The snapshot as JSON Lines, a person a line, read a megabyte at a time and parsed a line at a time
//   (document.ts, snapshot-file.ts): [start] [rss]. A year is never one 50 MB buffer, string or tree.
// - Each person's segments as columns of typed arrays with pooled pages and devices (segment-table.ts):
//   [rss]. Measured when replaced by an array of objects: the opened year held 148 MB of heap instead
//   of 85 MB + 18 MB of arrays, and 75 MB more resident memory, so it stays. Its ids one after another
//   in one string, not a string each: [start] [rss] (a fifth of the open's CPU and of the heap). Tables
//   sized from the snapshot's line and grown by a quarter: [rss] (the first sync after a start doubled
//   every table).
// - Packed ids (packed-id.ts): [rss] and [start], a little: 22 characters a segment instead of 36 in
//   memory, the snapshot and the journal. They are the snapshot's and the journal's format too.
// - Day totals kept per person and recounted only for the days a sync touched, when next read (state.ts):
//   [report]. A unit-year report reads totals, not half a million segments; it reads the stored lists
//   themselves (a recount replaces a list, never changes it), not copies.
// - Month sums of those totals kept while a person's day list is unchanged (periodTotalsOf): [report].
//   Reports read whole months summed, as on PostgreSQL; summed afresh for 1,000 people at each report,
//   they took the report's p95 from 61 ms to 120-163 ms (quiet).
// - The idempotency index as 32-bit hashes and person numbers in typed arrays, the person's table
//   checked on a match (id-index.ts): [start]. As a Map of half a million packed ids, filling it was
//   about a third of opening the year's store (0.35-0.5 s of CPU) and 14 MB more heap. A snapshot's ids
//   listed first and put in a table sized for them once: [start].
// - A snapshot's rows checked by hand and described only when a check fails, their pages and devices
//   pooled once a line (document.ts): [start].
// - V8's heap allowed to grow 30% past what was live before a full collection (server/main.ts, on this
//   store only): [rss]. By default each unit-year report's garbage piled up to 480 MB resident.
// Gone in issue 19, as no goal needed them: numbered pages in journal lines (journal-pages.ts now only
// reads the lines older servers wrote), and the first index of typed arrays, which kept the ids
// themselves, could remove them and sized itself from a count in the snapshot's head.
//
// lowdb: `Low` holds the snapshot while it is read and written, and calls the adapter (SnapshotFile:
// JSON Lines, written durably) for both; the journal, the format, memory and every query are this code's.
import { copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { Note, NoteReview } from '../../shared/schemas/notes.ts';
import type { Policy } from '../../shared/schemas/policy.ts';
import type { Settings } from '../../shared/schemas/settings.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { lockDataDir, type DataLock } from './data-lock.ts';
import { encodeSnapshot, SnapshotOfNow } from './document.ts';
import { newId } from './ids.ts';
import { packId, unpackId } from './packed-id.ts';
import {
  encodeLineBytes,
  Journal,
  JOURNAL_FILE_NAME,
  JournalWriteError,
  newJournalRef,
  PREPARED_JOURNAL_FILE_NAME,
  RETIRED_JOURNAL_FILE_NAME,
  syncFolder,
  type JournalRef,
} from './journal.ts';
import { StateProgrammeStore, type ProgrammeStore } from './programme/programme-store.ts';
import { loadState } from './load-state.ts';
import { SnapshotFile, type SnapshotLines } from './snapshot-file.ts';
import type { Op, SegmentTuple } from './ops.ts';
import { auditDetails, personUpdateAction } from './audit-details.ts';
import { contentHashOf, sameContent } from './sync-verdict.ts';
import { LAST_ADMIN_MESSAGE, makesUnitCycle, planUserUpdate, UNIT_CYCLE_MESSAGE } from './user-update.ts';
import { foldBeforeMs } from './day-total.ts';
import { creditedByDayOf, periodTotalsFromDays, splitByMonths } from './period-totals.ts';
import {
  ConflictError,
  DuplicateError,
  MissingReferenceError,
  NotFoundError,
  StoreReadOnlyError,
  type AuditContext,
  type AuditRecord,
  type DayTotalRecord,
  type ErasedCounts,
  type NewResource,
  type NewToken,
  type NewUnit,
  type NewUser,
  type NoteOutcome,
  type NoteRecord,
  type PeriodTotalRecord,
  type PolicyVersionRecord,
  type CheckedSegment,
  type RefusedSegment,
  type RejectedSegmentRecord,
  type ResourceChanges,
  type ResourceRecord,
  type SegmentOutcome,
  type SegmentRecord,
  type Store,
  type StoreHealth,
  type SyncInput,
  type SyncResult,
  type TokenRecord,
  type UnitChanges,
  type UnitRecord,
  type UserChanges,
  type UserRecord,
} from './store-contract.ts';
import { countNoteRecords, queryNoteRecords, type NoteCountQuery, type NotePage, type NoteQuery } from './note-query.ts';
import { lowerBound, type StoreState } from './state.ts';
import { userMatcher, type UserQuery } from './user-query.ts';
import type { SegmentCredit } from '../aggregation/split-day-seconds.ts';

export const STORE_FILE_NAME = 'studytrail.json';

/** lowdb's data while none is held: the snapshot lives in memory as the state, not as lines. */
const NO_SNAPSHOT: SnapshotLines = [];

/**
 * The journal is folded into a fresh snapshot once it holds this many bytes, or as many as the last
 * snapshot when that is larger (up to MAX_COMPACT_AT_BYTES): rewriting a large snapshot then costs about
 * one byte written per journal byte, however large the store, and a replay after a crash stays bounded.
 */
const DEFAULT_COMPACT_AT_BYTES = 16 * 1024 * 1024;
const MAX_COMPACT_AT_BYTES = 64 * 1024 * 1024;
/** lastUsedAt of a token is rewritten at most this often. */
const TOKEN_TOUCH_MS = 3600_000;
/** A read-only store tries its files again at most this often (health checks and writes trigger it). */
const PROBE_INTERVAL_MS = 1000;

export interface OpenStoreOptions {
  /** Epoch milliseconds; stamps createdAt, receivedAt and audit entries. */
  clock: () => number;
  /** The organisation's zone: daily totals are per calendar day in it. */
  timeZone: string;
  /** Test seam: called after each durable journal append, to observe coalescing. */
  onDurableWrite?: () => void;
  compactAtBytes?: number;
}

/** Opens (or starts) the store in `dataDir`. Throws StoreFileError when a file is unusable or locked. */
export async function openLowdbStore(dataDir: string, options: OpenStoreOptions): Promise<Store> {
  await mkdir(dataDir, { recursive: true });
  const lock = await lockDataDir(dataDir);
  try {
    const snapshotFile = path.join(dataDir, STORE_FILE_NAME);
    const journalFile = path.join(dataDir, JOURNAL_FILE_NAME);
    const db = new Low<SnapshotLines>(new SnapshotFile(snapshotFile), NO_SNAPSHOT);
    await db.read();
    const retiredFile = path.join(dataDir, RETIRED_JOURNAL_FILE_NAME);
    const journalText = await readTextIfAny(journalFile);
    const retiredText = await readTextIfAny(retiredFile);
    const loaded = loadState({
      snapshotFile,
      snapshot: db.data === NO_SNAPSHOT ? null : db.data,
      journalFile,
      journalText,
      retired: retiredText === null ? null : { file: retiredFile, text: retiredText },
      preparedText: await readTextIfAny(path.join(dataDir, PREPARED_JOURNAL_FILE_NAME)),
      timeZone: options.timeZone,
    });
    // The file's bytes are as large as the state built from them: let them go now.
    db.data = NO_SNAPSHOT;
    if (loaded.migratedFrom !== null) {
      // Keep the file as the older server wrote it, once, before the first rewrite in the new shape.
      const kept = path.join(dataDir, `studytrail.v${loaded.migratedFrom}.json`);
      await copyFile(snapshotFile, kept, constants.COPYFILE_EXCL).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
    }
    let journal: Journal;
    const named = loaded.named;
    if (loaded.journal !== null && named !== null && loaded.journal.id === named.id && retiredText === null && loaded.migratedFrom === null) {
      journal = await Journal.openExisting(journalFile, loaded.journal);
    } else {
      // A new store, a migrated file, a compaction a crash cut short, or a snapshot that names no
      // journal in place: write the snapshot naming a fresh journal, prepared first, then put it in
      // place (a crash in between leaves the prepared journal the snapshot names; load-state.ts).
      const ref = newJournalRef(loaded.state.journalSeq);
      const prepared = await Journal.prepare(journalFile, ref);
      db.data = encodeSnapshot(loaded.state, ref);
      await db.write();
      db.data = NO_SNAPSHOT;
      journal = await prepared.install();
      await rm(retiredFile, { force: true });
    }
    return new LowdbStore(db, loaded.state, journal, { dataDir, journalFile, retiredFile }, lock, options);
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function readTextIfAny(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
}

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface StoreFiles {
  dataDir: string;
  journalFile: string;
  retiredFile: string;
}

/** Why the store is read-only, from the failure that made it so (health() and the 503s report it). */
interface ReadOnly {
  sinceMs: number;
  code: string;
  reason: string;
}

/** A compaction a write failure cut short, at the step a probe resumes it from (see the top of this file). */
interface Compaction {
  ref: JournalRef;
  step: 'retire' | 'create' | 'snapshot';
  /** Who waits for its snapshot. */
  waiting: Omit<Waiter, 'seq'>[];
}

class LowdbStore implements Store {
  /** Month sums by the stored day list they were made from (periodTotalsOf). */
  private readonly monthSums = new WeakMap<readonly DayTotalRecord[], Map<number, PeriodTotalRecord>>();
  private pendingLines: Buffer[] = [];
  /** Highest journal seq known to be on disk. */
  private durableSeq: number;
  private waiters: Waiter[] = [];
  private writerRunning = false;
  private compactWanted = false;
  /** The snapshot being written (step 3 above), or null. */
  private snapshotWrite: Promise<void> | null = null;
  /** Its lines, made as they are written: every change made meanwhile passes by it first (commit). */
  private snapshotting: SnapshotOfNow | null = null;
  /** Who waits for a compaction that starts after they asked (see compactNow). */
  private compactionWaiters: Omit<Waiter, 'seq'>[] = [];
  /** The compaction under way (steps 2 and 3), or null. */
  private compaction: Compaction | null = null;
  /** Characters in the last snapshot written (0 until one is). */
  private snapshotChars = 0;
  /** Set while a write has failed and no probe has succeeded since. */
  private readOnly: ReadOnly | null = null;
  /** Lines applied to memory whose append failed, in order: a successful probe appends them. */
  private unwritten: Buffer[] = [];
  private probing: Promise<void> | null = null;
  private lastProbeMs = -Infinity;
  private closed = false;
  private readonly compactAtBytes: number;
  /**
   * When each token was last used, to the millisecond, while this process runs: the store writes
   * lastUsedAt at most hourly (a journal line per request would be most of the journal), and the
   * device list reads the two together so it shows the last sync as it is.
   */
  private readonly lastTouchMs = new Map<string, number>();
  readonly programme: ProgrammeStore;

  constructor(
    private readonly db: Low<SnapshotLines>,
    private readonly state: StoreState,
    private journal: Journal,
    private readonly files: StoreFiles,
    private readonly lock: DataLock,
    private readonly options: OpenStoreOptions,
  ) {
    this.durableSeq = state.journalSeq;
    this.compactAtBytes = options.compactAtBytes ?? DEFAULT_COMPACT_AT_BYTES;
    // Programme ops go through the same commit: one journal, one snapshot, one durability promise.
    this.programme = new StateProgrammeStore(state.programme, (ops, audit) =>
      this.commit([...ops, ...(audit ? this.auditOp(audit.context, audit.action, audit.target, audit.details) : [])]),
    );
  }

  // ---- durability -------------------------------------------------------------------------------

  /** Applies ops to memory at once and resolves when their journal line is on disk. */
  private commit(ops: Op[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The store is closed'));
    if (this.readOnly) {
      // Refused before anything is applied; the refusal may be what starts the probe that ends it.
      void this.probe();
      return Promise.reject(this.refusal(this.readOnly));
    }
    const seq = this.state.journalSeq + 1;
    for (const op of ops) {
      this.snapshotting?.beforeApply(op);
      this.state.apply(op);
    }
    this.state.journalSeq = seq;
    this.pendingLines.push(encodeLineBytes({ seq, ops }));
    return this.whenDurable(seq);
  }

  /** Resolves once everything up to `seq` is on disk. */
  private whenDurable(seq: number): Promise<void> {
    if (seq <= this.durableSeq) return Promise.resolve();
    if (this.readOnly) return Promise.reject(this.notConfirmed(this.readOnly));
    const promise = new Promise<void>((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
    this.kickWriter();
    return promise;
  }

  private kickWriter(): void {
    if (this.writerRunning || this.readOnly) return;
    this.writerRunning = true;
    void this.runWriter();
  }

  private markDurable(seq: number): void {
    this.durableSeq = Math.max(this.durableSeq, seq);
    const ready = this.waiters.filter((w) => w.seq <= this.durableSeq);
    this.waiters = this.waiters.filter((w) => w.seq > this.durableSeq);
    for (const w of ready) w.resolve();
  }

  private async runWriter(): Promise<void> {
    let inFlight: Buffer[] = [];
    try {
      while (!this.readOnly) {
        if (this.pendingLines.length > 0) {
          inFlight = this.pendingLines;
          const upTo = this.state.journalSeq;
          this.pendingLines = [];
          await this.journal.append(inFlight);
          inFlight = [];
          this.options.onDurableWrite?.();
          this.markDurable(upTo);
          continue;
        }
        const compactAt = Math.max(this.compactAtBytes, Math.min(this.snapshotChars, MAX_COMPACT_AT_BYTES));
        if ((this.compactWanted || this.journal.size >= compactAt) && this.snapshotWrite === null) {
          this.compactWanted = false;
          await this.startCompaction();
          continue;
        }
        break;
      }
    } catch (err) {
      this.enterReadOnly(err, inFlight);
    } finally {
      this.writerRunning = false;
    }
    if (!this.readOnly && (this.pendingLines.length > 0 || (this.compactWanted && this.snapshotWrite === null))) this.kickWriter();
  }

  /**
   * A write failed: memory is now ahead of the disk. Nothing more is acknowledged until a probe has
   * put on disk what memory holds; every change waiting for the disk is answered "not confirmed".
   * `inFlight`: the lines whose append failed (they come before any still pending).
   */
  private enterReadOnly(err: unknown, inFlight: Buffer[] = []): void {
    const code = err instanceof JournalWriteError ? err.code : ((err as NodeJS.ErrnoException)?.code ?? 'EIO');
    const reason = err instanceof Error ? err.message : String(err);
    if (!this.readOnly) console.error(`StudyTrail store: a write failed (${code}); no changes are accepted until the disk can be written again`, err);
    this.readOnly = { sinceMs: this.readOnly?.sinceMs ?? this.options.clock(), code, reason };
    this.unwritten = [...inFlight, ...this.unwritten, ...this.pendingLines.splice(0)];
    const failure = this.notConfirmed(this.readOnly);
    const waiting = [...this.waiters.splice(0), ...this.compactionWaiters.splice(0), ...(this.compaction?.waiting.splice(0) ?? [])];
    for (const w of waiting) w.reject(failure);
  }

  private notConfirmed(r: ReadOnly): StoreReadOnlyError {
    return new StoreReadOnlyError(
      `This change is not confirmed as saved: writing the store's files failed (${r.code}). The server takes no changes ` +
        'until its disk can be written again, and then saves this one too; a sync can simply be sent again.',
    );
  }

  private refusal(r: ReadOnly): StoreReadOnlyError {
    return new StoreReadOnlyError(
      `Nothing was changed: the server cannot save changes since ${new Date(r.sinceMs).toISOString()} (${r.reason}). ` +
        'Try again once its disk has room; what it confirmed before is safe.',
    );
  }

  /** Tries the files again (at most once a PROBE_INTERVAL_MS); on success the store takes changes again. */
  private probe(): Promise<void> {
    if (this.probing) return this.probing;
    if (!this.readOnly || this.closed || this.options.clock() - this.lastProbeMs < PROBE_INTERVAL_MS) return Promise.resolve();
    this.lastProbeMs = this.options.clock();
    this.probing = this.recover()
      .then(
        () => {
          console.error('StudyTrail store: the disk can be written again; changes are accepted');
          this.readOnly = null;
          this.kickWriter();
        },
        (err: unknown) => this.enterReadOnly(err),
      )
      .finally(() => {
        this.probing = null;
      });
    return this.probing;
  }

  /** Puts on disk what memory holds: the journal cut to its last whole line, the lines that failed, then any compaction cut short. */
  private async recover(): Promise<void> {
    while (this.writerRunning || this.snapshotWrite !== null) await new Promise((resolve) => setImmediate(resolve));
    const compaction = this.compaction;
    if (compaction && compaction.step !== 'snapshot') await this.advanceCompaction(compaction);
    else await this.journal.cutTornTail();
    if (this.unwritten.length > 0) {
      await this.journal.append(this.unwritten);
      this.unwritten = [];
    }
    this.markDurable(this.state.journalSeq);
    if (compaction) await this.writeSnapshot(encodeSnapshot(this.state, compaction.ref));
  }

  /**
   * Steps 1 and 2 of a compaction (see the top of this file), with every pending line already
   * appended; step 3 and 4 run on while the writer goes back to appending.
   */
  private async startCompaction(): Promise<void> {
    const upTo = this.state.journalSeq;
    const ref = newJournalRef(upTo);
    const lines = new SnapshotOfNow(this.state, ref);
    this.snapshotting = lines;
    const compaction: Compaction = { ref, step: 'retire', waiting: this.compactionWaiters.splice(0) };
    this.compaction = compaction;
    await this.advanceCompaction(compaction);
    this.snapshotWrite = this.writeSnapshot(lines).then(
      () => {
        this.snapshotChars = lines.chars;
        for (const w of compaction.waiting.splice(0)) w.resolve();
      },
      (err: unknown) => this.enterReadOnly(err),
    );
    void this.snapshotWrite.finally(() => {
      this.snapshotWrite = null;
      if (!this.readOnly && this.compactWanted) this.kickWriter();
    });
  }

  /** Step 2, resumable: the journal set aside, then the fresh one (its folder fsync makes the rename durable too). */
  private async advanceCompaction(compaction: Compaction): Promise<void> {
    if (compaction.step === 'retire') {
      await rename(this.files.journalFile, this.files.retiredFile);
      compaction.step = 'create';
    }
    if (compaction.step === 'create') {
      const old = this.journal;
      this.journal = await Journal.create(this.files.journalFile, compaction.ref);
      compaction.step = 'snapshot';
      await old.close().catch(() => undefined);
    }
  }

  /** Steps 3 and 4. */
  private async writeSnapshot(lines: SnapshotLines): Promise<void> {
    this.db.data = lines;
    try {
      await this.db.write();
    } finally {
      this.db.data = NO_SNAPSHOT;
      this.snapshotting = null;
    }
    await rm(this.files.retiredFile, { force: true });
    await syncFolder(this.files.dataDir);
    this.compaction = null;
    this.options.onDurableWrite?.();
  }

  /** Resolves once a snapshot holding every change made so far is on disk and no older journal is left. */
  private compactNow(): Promise<void> {
    if (this.readOnly) {
      void this.probe();
      return Promise.reject(this.refusal(this.readOnly));
    }
    this.compactWanted = true;
    const promise = new Promise<void>((resolve, reject) => this.compactionWaiters.push({ resolve, reject }));
    this.kickWriter();
    return promise;
  }

  async health(): Promise<StoreHealth> {
    if (this.readOnly) await this.probe();
    const r = this.readOnly;
    return r ? { writable: false, since: new Date(r.sinceMs).toISOString(), code: r.code, reason: r.reason } : { writable: true };
  }

  async maintain(): Promise<void> {
    if (this.closed) throw new Error('The store is closed');
    const nowMs = this.options.clock();
    const beforeMs = foldBeforeMs(nowMs, this.state.settings.retentionDays, this.state.timeZone);
    if (this.state.oldestRawEndMs() < beforeMs) await this.commit([{ type: 'fold', beforeMs }]);
    await this.compactNow();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Everything acknowledged is already in the journal; a last snapshot makes the next start quick.
    if (!this.readOnly) await this.compactNow().catch(() => undefined);
    while (this.writerRunning || this.snapshotWrite !== null || this.probing !== null) await new Promise((resolve) => setImmediate(resolve));
    await this.journal.close().catch(() => undefined);
    await this.lock.release();
  }

  private now(): string {
    return new Date(this.options.clock()).toISOString();
  }

  private auditOp(audit: AuditContext | undefined, action: string, target: string, details: string): Op[] {
    if (!audit) return [];
    const entry: AuditRecord = {
      id: String(this.state.auditSeq + 1),
      at: this.now(),
      actorId: audit.actor.id,
      actorName: audit.actor.name,
      action,
      target,
      details,
      reason: audit.reason,
      address: audit.address ?? null,
    };
    return [{ type: 'audit', entry }];
  }

  // ---- people and units -------------------------------------------------------------------------

  async countUsers(query?: UserQuery): Promise<number> {
    return query === undefined ? this.state.users.size : (await this.listUsers(query)).length;
  }

  async createUser(input: NewUser, audit?: AuditContext): Promise<UserRecord> {
    if (this.state.usersByUsername.has(input.username.toLowerCase())) {
      throw new DuplicateError('username', `The username "${input.username}" is already taken`);
    }
    if (input.unitId !== null && !this.state.units.has(input.unitId)) {
      throw new MissingReferenceError('unitId', `There is no unit with id "${input.unitId}"`);
    }
    const createdAt = this.now();
    const { memberSince, ...fields } = input;
    const from = memberSince ?? dateInZone(Date.parse(createdAt), this.state.timeZone);
    const user: UserRecord = { id: newId(), ...fields, active: true, createdAt, memberships: [{ from, to: null, unitId: input.unitId, role: input.role }] };
    await this.commit([
      { type: 'user.put', user },
      ...this.auditOp(audit, 'person.create', `person:${user.id}`, auditDetails.personCreate(user)),
    ]);
    return user;
  }

  async updateUser(id: string, changes: UserChanges, audit: AuditContext, keepTokenHash?: string): Promise<UserRecord> {
    const old = this.state.users.get(id);
    if (!old) throw new NotFoundError(`There is no person with id "${id}"`);
    if (changes.unitId !== undefined && changes.unitId !== null && !this.state.units.has(changes.unitId)) {
      throw new MissingReferenceError('unitId', `There is no unit with id "${changes.unitId}"`);
    }
    const { user, losesAdmin, revokesTokens } = planUserUpdate(old, changes, dateInZone(Date.parse(this.now()), this.state.timeZone));
    if (losesAdmin && [...this.state.users.values()].filter((u) => u.role === 'admin' && u.active).length === 1) {
      throw new ConflictError(LAST_ADMIN_MESSAGE);
    }
    const tokenHashes = revokesTokens
      ? [...this.state.tokens.values()].filter((t) => t.userId === id && t.tokenHash !== keepTokenHash).map((t) => t.tokenHash)
      : [];
    await this.commit([
      { type: 'user.put', user },
      ...(tokenHashes.length > 0 ? [{ type: 'token.delete' as const, tokenHashes }] : []),
      ...this.auditOp(audit, personUpdateAction(changes), `person:${id}`, auditDetails.personUpdate(old, changes, user, tokenHashes.length)),
    ]);
    return user;
  }

  async findUserById(id: string): Promise<UserRecord | null> {
    return this.state.users.get(id) ?? null;
  }

  async findUserByUsername(username: string): Promise<UserRecord | null> {
    return this.state.usersByUsername.get(username.toLowerCase()) ?? null;
  }

  async listUsers(query?: UserQuery): Promise<UserRecord[]> {
    const users = [...this.state.users.values()];
    return query === undefined ? users : users.filter(userMatcher(query));
  }

  async createUnit(input: NewUnit, audit?: AuditContext): Promise<UnitRecord> {
    if (input.parentId !== null && !this.state.units.has(input.parentId)) {
      throw new MissingReferenceError('parentId', `There is no unit with id "${input.parentId}"`);
    }
    const unit: UnitRecord = { id: newId(), name: input.name, parentId: input.parentId, createdAt: this.now() };
    await this.commit([
      { type: 'unit.put', unit },
      ...this.auditOp(audit, 'unit.create', `unit:${unit.id}`, auditDetails.unitCreate(unit)),
    ]);
    return unit;
  }

  async updateUnit(id: string, changes: UnitChanges, audit: AuditContext): Promise<UnitRecord> {
    const old = this.state.units.get(id);
    if (!old) throw new NotFoundError(`There is no unit with id "${id}"`);
    if (changes.parentId !== undefined && changes.parentId !== null) {
      if (!this.state.units.has(changes.parentId)) {
        throw new MissingReferenceError('parentId', `There is no unit with id "${changes.parentId}"`);
      }
      if (makesUnitCycle(id, changes.parentId, (u) => this.state.units.get(u)?.parentId ?? null)) throw new ConflictError(UNIT_CYCLE_MESSAGE);
    }
    const unit: UnitRecord = { ...old, ...changes };
    await this.commit([{ type: 'unit.put', unit }, ...this.auditOp(audit, 'unit.update', `unit:${id}`, auditDetails.unitUpdate(old, changes, unit))]);
    return unit;
  }

  async deleteUnit(id: string, audit: AuditContext): Promise<void> {
    const unit = this.state.units.get(id);
    if (!unit) throw new NotFoundError(`There is no unit with id "${id}"`);
    const parent = unit.parentId === null ? null : this.state.units.get(unit.parentId);
    await this.commit([{ type: 'unit.delete', id }, ...this.auditOp(audit, 'unit.delete', `unit:${id}`, auditDetails.unitDelete(unit, parent ?? null))]);
  }

  async findUnit(id: string): Promise<UnitRecord | null> {
    return this.state.units.get(id) ?? null;
  }

  async listUnits(): Promise<UnitRecord[]> {
    return [...this.state.units.values()];
  }

  // ---- resources, policy and settings -----------------------------------------------------------

  async createResource(input: NewResource, audit?: AuditContext): Promise<ResourceRecord> {
    const at = this.now();
    const resource: ResourceRecord = { id: newId(), ...input, patterns: [...input.patterns], active: true, createdAt: at };
    await this.commit([
      { type: 'resource.put', resource, at },
      ...this.auditOp(audit, 'resource.create', `resource:${resource.id}`, auditDetails.resourceCreate(resource)),
    ]);
    return resource;
  }

  async updateResource(id: string, changes: ResourceChanges, audit: AuditContext): Promise<ResourceRecord> {
    const old = this.state.resources.get(id);
    if (!old) throw new NotFoundError(`There is no resource with id "${id}"`);
    const at = this.now();
    const resource: ResourceRecord = { ...old, ...changes, patterns: [...(changes.patterns ?? old.patterns)] };
    await this.commit([
      { type: 'resource.put', resource, at },
      ...this.auditOp(audit, 'resource.update', `resource:${id}`, auditDetails.resourceUpdate(old, changes, resource)),
    ]);
    return resource;
  }

  async findResource(id: string): Promise<ResourceRecord | null> {
    return this.state.resources.get(id) ?? null;
  }

  async listResources(): Promise<ResourceRecord[]> {
    return [...this.state.resources.values()];
  }

  async getPolicy(): Promise<Policy> {
    return this.state.policy();
  }

  async policyHistory(): Promise<PolicyVersionRecord[]> {
    return [...this.state.policyHistory];
  }

  async getSettings(): Promise<Settings> {
    return { ...this.state.settings };
  }

  async updateSettings(settings: Settings, audit: AuditContext): Promise<Settings> {
    await this.commit([
      { type: 'settings.put', settings: { ...settings }, at: this.now() },
      ...this.auditOp(audit, 'settings.update', 'settings', auditDetails.settingsUpdate(this.state.settings, settings)),
    ]);
    return { ...this.state.settings };
  }

  // ---- tokens -----------------------------------------------------------------------------------

  async saveToken(input: NewToken): Promise<TokenRecord> {
    // Signing in is a use: the token needs no write on its first request.
    const token: TokenRecord = { id: newId(), ...input, createdAt: this.now(), lastUsedAt: this.now() };
    await this.commit([{ type: 'token.put', token }]);
    return token;
  }

  async findToken(tokenHash: string): Promise<TokenRecord | null> {
    return this.state.tokens.get(tokenHash) ?? null;
  }

  async findSignIn(tokenHash: string): Promise<{ token: TokenRecord; user: UserRecord } | null> {
    const token = await this.findToken(tokenHash);
    const user = token && (await this.findUserById(token.userId));
    return token && user ? { token, user } : null;
  }

  async touchToken(tokenHash: string, deviceId?: string): Promise<void> {
    const token = this.state.tokens.get(tokenHash);
    if (!token) return;
    const nowMs = this.options.clock();
    this.lastTouchMs.set(tokenHash, nowMs);
    const stale = token.lastUsedAt === null || nowMs - Date.parse(token.lastUsedAt) >= TOKEN_TOUCH_MS;
    // A token belongs to the device that first synced with it.
    const newDevice = deviceId !== undefined && token.deviceId === null;
    if (!stale && !newDevice) return;
    await this.commit([
      { type: 'token.put', token: { ...token, lastUsedAt: new Date(nowMs).toISOString(), deviceId: token.deviceId ?? deviceId ?? null } },
    ]);
  }

  async deleteToken(tokenHash: string): Promise<void> {
    if (!this.state.tokens.has(tokenHash)) return;
    await this.commit([{ type: 'token.delete', tokenHashes: [tokenHash] }]);
  }

  async tokensOf(userId: string): Promise<TokenRecord[]> {
    return [...this.state.tokens.values()]
      .filter((t) => t.userId === userId)
      .map((t) => {
        const touchedMs = this.lastTouchMs.get(t.tokenHash);
        const current = touchedMs !== undefined && (t.lastUsedAt === null || touchedMs > Date.parse(t.lastUsedAt));
        return current ? { ...t, lastUsedAt: new Date(touchedMs).toISOString() } : t;
      });
  }

  async revokeToken(tokenId: string, audit: AuditContext): Promise<void> {
    const token = this.state.tokensById.get(tokenId);
    if (!token) throw new NotFoundError(`There is no device with id "${tokenId}"`);
    const owner = this.state.users.get(token.userId);
    await this.commit([
      { type: 'token.delete', tokenHashes: [token.tokenHash] },
      ...this.auditOp(audit, 'device.revoke', `person:${token.userId}`, auditDetails.deviceRevoke(token, owner ?? null)),
    ]);
  }

  async listAudit(query: { limit: number; before?: string }): Promise<AuditRecord[]> {
    const before = query.before === undefined ? Infinity : Number(query.before);
    const out: AuditRecord[] = [];
    for (let i = this.state.audit.length - 1; i >= 0 && out.length < query.limit; i--) {
      const entry = this.state.audit[i]!;
      if (Number(entry.id) < before) out.push(entry);
    }
    return out;
  }

  async auditFor(targets: readonly string[]): Promise<AuditRecord[]> {
    const wanted = new Set(targets);
    return this.state.audit.filter((entry) => wanted.has(entry.target));
  }

  // ---- erasure ----------------------------------------------------------------------------------

  async erasePerson(personId: string, audit: AuditContext): Promise<{ counts: ErasedCounts; audit: AuditRecord } | null> {
    const user = this.state.users.get(personId);
    if (!user) return null;
    const data = this.state.people.get(personId);
    const counts: ErasedCounts = {
      segments: data?.segments.length ?? 0,
      refused: data?.refused.length ?? 0,
      tokens: [...this.state.tokens.values()].filter((t) => t.userId === personId).length,
      dayTotals: this.state.daysOf(personId).length,
      notes: data?.notes.length ?? 0,
    };
    const [entry] = this.auditOp(audit, 'person.erase', `person:${personId}`, auditDetails.personErase(user, counts));
    await this.commit([{ type: 'person.erase', personId }, entry!]);
    // The journal still holds the person's earlier syncs: a fresh snapshot leaves nothing of them on disk.
    await this.compactNow();
    return { counts, audit: (entry as Extract<Op, { type: 'audit' }>).entry };
  }

  // ---- sync -------------------------------------------------------------------------------------

  recordSync(input: SyncInput): Promise<SyncResult> {
    // Not an async function: while the disk writes, only the verdicts are held, not the batch they
    // came from (an async function keeps every local alive until it returns). A sync batch waiting
    // for its fsync was most of what the collector copied.
    try {
      const { result, durable } = this.stageSync(input);
      return durable.then(() => result);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** The verdicts of a sync, applied to memory at once, and the promise that they are on disk. */
  private stageSync(input: SyncInput): { result: SyncResult; durable: Promise<void> } {
    if (this.closed) throw new Error('The store is closed');
    const receivedMs = this.options.clock();
    const segments = new Map<string, SegmentOutcome>();
    /** Ids new in this batch, with what they came with (hashed only if the id comes again). */
    const added = new Map<string, CheckedSegment | RefusedSegment>();
    const newSegments: SegmentTuple[] = [];
    const newRefused: RefusedSegment[] = [];

    /** The verdict for an id seen before (stored, or earlier in this batch), or null when it is new. */
    const known = (id: string, packed: string, item: CheckedSegment | RefusedSegment): SegmentOutcome | null => {
      const inBatch = added.get(id);
      if (inBatch) return sameContent(inBatch, contentHashOf(item));
      const stored = this.state.findSegment(packed, id);
      if (!stored) return null;
      if (stored.data.personId !== input.personId) return { kind: 'id_reused' };
      return sameContent('refused' in stored ? stored.refused : stored.segment, contentHashOf(item));
    };

    for (const s of input.accepted) {
      const packed = packId(s.id);
      const seen = known(s.id, packed, s);
      if (seen) {
        segments.set(s.id, seen);
        continue;
      }
      newSegments.push([packed, s.resourceId, s.url, s.title, s.startMs, s.endMs, s.mode, s.policyVersion]);
      added.set(s.id, s);
      segments.set(s.id, { kind: 'accepted' });
    }
    for (const r of input.refused) {
      const seen = known(r.id, packId(r.id), r);
      if (seen) {
        segments.set(r.id, seen);
        continue;
      }
      segments.set(r.id, { kind: 'rejected', code: r.code, message: r.message });
      // Only seconds inside the accepted window are kept (see RejectedSegmentRecord).
      if (r.endMs <= r.startMs) continue;
      newRefused.push(r);
      added.set(r.id, r);
    }

    const notes = new Map<string, NoteOutcome>();
    const acceptedNotes: Note[] = [];
    for (const note of input.notes) {
      const existing = this.state.notes.get(note.id);
      if (existing && existing.personId !== input.personId) {
        notes.set(note.id, 'id_reused');
        continue;
      }
      notes.set(note.id, 'accepted');
      acceptedNotes.push(note);
    }

    const durable =
      newSegments.length + newRefused.length + acceptedNotes.length > 0
        ? this.commit([
            { type: 'sync', personId: input.personId, deviceId: input.deviceId, receivedMs, segments: newSegments, refused: newRefused, notes: acceptedNotes },
          ])
        : // Nothing new; but the write that stored these very items may still be in flight, and an
          // answer must only ever repeat what is durable.
          this.whenDurable(this.state.journalSeq);
    return { result: { segments, notes }, durable };
  }

  async segmentsForPerson(personId: string, fromMs: number, toMs: number): Promise<SegmentRecord[]> {
    const data = this.state.people.get(personId);
    if (!data) return [];
    const t = data.segments;
    const out: SegmentRecord[] = [];
    for (let i = t.firstStartingAtOrAfter(fromMs - t.maxDurationMs); i < t.length && t.startMs(i) < toMs; i++) {
      if (t.endMs(i) > fromMs) out.push(this.state.segmentAt(data, i));
    }
    return out;
  }

  async refusedForPerson(personId: string, fromMs: number, toMs: number): Promise<RejectedSegmentRecord[]> {
    const data = this.state.people.get(personId);
    if (!data) return [];
    const list = data.refused;
    const out: RejectedSegmentRecord[] = [];
    for (let i = lowerBound(list, fromMs - data.maxRefusedDurationMs, (s) => s.startMs); i < list.length && list[i]!.startMs < toMs; i++) {
      if (list[i]!.endMs > fromMs) out.push(list[i]!);
    }
    return out;
  }

  async segmentCredits(personId: string, fromDay: number, toDay: number): Promise<Map<string, SegmentCredit>> {
    const data = this.state.people.get(personId);
    const out = new Map<string, SegmentCredit>();
    if (!data) return out;
    for (let day = fromDay; day <= toDay; day++) {
      for (const [packed, credit] of this.state.creditOfDay(data, day).bySegment) {
        const id = unpackId(packed);
        const sum = out.get(id);
        if (!sum) out.set(id, { ...credit });
        else {
          sum.rawSeconds += credit.rawSeconds;
          sum.creditedSeconds += credit.creditedSeconds;
          sum.overlapSeconds += credit.overlapSeconds;
          sum.dailyCapSeconds += credit.dailyCapSeconds;
        }
      }
    }
    return out;
  }

  async dayTotals(personId: string, fromDay: number, toDay: number): Promise<readonly DayTotalRecord[]> {
    return this.daysIn(personId, fromDay, toDay);
  }

  async dayTotalsOf(personIds: readonly string[], fromDay: number, toDay: number): Promise<Map<string, readonly DayTotalRecord[]>> {
    const out = new Map<string, readonly DayTotalRecord[]>();
    for (const id of personIds) out.set(id, this.daysIn(id, fromDay, toDay));
    return out;
  }

  /**
   * The stored array itself when the range holds all of it (a recount replaces it, never changes it;
   * state.ts): a unit-year report reads a year for each of 1,000 people, and copies of them were the
   * bulk of what it left for the collector [report].
   */
  private daysIn(personId: string, fromDay: number, toDay: number): readonly DayTotalRecord[] {
    const days = this.state.daysOf(personId);
    const start = lowerBound(days, fromDay, (d) => d.day);
    const end = lowerBound(days, toDay + 1, (d) => d.day);
    return start === 0 && end === days.length ? days : days.slice(start, end);
  }

  /**
   * The embedded store adds up its days (period-totals.ts), the same sums PostgreSQL keeps, and keeps
   * each sum while the person's stored days are the same array (a recount replaces it, state.ts): a
   * unit-year report asks for 12 months of 1,000 people, and adding them up each time cost more than
   * reading the days [report].
   */
  async periodTotalsOf(personIds: readonly string[], fromDay: number, toDay: number, months: readonly number[]): Promise<Map<string, PeriodTotalRecord[]>> {
    const out = new Map<string, PeriodTotalRecord[]>();
    const split = splitByMonths(fromDay, toDay, months);
    for (const id of personIds) {
      const stored = this.state.daysOf(id);
      let sums = this.monthSums.get(stored);
      if (sums === undefined) this.monthSums.set(stored, (sums = new Map()));
      out.set(id, periodTotalsFromDays(id, this.daysIn(id, fromDay, toDay), fromDay, toDay, split, sums));
    }
    return out;
  }

  async creditedByDay(personIds: readonly string[], fromDay: number, toDay: number): Promise<Map<number, number>> {
    return creditedByDayOf((await this.dayTotalsOf(personIds, fromDay, toDay)).values());
  }

  // ---- notes ------------------------------------------------------------------------------------

  async notesChangedSince(personId: string, afterSeq: number, limit: number): Promise<{ notes: NoteRecord[]; more: boolean }> {
    const changed = (this.state.people.get(personId)?.notes ?? []).filter((n) => n.seq > afterSeq).sort((a, b) => a.seq - b.seq);
    return { notes: changed.slice(0, limit), more: changed.length > limit };
  }

  async queryNotes(query: NoteQuery): Promise<NotePage> {
    return queryNoteRecords(this.notesOf(query.personIds), query);
  }

  async countNotesByPerson(query: NoteCountQuery): Promise<Map<string, number>> {
    return countNoteRecords(this.notesOf(query.personIds), query);
  }

  /** The named people's notes through the per-person lists, or every note; tombstones included. */
  private notesOf(personIds: readonly string[] | undefined): Iterable<NoteRecord> {
    if (personIds === undefined) return this.state.notes.values();
    return [...new Set(personIds)].flatMap((id) => this.state.people.get(id)?.notes ?? []);
  }

  async findNote(id: string): Promise<NoteRecord | null> {
    return this.state.notes.get(id) ?? null;
  }

  async setNoteReview(id: string, review: NoteReview | null, audit: AuditContext): Promise<NoteRecord> {
    const record = this.state.notes.get(id);
    if (!record || record.note.deletedAt !== null) throw new NotFoundError(`There is no note with id "${id}"`);
    const author = this.state.users.get(record.personId);
    await this.commit([
      { type: 'note.review', noteId: id, review },
      ...this.auditOp(audit, review ? 'note.review' : 'note.review_delete', `note:${id}`, auditDetails.noteReview(author?.username ?? record.personId, review)),
    ]);
    return this.state.notes.get(id)!;
  }

  // One process, one thread: a change is numbered and put in the person's notes in the same synchronous
  // step (state.ts), so no change is ever numbered yet unseen, unlike on PostgreSQL (postgres-store.ts).
  async noteSeq(): Promise<number> {
    return this.state.noteSeq;
  }
}
