// What the store keeps, in domain terms, and the errors its mutations raise. Any store implementation
// (the embedded lowdb one today, a database later) speaks these types; each record's type is derived
// from its schema in record-schemas.ts, its one definition.
import type { z } from 'zod';
import type { Note, NoteReview } from '../../shared/schemas/notes.ts';
import type { Policy } from '../../shared/schemas/policy.ts';
import type { Settings } from '../../shared/schemas/settings.ts';
import type { SegmentCredit } from '../aggregation/split-day-seconds.ts';
import type { NoteCountQuery, NotePage, NoteQuery } from './note-query.ts';
import type { ProgrammeStore } from './programme/programme-store.ts';
import type { AuditContext } from './audit-context.ts';
import type { ConsoleLocale } from '../console/console-text.ts';
import { adviceFor, ProblemError, storeProblemWording, WordedStoreError, type StoreDatabaseProblem, type StoreFileAdvice, type StoreFileProblem } from './store-problems.ts';

export type { AuditContext };
import type { UserQuery } from './user-query.ts';
import type {
  auditRecordSchema,
  dayTotalRecordSchema,
  noteRecordSchema,
  policySettingsSchema,
  policyVersionRecordSchema,
  rejectedSegmentRecordSchema,
  resourceChangesSchema,
  resourceRecordSchema,
  segmentRecordSchema,
  storedUserSchema,
  tokenRecordSchema,
  unitChangesSchema,
  unitRecordSchema,
  userChangesSchema,
  userRecordSchema,
} from './record-schemas.ts';

export type UnitRecord = z.output<typeof unitRecordSchema>;
export type UserRecord = z.output<typeof userRecordSchema>;
export type StoredUser = z.output<typeof storedUserSchema>;
export type ResourceRecord = z.output<typeof resourceRecordSchema>;
export type TokenRecord = z.output<typeof tokenRecordSchema>;
export type PolicySettings = z.output<typeof policySettingsSchema>;
export type PolicyVersionRecord = z.output<typeof policyVersionRecordSchema>;
export type AuditRecord = z.output<typeof auditRecordSchema>;
export type SegmentRecord = z.output<typeof segmentRecordSchema>;
export type RejectedSegmentRecord = z.output<typeof rejectedSegmentRecordSchema>;
export type DayTotalRecord = z.output<typeof dayTotalRecordSchema>;
export type NoteRecord = z.output<typeof noteRecordSchema>;
/**
 * A person's daily totals over the days [day, lastDay]: one day as the store keeps it (no lastDay: a
 * day's record is handed out as it is, not copied) or a whole calendar month summed (day its first day,
 * lastDay its last), as Store.periodTotalsOf answers.
 */
export type PeriodTotalRecord = DayTotalRecord & { lastDay?: number };

export type NewUnit = Omit<UnitRecord, 'id' | 'createdAt'>;
export type NewUser = Omit<UserRecord, 'id' | 'createdAt' | 'active' | 'memberships'> & {
  /** The first day of their membership when it began before today (checked by the route); else today. */
  memberSince?: string;
};
export type NewResource = Omit<ResourceRecord, 'id' | 'createdAt' | 'active'>;
export type NewToken = Omit<TokenRecord, 'id' | 'createdAt' | 'lastUsedAt'>;
export type UnitChanges = z.output<typeof unitChangesSchema>;
export type UserChanges = z.output<typeof userChangesSchema>;
export type ResourceChanges = z.output<typeof resourceChangesSchema>;

/** What erasing a person removed. */
export interface ErasedCounts {
  segments: number;
  refused: number;
  tokens: number;
  dayTotals: number;
  notes: number;
}

/** A segment that passed every check, with the policy version it was judged under. */
export type CheckedSegment = Omit<SegmentRecord, 'personId' | 'deviceId' | 'receivedMs'>;

/** A segment refused by the checks whose (clamped) seconds still count as raw. */
export type RefusedSegment = Omit<RejectedSegmentRecord, 'personId' | 'deviceId' | 'receivedMs'>;

/** Per incoming segment: stored now or earlier as accepted, refused (now or earlier), or its id taken. */
export type SegmentOutcome =
  | { kind: 'accepted' }
  | { kind: 'rejected'; code: string; message: string }
  | { kind: 'id_reused' };

export type NoteOutcome = 'accepted' | 'id_reused';

export interface SyncInput {
  personId: string;
  deviceId: string;
  accepted: readonly CheckedSegment[];
  refused: readonly RefusedSegment[];
  notes: readonly Note[];
}

export interface SyncResult {
  /** By segment id, for the accepted and refused segments given. */
  segments: Map<string, SegmentOutcome>;
  /** By note id. */
  notes: Map<string, NoteOutcome>;
}

