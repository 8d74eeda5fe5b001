// The embedded store's snapshot file: its shape (schema version 6), validated on every load, and the
// compact encoding of the bulky part. A year of an office's study time is hundreds of thousands of
// segments, so each person's segments are rows of numbers with their pages and devices listed once
// (about 65 bytes a segment instead of 300). Since v4 the file is JSON Lines: the head (everything but
// people's rows, the programme's records included) on the first line, then one line per person, so
// loading parses a person at a time instead of one 50 MB tree. v5 adds each person's `stale` days: a
// snapshot no longer recounts the days touched since they were last read (most never are before the
// next snapshot), it lists them, and they are recounted when next read. v4 is v5 with no stale days.
// v6 (issue 18) is v5 with a CRC-32 before every line (checked-line.ts), so a flipped byte in a value
// is refused at load, and the head names the journal that continues it (id and base), so a missing or
// swapped journal stops the server instead of silently dropping what it held.
// v3 (with the programme) and v2 (without) held the same rows in one JSON document and are read here
// too; v1 is migrated (migrations.ts); a file from a newer version is refused, not guessed at.
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/domain.ts';
import { settingsSchema } from '../../shared/schemas/settings.ts';
import { SEGMENT_MODES } from '../../shared/schemas/domain.ts';
import { migrateToCurrent, upgradeV2ToV3 } from './migrations.ts';
import { programmeSnapshotSchema } from './programme/records.ts';
import { ProgrammeState } from './programme/state.ts';
import {
  auditRecordSchema,
  noteRecordSchema,
  policyVersionRecordSchema,
  resourceRecordSchema,
  storedUserSchema,
  tokenRecordSchema,
  unitRecordSchema,
} from './record-schemas.ts';
import { checkedJson, looksChecked, withChecksum } from './checked-line.ts';
import type { JournalRef } from './journal.ts';
import type { Op } from './ops.ts';
import { StoreFileError } from './store-contract.ts';
import type { SnapshotLines } from './snapshot-file.ts';
import { packId, unpackId } from './packed-id.ts';
import { policySettingsOf, StoreState, type PersonData } from './state.ts';
import type { Settings } from '../../shared/schemas/settings.ts';

export const STORE_SCHEMA_VERSION = 6;
/** The oldest version in JSON Lines, read by the same code (it lacks only `stale`). */
const FIRST_LINES_VERSION = 4;

/** Everything but people's rows, which are checked row by row by hand: zod is too slow for a year of rows. */
const headFields = {
  timeZone: z.string().min(1),
  journalSeq: z.number().int().min(0),
  settings: settingsSchema,
  policyHistory: z.array(policyVersionRecordSchema).min(1),
  units: z.array(unitRecordSchema),
  users: z.array(storedUserSchema),
  resources: z.array(resourceRecordSchema),
  tokens: z.array(tokenRecordSchema),
  auditSeq: z.number().int().min(0),
  audit: z.array(auditRecordSchema),
  noteSeq: z.number().int().min(0),
  notes: z.array(noteRecordSchema),
  programme: programmeSnapshotSchema,
};
/** The first line (v4 to v6); `peopleLines` lines follow it, so a file cut at a line break is noticed. */
const headSchema = z.object({
  schemaVersion: z.literal([FIRST_LINES_VERSION, 5, STORE_SCHEMA_VERSION]),
  /** v6: the journal that continues this snapshot; null in a backup (restore starts a journal). */
  journal: z.object({ id: z.string().min(1), base: z.number().int().min(0) }).nullable().optional(),
  ...headFields,
  peopleLines: z.number().int().min(0),
  // v5 and v6 files written before issue 19's second pass also hold `ids` (a count to size an index
  // that is gone): parsing drops it.
});
/** v3: the head and every person's rows in one JSON document (v2 is read as v3 with no programme records). */
const v3DocumentSchema = z.object({ schemaVersion: z.literal(3), ...headFields, people: z.record(idSchema, z.unknown()) });

/**
 * Rows are in the order the person's table holds them (by start, but for rows that came since it was
 * last read by time; sorting them for a snapshot cost more than the rest of it), so each start is
 * stored as the step from the one before, negative when a row starts earlier (v4 had them by start).
 */
