// The store's data in memory, indexed for every read the server makes, and `apply`: the one place an
// op changes it. Applying is deterministic (no clock, no randomness), so the snapshot plus the journal
// always rebuild the same state. Daily totals are recomputed here for every day a sync touches.
import { mergeNote } from '../../shared/notes/merge-note.ts';
import type { Policy } from '../../shared/schemas/policy.ts';
import type { Settings } from '../../shared/schemas/settings.ts';
import { dateOfDay, dayNumber } from '../../shared/time/day-numbers.ts';
import { nextDate } from '../../shared/time/zoned-days.ts';
import { creditDay, type DayCredit } from '../aggregation/credit-day.ts';
import { ZoneCalendar } from '../aggregation/zone-calendar.ts';
import type { Op } from './ops.ts';
import { emptyProgrammeSnapshot } from './programme/records.ts';
import { ProgrammeState } from './programme/state.ts';
import type {
  AuditRecord,
  DayTotalRecord,
  NoteRecord,
  PolicySettings,
  PolicyVersionRecord,
  RejectedSegmentRecord,
  ResourceRecord,
  SegmentRecord,
  TokenRecord,
  UnitRecord,
  UserRecord,
} from './records.ts';

export interface PersonData {
  /** Accepted segments, by start. */
  segments: SegmentRecord[];
  /** Refused segments kept for their raw seconds, by start. */
  refused: RejectedSegmentRecord[];
  /** Daily totals, by day. */
  days: DayTotalRecord[];
  notes: NoteRecord[];
  /** Longest segment stored: how far before a day to look for segments reaching into it. */
  maxDurationMs: number;
}

/** Index of the first element whose key is >= target, in an array sorted by key. */
export function lowerBound<T>(list: readonly T[], target: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]!) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byStart = (s: { startMs: number }) => s.startMs;