export interface Store {
  /** How many people match (every person when no filter is given). */
  countUsers(query?: UserQuery): Promise<number>;
  /** Throws DuplicateError when the username is taken, MissingReferenceError for an unknown unit. */
  createUser(input: NewUser, audit?: AuditContext): Promise<UserRecord>;
  /** Deactivating or changing the password revokes the person's tokens except `keepTokenHash`. */
  updateUser(id: string, changes: UserChanges, audit: AuditContext, keepTokenHash?: string): Promise<UserRecord>;
  findUserById(id: string): Promise<UserRecord | null>;
  /** Usernames are unique and matched without regard to letter case. */
  findUserByUsername(username: string): Promise<UserRecord | null>;
  /**
   * The people (former ones included) matching the query, in the order they were created. Routes ask
   * by unit or by id where that is what they show (a leader's people, a unit's statements, the people
   * an audit page names), and by membership history where that is (a unit's summary: who belonged to
   * its subtree on some day of the range). Read whole on purpose where the answer needs every person:
   * the directory, and an admin sees everyone. People are bounded by the organisation's size (tens of
   * thousands at most), not by how long it has been recording.
   */
  listUsers(query?: UserQuery): Promise<UserRecord[]>;

  /** Throws MissingReferenceError for an unknown parent. */
  createUnit(input: NewUnit, audit?: AuditContext): Promise<UnitRecord>;
  /** Throws ConflictError when the move would make a cycle. */
  updateUnit(id: string, changes: UnitChanges, audit: AuditContext): Promise<UnitRecord>;
  /** Removes a unit; the route checks first that nobody and nothing is in it. */
  deleteUnit(id: string, audit: AuditContext): Promise<void>;
  findUnit(id: string): Promise<UnitRecord | null>;
  listUnits(): Promise<UnitRecord[]>;

  /** Adds a designated resource and makes a new policy version. */
  createResource(input: NewResource, audit?: AuditContext): Promise<ResourceRecord>;
  updateResource(id: string, changes: ResourceChanges, audit: AuditContext): Promise<ResourceRecord>;
  findResource(id: string): Promise<ResourceRecord | null>;
  listResources(): Promise<ResourceRecord[]>;
  /** The policy extensions follow: active resources and the tracking settings. */
  getPolicy(): Promise<Policy>;
  /** Every policy version kept, oldest first. */
  policyHistory(): Promise<PolicyVersionRecord[]>;
  getSettings(): Promise<Settings>;
  /** A change to a tracking setting makes a new policy version. */
  updateSettings(settings: Settings, audit: AuditContext): Promise<Settings>;

  saveToken(input: NewToken): Promise<TokenRecord>;
  findToken(tokenHash: string): Promise<TokenRecord | null>;
  /** A token and its user in one read (every signed-in request asks for both): null when there is no such token or no such user. */
  findSignIn(tokenHash: string): Promise<{ token: TokenRecord; user: UserRecord } | null>;
  /** Records use of a token (at most one write per token per hour) and the device id it first synced for. */
  touchToken(tokenHash: string, deviceId?: string): Promise<void>;
  deleteToken(tokenHash: string): Promise<void>;
  tokensOf(userId: string): Promise<TokenRecord[]>;
  revokeToken(tokenId: string, audit: AuditContext): Promise<void>;

  listAudit(query: { limit: number; before?: string }): Promise<AuditRecord[]>;
  /** Audit entries whose target is one of `targets` (e.g. `person:<id>`), oldest first. */
  auditFor(targets: readonly string[]): Promise<AuditRecord[]>;
  /**
   * Removes a person and everything recorded about them (account, sign-ins, segments, refused
   * segments, daily totals, notes) with its audit entry in one durable write, then rewrites the files
   * so none of it stays on disk; null when there is no such person.
   */
  erasePerson(personId: string, audit: AuditContext): Promise<{ counts: ErasedCounts; audit: AuditRecord } | null>;