type SegmentRow = [id: string, device: number, page: number, startAfterPreviousMs: number, durationMs: number, mode: number, policyVersion: number, receivedAfterEndMs: number];
type RefusedRow = [id: string, device: number, reason: number, code: string, message: string, contentHash: string, startMs: number, durationMs: number, receivedAfterEndMs: number];
type DayRow = [day: number, raw: number, credited: number, overlap: number, dailyCap: number, outsideAllowlist: number, invalid: number, byResource: (string | number)[]];

interface PersonRows {
  devices: string[];
  pages: [resourceId: string, url: string, title: string][];
  segments: SegmentRow[];
  refused: RefusedRow[];
  days: DayRow[];
  /** Days whose totals (in `days`, or none yet) miss segments added since: recounted when next read. */
  stale: number[];
}


const REFUSAL_REASONS = ['outside_allowlist', 'invalid'] as const;
export function emptyState(timeZone: string, settings: Settings): StoreState {
  const state = new StoreState(timeZone, settings);
  state.addPolicyVersion({ version: 0, at: new Date(0).toISOString(), settings: policySettingsOf(settings), resources: [] });
  return state;
}

// ---- encode ---------------------------------------------------------------------------------------

function personRows(state: StoreState, data: PersonData): PersonRows {
  const rows: PersonRows = { devices: [], pages: [], segments: [], refused: [], days: [], stale: [...data.staleDays].sort((a, b) => a - b) };
  // The state's pools are shared by everyone; each line lists just the pages and devices it uses.
  const devices = new Map<string, number>();
  const device = (id: string) => {
    let index = devices.get(id);
    if (index === undefined) {
      index = rows.devices.push(id) - 1;
      devices.set(id, index);
    }
    return index;
  };
  const deviceOfPooled = new Map<number, number>();
  const pageOfPooled = new Map<number, number>();
  const t = data.segments;
  let previousStart = 0;
  for (let i = 0; i < t.length; i++) {
    const pooledPage = t.page(i);
    let page = pageOfPooled.get(pooledPage);
    if (page === undefined) {
      const p = state.pages.items[pooledPage]!;
      page = rows.pages.push([p.resourceId, p.url, p.title]) - 1;
      pageOfPooled.set(pooledPage, page);
    }
    const pooledDevice = t.device(i);
    let deviceIndex = deviceOfPooled.get(pooledDevice);
    if (deviceIndex === undefined) {
      deviceIndex = device(state.devices.items[pooledDevice]!);
      deviceOfPooled.set(pooledDevice, deviceIndex);
    }
    const startMs = t.startMs(i);
    const endMs = t.endMs(i);
    rows.segments.push([t.id(i), deviceIndex, page, startMs - previousStart, endMs - startMs, t.modeIndex(i), t.policyVersion(i), t.receivedMs(i) - endMs]);
    previousStart = startMs;
  }
  for (const r of data.refused) {
    rows.refused.push([packId(r.id), device(r.deviceId), REFUSAL_REASONS.indexOf(r.reason), r.code, r.message, r.contentHash, r.startMs, r.endMs - r.startMs, r.receivedMs - r.endMs]);
  }
  for (const d of data.days) {
    rows.days.push([d.day, d.rawSeconds, d.creditedSeconds, d.overlapSeconds, d.dailyCapSeconds, d.outsideAllowlistSeconds, d.invalidSeconds, d.byResource]);
  }
  return rows;
}

const personLine = (state: StoreState, personId: string, data: PersonData): string => withChecksum(JSON.stringify([personId, personRows(state, data)]));

/**
 * The snapshot of one instant (when it is made), its lines made one at a time as they are written, so
 * a year is never held twice and the server answers between batches. The head is made at once; a
 * person's line is made when the writer reaches them, from their data as it is then or, for someone a
 * change is about to touch, as it was copied just before that change (`beforeApply`): then the file
 * still holds the instant it was made, while changes go on. A person's lines may so come in any order; the loader takes them as they come.
 * `journal` is the journal that will continue it (null for a backup, which none continues).
 */