/** lowerBound by startMs without a key callback: the hot path of recounting a day. */
function firstStartingAtOrAfter(list: readonly { startMs: number }[], target: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.startMs < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const byDay = (d: DayTotalRecord) => d.day;

export function policySettingsOf(settings: Settings): PolicySettings {
  return {
    idleSeconds: settings.idleSeconds,
    mediaPresenceSeconds: settings.mediaPresenceSeconds,
    dailyCapSeconds: settings.dailyCapSeconds,
  };
}

export class StoreState {
  settings: Settings;
  readonly policyHistory: PolicyVersionRecord[] = [];
  readonly policyByVersion = new Map<number, PolicyVersionRecord>();
  readonly units = new Map<string, UnitRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly usersByUsername = new Map<string, UserRecord>();
  readonly resources = new Map<string, ResourceRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly tokensById = new Map<string, TokenRecord>();
  readonly audit: AuditRecord[] = [];
  auditSeq = 0;
  readonly people = new Map<string, PersonData>();
  /** Every stored segment id, accepted or refused: what makes sync idempotent. */
  readonly segmentIds = new Map<string, SegmentRecord | RejectedSegmentRecord>();
  readonly notes = new Map<string, NoteRecord>();
  noteSeq = 0;
  /** Sequence number of the last journal entry applied. */
  journalSeq = 0;
  /** The learning programme's records (their own state, changed by the programme ops). */
  programme = new ProgrammeState(emptyProgrammeSnapshot());
  private readonly calendar: ZoneCalendar;

  constructor(
    readonly timeZone: string,
    settings: Settings,
  ) {
    this.settings = settings;
    this.calendar = new ZoneCalendar(timeZone);
  }

  // ---- loading helpers (used by the document codec) ----------------------------------------------

  addPolicyVersion(record: PolicyVersionRecord): void {
    this.policyHistory.push(record);
    this.policyByVersion.set(record.version, record);
  }

  putUser(user: UserRecord): void {
    const old = this.users.get(user.id);
    if (old) this.usersByUsername.delete(old.username.toLowerCase());
    this.users.set(user.id, user);
    this.usersByUsername.set(user.username.toLowerCase(), user);
  }

  putToken(token: TokenRecord): void {
    this.tokens.set(token.tokenHash, token);
    this.tokensById.set(token.id, token);
  }

  person(personId: string): PersonData {
    let data = this.people.get(personId);
    if (!data) {
      data = { segments: [], refused: [], days: [], notes: [], maxDurationMs: 0 };
      this.people.set(personId, data);
    }
    return data;
  }

  /** Adds a record loaded from a snapshot (already sorted input keeps this an append). */
  loadSegment(record: SegmentRecord): void {
    const data = this.person(record.personId);
    insertSorted(data.segments, record);
    data.maxDurationMs = Math.max(data.maxDurationMs, record.endMs - record.startMs);
    this.segmentIds.set(record.id, record);
  }

  loadRefused(record: RejectedSegmentRecord): void {
    const data = this.person(record.personId);
    insertSorted(data.refused, record);
    data.maxDurationMs = Math.max(data.maxDurationMs, record.endMs - record.startMs);
    this.segmentIds.set(record.id, record);
  }

  loadDay(record: DayTotalRecord): void {
    const days = this.person(record.personId).days;
    const at = lowerBound(days, record.day, byDay);
    if (days[at]?.day === record.day) days[at] = record;
    else days.splice(at, 0, record);
  }

  loadNote(record: NoteRecord): void {
    this.notes.set(record.note.id, record);
    const list = this.person(record.personId).notes;
    const at = list.findIndex((n) => n.note.id === record.note.id);
    if (at >= 0) list[at] = record;
    else list.push(record);
  }

  // ---- reads -------------------------------------------------------------------------------------

  currentPolicyVersion(): PolicyVersionRecord {
    return this.policyHistory.at(-1)!;
  }

  policy(): Policy {
    const current = this.currentPolicyVersion();
    return {
      version: current.version,
      resources: current.resources.map((r) => ({ ...r, patterns: [...r.patterns] })),
      settings: { idleSeconds: current.settings.idleSeconds, mediaPresenceSeconds: current.settings.mediaPresenceSeconds },
    };
  }

  // ---- apply -------------------------------------------------------------------------------------

  apply(op: Op): void {
    switch (op.type) {
      case 'unit.put':
        this.units.set(op.unit.id, op.unit);
        return;
      case 'user.put':
        this.putUser(op.user);
        return;
      case 'resource.put':
        this.resources.set(op.resource.id, op.resource);
        this.versionPolicyIfChanged(op.at);
        return;
      case 'settings.put':
        this.settings = op.settings;
        this.versionPolicyIfChanged(op.at);
        return;
      case 'token.put':
        this.putToken(op.token);
        return;
      case 'token.delete':
        for (const hash of op.tokenHashes) {
          const token = this.tokens.get(hash);
          if (!token) continue;
          this.tokens.delete(hash);
          this.tokensById.delete(token.id);
        }
        return;
      case 'audit':
        this.audit.push(op.entry);
        this.auditSeq = Math.max(this.auditSeq, Number(op.entry.id));
        return;
      case 'sync':
        this.applySync(op);
        return;
      case 'note.review': {
        const record = this.notes.get(op.noteId);
        if (!record) return;
        this.loadNote({ ...record, review: op.review, seq: ++this.noteSeq });
        return;
      }
      case 'fold':
        this.fold(op.beforeMs);
        return;
      case 'person.erase':
        this.erase(op.personId);
        this.programme.erasePerson(op.personId);
        return;
      case 'programme.settings.put':
      case 'programme.plan.put':
      case 'programme.unit-defaults.put':
      case 'programme.exception.put':
      case 'programme.exception.delete':
      case 'programme.session.put':
      case 'programme.attendance.put':
      case 'programme.visit.put':
      case 'programme.report.put':
      case 'programme.annual.put':
        this.programme.apply(op);
        return;
    }
  }

  /** Everything recorded about one person, and every index entry pointing at it; audit entries stay. */
  private erase(personId: string): void {
    const user = this.users.get(personId);
    if (user) {
      this.users.delete(personId);
      if (this.usersByUsername.get(user.username.toLowerCase())?.id === personId) this.usersByUsername.delete(user.username.toLowerCase());
    }
    for (const token of [...this.tokens.values()]) {
      if (token.userId !== personId) continue;
      this.tokens.delete(token.tokenHash);
      this.tokensById.delete(token.id);
    }
    const data = this.people.get(personId);
    if (!data) return;
    for (const item of [...data.segments, ...data.refused]) this.segmentIds.delete(item.id);
    for (const record of data.notes) this.notes.delete(record.note.id);
    this.people.delete(personId);
  }

  /** A new policy version when what extensions follow (active resources, tracking settings) changed. */
  private versionPolicyIfChanged(at: string): void {
    const resources = [...this.resources.values()]
      .filter((r) => r.active)
      .map(({ id, name, category, kind, patterns }) => ({ id, name, category, kind, patterns: [...patterns] }));
    const settings = policySettingsOf(this.settings);
    const current = this.currentPolicyVersion();
    if (JSON.stringify({ resources, settings }) === JSON.stringify({ resources: current.resources, settings: current.settings })) return;
    this.addPolicyVersion({ version: current.version + 1, at, settings, resources });
  }

  private applySync(op: Extract<Op, { type: 'sync' }>): void {
    const data = this.person(op.personId);
    const touched = new Set<number>();
    const touch = (startMs: number, endMs: number) => {
      for (const date of this.calendar.datesTouched(startMs, endMs)) touched.add(dayNumber(date));
    };
    for (const segment of op.segments) {
      if (this.segmentIds.has(segment.id)) continue;
      this.loadSegment(segmentRecord(segment));
      touch(segment.startMs, segment.endMs);
    }
    for (const refused of op.refused) {
      if (this.segmentIds.has(refused.id)) continue;
      this.loadRefused(refusedRecord(refused));
      touch(refused.startMs, refused.endMs);
    }
    for (const note of op.notes) {
      const existing = this.notes.get(note.id);
      if (existing && existing.personId !== op.personId) continue;
      const merged = existing ? mergeNote(existing.note, note) : note;
      if (existing && merged === existing.note) continue;
      this.loadNote({ note: merged, personId: op.personId, review: existing?.review ?? null, seq: ++this.noteSeq });
    }
    for (const day of touched) this.recomputeDay(op.personId, data, day);
  }

  /** Credits one person's day from their raw segments, under the policy the segments were counted by. */
  creditOfDay(data: PersonData, day: number): DayCredit {
    const date = dateOfDay(day);
    const dayStartMs = this.calendar.startOf(date);
    const dayEndMs = this.calendar.startOf(nextDate(date));
    const lookBackMs = dayStartMs - data.maxDurationMs;
    // Two plain loops rather than one generic helper: this runs for every day every sync touches.
    const segments: { key: string; resourceId: string; startMs: number; endMs: number }[] = [];
    // The day is capped by the newest policy any of its segments was counted under.
    let version = -1;
    const list = data.segments;
    for (let i = firstStartingAtOrAfter(list, lookBackMs); i < list.length; i++) {
      const s = list[i]!;
      if (s.startMs >= dayEndMs) break;
      if (s.endMs <= dayStartMs) continue;
      segments.push({ key: s.id, resourceId: s.resourceId, startMs: s.startMs, endMs: s.endMs });
      if (s.policyVersion > version) version = s.policyVersion;
    }
    const refused: RejectedSegmentRecord[] = [];
    const refusedList = data.refused;
    for (let i = firstStartingAtOrAfter(refusedList, lookBackMs); i < refusedList.length; i++) {
      const r = refusedList[i]!;
      if (r.startMs >= dayEndMs) break;
      if (r.endMs > dayStartMs) refused.push(r);
    }
    const capSeconds = this.policyByVersion.get(version)?.settings.dailyCapSeconds ?? this.settings.dailyCapSeconds;
    return creditDay({ dayStartMs, dayEndMs, capSeconds, segments, refused });
  }

  private recomputeDay(personId: string, data: PersonData, day: number): void {
    const credit = this.creditOfDay(data, day);
    const byResource: (string | number)[] = [];
    for (const [resourceId, seconds] of [...credit.byResource].sort(([a], [b]) => (a < b ? -1 : 1))) byResource.push(resourceId, seconds);
    const at = lowerBound(data.days, day, byDay);
    if (credit.rawSeconds === 0) {
      if (data.days[at]?.day === day) data.days.splice(at, 1);
      return;
    }
    this.loadDay({
      personId,
      day,
      rawSeconds: credit.rawSeconds,
      creditedSeconds: credit.creditedSeconds,
      overlapSeconds: credit.overlapSeconds,
      dailyCapSeconds: credit.dailyCapSeconds,
      outsideAllowlistSeconds: credit.outsideAllowlistSeconds,
      invalidSeconds: credit.invalidSeconds,
      byResource,
    });
  }

  /** Drops raw segments that ended before `beforeMs`; their days' totals stay as they are. */
  private fold(beforeMs: number): void {
    for (const data of this.people.values()) {
      for (const list of [data.segments, data.refused] as { id: string; endMs: number }[][]) {
        let kept = 0;
        for (const item of list) {
          if (item.endMs < beforeMs) this.segmentIds.delete(item.id);
          else list[kept++] = item;
        }
        list.length = kept;
      }
    }
  }

  /** The earliest end of any raw segment, to know whether folding has anything to do. */
  oldestRawEndMs(): number {
    let oldest = Infinity;
    for (const data of this.people.values()) {
      for (const item of data.segments) oldest = Math.min(oldest, item.endMs);
      for (const item of data.refused) oldest = Math.min(oldest, item.endMs);
    }
    return oldest;
  }
}

/**
 * A copy with the fields in one fixed order, as the snapshot decoder makes them. Records built by
 * spreading (ingest) or by zod (journal replay) otherwise get other hidden classes, and the loops that
 * recount a day over them turn megamorphic (several times slower) and larger in memory.
 */
function segmentRecord(s: SegmentRecord): SegmentRecord {
  return {
    id: s.id,
    personId: s.personId,
    deviceId: s.deviceId,
    resourceId: s.resourceId,
    url: s.url,
    title: s.title,
    startMs: s.startMs,
    endMs: s.endMs,
    mode: s.mode,
    policyVersion: s.policyVersion,
    receivedMs: s.receivedMs,
  };
}

function refusedRecord(r: RejectedSegmentRecord): RejectedSegmentRecord {
  return {
    id: r.id,
    personId: r.personId,
    deviceId: r.deviceId,
    reason: r.reason,
    code: r.code,
    message: r.message,
    contentHash: r.contentHash,
    startMs: r.startMs,
    endMs: r.endMs,
    receivedMs: r.receivedMs,
  };
}

function insertSorted<T extends { startMs: number; id: string }>(list: T[], item: T): void {
  const last = list.at(-1);
  if (!last || last.startMs <= item.startMs) {
    list.push(item);
    return;
  }
  list.splice(lowerBound(list, item.startMs + 1, byStart), 0, item);
}