  /**
   * Stores one sync of one person atomically: segments (an id already stored answers as before;
   * the same id with other content is id_reused), refused segments' raw seconds, and notes merged
   * with the one merge rule. Daily totals of the touched days are recomputed in the same commit.
   */
  recordSync(input: SyncInput): Promise<SyncResult>;
  /** The person's accepted segments overlapping [fromMs, toMs), from every device, by start. */
  segmentsForPerson(personId: string, fromMs: number, toMs: number): Promise<SegmentRecord[]>;
  /** The person's refused segments overlapping [fromMs, toMs). */
  refusedForPerson(personId: string, fromMs: number, toMs: number): Promise<RejectedSegmentRecord[]>;
  /** What each of the person's segments was credited on the days [fromDay, toDay], and why not more. */
  segmentCredits(personId: string, fromDay: number, toDay: number): Promise<Map<string, SegmentCredit>>;
  /** The person's daily totals for days in [fromDay, toDay], by day; read-only (the embedded store may hand out what it keeps). */
  dayTotals(personId: string, fromDay: number, toDay: number): Promise<readonly DayTotalRecord[]>;
  /**
   * The daily totals of each of `personIds` for days in [fromDay, toDay], by day: one read for a
   * whole unit's report rather than one per person. Every person asked for has an entry (empty when
   * they have no days in the range).
   */
  dayTotalsOf(personIds: readonly string[], fromDay: number, toDay: number): Promise<Map<string, readonly DayTotalRecord[]>>;
  /**
   * Each of `personIds`' totals over [fromDay, toDay], in day order: one record for each month whose
   * first day is in `months` (each must lie whole within the range; a month with no days has none),
   * summing that month's daily totals, and every other day's total as it is. A report whose rules are
   * the same on every day of a month reads a year of a person in 12 records rather than about 250:
   * PostgreSQL keeps the monthly sums (migrations/095-month-totals.sql), the embedded store adds up its
   * days; the sums are the same. Every person asked for has an entry.
   */
  periodTotalsOf(personIds: readonly string[], fromDay: number, toDay: number, months: readonly number[]): Promise<Map<string, PeriodTotalRecord[]>>;
  /** The credited seconds of `personIds` together on each day of [fromDay, toDay] they were credited any (a unit's daily trend); no entry for a day with none. */
  creditedByDay(personIds: readonly string[], fromDay: number, toDay: number): Promise<Map<number, number>>;

  /** The person's notes changed after `afterSeq` (tombstones included), oldest change first. */
  notesChangedSince(personId: string, afterSeq: number, limit: number): Promise<{ notes: NoteRecord[]; more: boolean }>;
  /**
   * One page of the live notes matching the query, newest first (ties by id), with how many match
   * in all. The query is validated by noteQuerySchema (a limit below 1 is refused). No route lists
   * every note: each asks for the people, range and page it shows.
   */
  queryNotes(query: NoteQuery): Promise<NotePage>;
  /** Live notes created in [fromMs, toMs) counted per person (of `personIds` when given). */
  countNotesByPerson(query: NoteCountQuery): Promise<Map<string, number>>;
  findNote(id: string): Promise<NoteRecord | null>;
  setNoteReview(id: string, review: NoteReview | null, audit: AuditContext): Promise<NoteRecord>;
  /**
   * The highest note change sequence so far, of a change already visible: every change numbered up to it
   * is seen by a read made after (a sync's cursor is read before its notes, server/routes/sync.ts).
   */
  noteSeq(): Promise<number>;

  /** Folds raw segments older than the retention window into the daily totals and compacts the files. */
  maintain(): Promise<void>;
  /** Whether changes can be saved now; a read-only store tries its files again first (at most once a second). */
  health(): Promise<StoreHealth>;
  /** The learning programme's records (plans, calendar, sessions, attendance, research, annual notes). */
  readonly programme: ProgrammeStore;

  /** Waits for every acknowledged write and writes a compact snapshot; later mutations fail. */
  close(): Promise<void>;
}

export class DuplicateError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DuplicateError';
  }
}

export class MissingReferenceError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'MissingReferenceError';
  }
}

/** A change that contradicts the stored data (a unit cycle, removing the last admin). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The record a change refers to does not exist. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A store file exists but cannot be used (or one is missing); the server must stop and leave the files alone. */
export class StoreFileError extends WordedStoreError {
  constructor(
    readonly file: string,
    readonly problem: StoreFileProblem,
    readonly advice: StoreFileAdvice = adviceFor(problem),
  ) {
    super(storeProblemWording('en').file(file, problem, advice));
    this.name = 'StoreFileError';
  }

  wordedIn(locale: ConsoleLocale): string {
    return storeProblemWording(locale).file(this.file, this.problem, this.advice);
  }
}

/** The configured database cannot be reached or used (PostgreSQL store); the server must stop and say why. */
export class StoreDatabaseError extends ProblemError<StoreDatabaseProblem> {
  override name = 'StoreDatabaseError';
  constructor(problem: StoreDatabaseProblem) {
    super(problem, (wording, p) => wording.database(p));
  }
}

/** The store cannot save changes (a write to its files failed); it answers reads, and refuses writes until a retry succeeds. */
export class StoreReadOnlyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreReadOnlyError';
  }
}

/** Whether the store can save changes; when not, since when and why (for /api/health). */
export type StoreHealth = { writable: true } | { writable: false; since: string; code: string; reason: string };

/** A journal that does not continue what was read before it: missing entries, or (for a reader racing a compaction) files from two instants. */
export class JournalGapError extends StoreFileError {
  constructor(file: string, problem: StoreFileProblem) {
    super(file, problem);
    this.name = 'JournalGapError';
  }
}