export class SnapshotOfNow implements Iterable<string> {
  private readonly head: string;
  /** People with rows at the instant, whose line is not made yet. */
  private readonly pending = new Map<string, PersonData>();
  /**
   * People a change touched before their line was made, copied as they were at the instant, to write
   * next. A copy of what a change may alter in place (their table's columns, refused segments and
   * stale days; day lists are replaced, never changed) is about a quarter of the line it makes, and
   * under a slow compaction most of the office is touched before the writer reaches them: holding the
   * lines themselves took the server from 250 MB to 400 MB [rss].
   */
  private readonly made: PersonData[] = [];
  /** Characters written so far (lines and breaks). */
  chars = 0;

  constructor(
    private readonly state: StoreState,
    journal: JournalRef | null,
  ) {
    for (const [personId, data] of state.people) {
      if (data.segments.length + data.refused.length + data.days.length === 0) continue;
      this.pending.set(personId, data);
    }
    this.head = withChecksum(
      JSON.stringify({
        schemaVersion: STORE_SCHEMA_VERSION,
        journal,
        timeZone: state.timeZone,
        journalSeq: state.journalSeq,
        settings: state.settings,
        policyHistory: state.policyHistory,
        units: [...state.units.values()],
        users: [...state.users.values()],
        resources: [...state.resources.values()],
        tokens: [...state.tokens.values()],
        auditSeq: state.auditSeq,
        audit: state.audit,
        noteSeq: state.noteSeq,
        notes: [...state.notes.values()],
        programme: state.programme.snapshot(),
        peopleLines: this.pending.size,
      }),
    );
  }

  /**
   * Called before `op` is applied to the state while this snapshot is being written: makes now the
   * lines the op would change. Everything else in an op lives in the head, made already. Settings
   * decide how stale days are recounted when read, and a fold drops rows from everyone: both take
   * every line still to make (rare, admin-made changes).
   */
  beforeApply(op: Op): void {
    if (this.pending.size === 0) return;
    if (op.type === 'sync' || op.type === 'person.erase') this.make(op.personId);
    else if (op.type === 'fold' || op.type === 'settings.put') for (const personId of [...this.pending.keys()]) this.make(personId);
  }

  private make(personId: string): void {
    const data = this.pending.get(personId);
    if (!data) return;
    this.pending.delete(personId);
    this.made.push({ ...data, segments: data.segments.copy(), refused: [...data.refused], staleDays: new Set(data.staleDays) });
  }

  *[Symbol.iterator](): Iterator<string> {
    this.chars += this.head.length + 1;
    yield this.head;
    for (;;) {
      let data = this.made.shift();
      if (data === undefined) {
        const next = this.pending.entries().next();
        if (next.done) return;
        data = next.value[1];
        this.pending.delete(data.personId);
      }
      const line = personLine(this.state, data.personId, data);
      this.chars += line.length + 1;
      yield line;
    }
  }
}

/** The snapshot's lines as of now, for a store no change reaches while they are written (a start, a backup, a restore). */
export function encodeSnapshot(state: StoreState, journal: JournalRef | null): SnapshotLines {
  return new SnapshotOfNow(state, journal);
}

// ---- decode ---------------------------------------------------------------------------------------

class RowError extends Error {}

function int(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new RowError(`${where}: expected an integer`);
  return value;
}

function nonNegative(value: unknown, where: string): number {
  const n = int(value, where);
  if (n < 0) throw new RowError(`${where}: expected a non-negative integer`);
  return n;
}

function str(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new RowError(`${where}: expected a string`);
  return value;
}

function arr(value: unknown, where: string, length?: number): unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) {
    throw new RowError(`${where}: expected ${length === undefined ? 'a list' : `a row of ${length}`}`);
  }
  return value;
}

function at<T>(list: readonly T[], index: number, where: string): T {
  const item = list[index];
  if (item === undefined) throw new RowError(`${where}: refers to a missing entry ${index}`);
  return item;
}

const isIndexInto = (value: unknown, length: number): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value < length;
const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

function index(value: unknown, length: number, where: string): number {
  const n = nonNegative(value, where);
  if (n >= length) throw new RowError(`${where}: refers to a missing entry ${n}`);
  return n;
}

/** Throws the RowError that names what is wrong with segment row `i`, checked in the order the row is read (called once a row failed the quick checks). */
function segmentRowProblem(base: string, i: number, row: unknown, devices: number, pages: number, previousStart: number): never {
  const where = `${base}.segments.${i}`;
  const r = arr(row, where, 8);
  index(r[2], pages, where);
  if (previousStart + int(r[3], where) < 0) throw new RowError(`${where}: starts before 1970`);
  nonNegative(r[4], where);
  str(r[0], where);
  index(r[1], devices, where);
  index(r[5], SEGMENT_MODES.length, where);
  nonNegative(r[6], where);
  int(r[7], where);
  throw new RowError(`${where}: not a segment row`);
}

const isNonNegative = (value: unknown): value is number => isIndexInto(value, Number.MAX_SAFE_INTEGER);

/** The quick checks of a day row (what dayRowProblem describes). */
function isDayRow(r: unknown): r is DayRow {
  if (!Array.isArray(r) || r.length !== 8 || !isInteger(r[0]) || !Array.isArray(r[7])) return false;
  for (let k = 1; k <= 6; k++) if (!isNonNegative(r[k])) return false;
  const byResource = r[7] as unknown[];
  for (let j = 0; j < byResource.length; j += 2) if (typeof byResource[j] !== 'string' || !isNonNegative(byResource[j + 1])) return false;
  return true;
}

/** Throws the RowError that names what is wrong with day row `i`, checked in the order the row is read. */
function dayRowProblem(base: string, i: number, row: unknown): never {
  const where = `${base}.days.${i}`;
  const r = arr(row, where, 8);
  const byResource = arr(r[7], where);
  byResource.forEach((v, j) => (j % 2 === 0 ? str(v, where) : nonNegative(v, where)));
  // An odd length leaves a resource without its seconds.
  if (byResource.length % 2 !== 0) nonNegative(undefined, where);
  int(r[0], where);
  for (let k = 1; k <= 6; k++) nonNegative(r[k], where);
  throw new RowError(`${where}: not a day row`);
}

function decodePerson(state: StoreState, personId: string, raw: unknown): void {
  const base = `people.${personId}`;
  if (typeof raw !== 'object' || raw === null) throw new RowError(`${base}: expected an object`);
  const p = raw as Record<string, unknown>;
  const devices = arr(p.devices, `${base}.devices`).map((d, i) => str(d, `${base}.devices.${i}`));
  const pages = arr(p.pages, `${base}.pages`).map((row, i) => {
    const where = `${base}.pages.${i}`;
    const [resourceId, url, title] = arr(row, where, 3);
    return [str(resourceId, where), str(url, where), str(title, where)] as const;
  });
  // The line's pages and devices pooled once each, not once per row that uses them [start].
  const pooledDevices = devices.map((d) => state.devices.intern(d));
  const pooledPages = pages.map(([resourceId, url, title]) => state.pages.intern({ resourceId, url, title }));
  const data = state.person(personId);
  const rows = arr(p.segments, `${base}.segments`);
  data.segments.reserve(rows.length);
  let previousStart = 0;
  // Checked by hand, and described only when a check fails: a year is half a million rows [start].
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (
      !Array.isArray(r) ||
      r.length !== 8 ||
      typeof r[0] !== 'string' ||
      !isIndexInto(r[1], devices.length) ||
      !isIndexInto(r[2], pages.length) ||
      !isInteger(r[3]) ||
      previousStart + r[3] < 0 ||
      !isNonNegative(r[4]) ||
      !isIndexInto(r[5], SEGMENT_MODES.length) ||
      !isNonNegative(r[6]) ||
      !isInteger(r[7])
    ) {
      segmentRowProblem(base, i, r, devices.length, pages.length, previousStart);
    }
    const startMs = previousStart + r[3];
    previousStart = startMs;
    const endMs = startMs + r[4];
    // The row holds the id packed, as memory does.
    state.loadRow(data, r[0], pooledDevices[r[1]]!, pooledPages[r[2]]!, startMs, endMs, r[5], r[6], endMs + r[7]);
  }
  data.segments.joinIds();
  arr(p.refused, `${base}.refused`).forEach((row, i) => {
    const where = `${base}.refused.${i}`;
    const r = arr(row, where, 9);
    const startMs = nonNegative(r[6], where);
    const endMs = startMs + nonNegative(r[7], where);
    state.loadRefused({
      id: unpackId(str(r[0], where)),
      personId,
      deviceId: at(devices, nonNegative(r[1], where), where),
      reason: at(REFUSAL_REASONS, nonNegative(r[2], where), where),
      code: str(r[3], where),
      message: str(r[4], where),
      contentHash: str(r[5], where),
      startMs,
      endMs,
      receivedMs: endMs + int(r[8], where),
    });
  });
  const days = arr(p.days, `${base}.days`);
  for (let i = 0; i < days.length; i++) {
    const r = days[i];
    if (!isDayRow(r)) dayRowProblem(base, i, r);
    state.loadDay({
      personId,
      day: r[0],
      rawSeconds: r[1],
      creditedSeconds: r[2],
      overlapSeconds: r[3],
      dailyCapSeconds: r[4],
      outsideAllowlistSeconds: r[5],
      invalidSeconds: r[6],
      byResource: r[7],
    });
  }
  // Absent before v5, when every snapshot recounted its stale days first.
  if (p.stale !== undefined) {
    const stale = state.person(personId).staleDays;
    arr(p.stale, `${base}.stale`).forEach((day, i) => stale.add(int(day, `${base}.stale.${i}`)));
  }
}

function problemOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`)
    .join('; ');
}

type Head = Omit<z.infer<typeof headSchema>, 'peopleLines' | 'schemaVersion' | 'journal'>;

function stateFromHead(file: string, doc: Head, timeZone: string): StoreState {
  if (doc.timeZone !== timeZone) {
    throw new StoreFileError(file, { kind: 'other-zone', stored: doc.timeZone, configured: timeZone });
  }
  const state = new StoreState(doc.timeZone, doc.settings);
  for (const p of doc.policyHistory) state.addPolicyVersion(p);
  for (const u of doc.units) state.units.set(u.id, u);
  for (const u of doc.users) state.putUser(u);
  for (const r of doc.resources) state.resources.set(r.id, r);
  for (const t of doc.tokens) state.putToken(t);
  state.audit.push(...doc.audit);
  state.auditSeq = doc.auditSeq;
  for (const n of doc.notes) state.loadNote(n);
  state.noteSeq = doc.noteSeq;
  state.programme = new ProgrammeState(doc.programme);
  state.journalSeq = doc.journalSeq;
  return state;
}

function invalid(file: string, problem: string): StoreFileError {
  return new StoreFileError(file, { kind: 'not-a-store', detail: problem });
}

function versionOf(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
}

/** The JSON of line `n` (1-based) of a v6 file, its checksum verified. */
function verified(file: string, line: string, n: number): string {
  const checked = checkedJson(line);
  if (!checked.ok) throw new StoreFileError(file, { kind: 'damaged-line', line: n, detail: checked.why });
  return checked.json;
}

/**
 * v4 to v6: the head line, then one `[personId, rows]` line per person, each parsed and dropped in turn.
 * `checked`: the lines carry checksums (v6), each verified before it is parsed.
 */
function decodeLines(file: string, head: unknown, rest: Iterator<string>, timeZone: string, checked: boolean): { state: StoreState; journal: JournalRef | null | undefined } {
  const parsed = headSchema.safeParse(head);
  if (!parsed.success) throw invalid(file, problemOf(parsed.error));
  if (checked !== (parsed.data.schemaVersion === STORE_SCHEMA_VERSION)) {
    throw invalid(file, checked ? `schema ${parsed.data.schemaVersion} with checksummed lines` : `schema ${STORE_SCHEMA_VERSION} lines without checksums`);
  }
  const state = stateFromHead(file, parsed.data, timeZone);
  let count = 0;
  try {
    for (let line = rest.next(); !line.done; line = rest.next()) {
      count++;
      let row: unknown;
      const json = checked ? verified(file, line.value, count + 1) : line.value;
      try {
        row = JSON.parse(json);
      } catch (err) {
        throw new StoreFileError(file, { kind: 'not-json', line: count + 1, detail: (err as Error).message });
      }
      const [personId, rows] = arr(row, `line ${count + 1}`, 2);
      decodePerson(state, idSchema.parse(str(personId, `line ${count + 1}`)), rows);
    }
  } catch (err) {
    if (err instanceof RowError) throw invalid(file, err.message);
    if (err instanceof z.ZodError) throw invalid(file, `line ${count + 1}: ${problemOf(err)}`);
    throw err;
  }
  if (count !== parsed.data.peopleLines) throw invalid(file, `${count} lines of people where the head announces ${parsed.data.peopleLines}: the file is cut short`);
  // A v6 head always names its journal (or null); older ones name none.
  if (checked && parsed.data.journal === undefined) throw invalid(file, 'journal: missing');
  return { state, journal: parsed.data.journal };
}

/** An older file: one JSON document of schema 3 (same rows), 2 (v3 without the programme) or 1 (migrations.ts). */
function decodeOlder(file: string, raw: unknown, timeZone: string): { state: StoreState; migratedFrom: number } {
  const from = versionOf(raw);
  if (from !== 2 && from !== 3) {
    const migrated = migrateToCurrent(raw, timeZone);
    if (!migrated.ok) throw invalid(file, migrated.problem);
    return { state: migrated.state, migratedFrom: migrated.from };
  }
  // v3 only added the programme's records to v2: a v2 file is a v3 file with none.
  const checked = v3DocumentSchema.safeParse(from === 2 ? upgradeV2ToV3(raw) : raw);
  if (!checked.success) throw invalid(file, problemOf(checked.error));
  const state = stateFromHead(file, checked.data, timeZone);
  try {
    for (const [personId, rows] of Object.entries(checked.data.people)) decodePerson(state, personId, rows);
  } catch (err) {
    if (err instanceof RowError) throw invalid(file, err.message);
    throw err;
  }
  return { state, migratedFrom: from };
}

function newerVersion(file: string, version: number): StoreFileError {
  return new StoreFileError(file, { kind: 'newer-schema', version, supported: STORE_SCHEMA_VERSION });
}

export interface DecodedSnapshot {
  state: StoreState;
  /** The schema version the file was migrated from, or null when it was current. */
  migratedFrom: number | null;
  /** The journal the snapshot names (v6; null for a backup), or undefined for an older file, which names none. */
  journal: JournalRef | null | undefined;
}

/**
 * Validates a snapshot file's lines as a store of any known version and builds the state; throws
 * StoreFileError naming the file and the problem. Sets `migratedFrom` when the file was older.
 */
export function decodeSnapshot(file: string, lines: SnapshotLines, timeZone: string): DecodedSnapshot {
  const it = lines[Symbol.iterator]();
  const first = it.next();
  const checked = !first.done && looksChecked(first.value);
  let head: unknown;
  try {
    head = first.done ? undefined : JSON.parse(checked ? verified(file, first.value, 1) : first.value);
  } catch (err) {
    if (err instanceof StoreFileError) throw err;
    head = undefined;
  }
  const version = versionOf(head);
  if (typeof version === 'number' && version > STORE_SCHEMA_VERSION) throw newerVersion(file, version);
  if (checked || version === 5 || version === FIRST_LINES_VERSION) {
    const decoded = decodeLines(file, head, it, timeZone, checked);
    return { ...decoded, migratedFrom: version === STORE_SCHEMA_VERSION ? null : (version as number) };
  }
  // Older versions were one JSON document, perhaps spread over lines: read it whole.
  let raw: unknown = head;
  if (head === undefined || !it.next().done) {
    const text = [...lines].join('\n');
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new StoreFileError(file, { kind: 'not-json', line: null, detail: (err as Error).message });
    }
  }
  const newer = versionOf(raw);
  if (typeof newer === 'number' && newer > STORE_SCHEMA_VERSION) throw newerVersion(file, newer);
  return { ...decodeOlder(file, raw, timeZone), journal: undefined };
}
