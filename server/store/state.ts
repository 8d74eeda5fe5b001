// The store's data in memory, indexed for every read the server makes, and `apply`: the one place an
// op changes it. Applying is deterministic (no clock, no randomness), so the snapshot plus the journal
// always rebuild the same state. A sync marks the days it touched; their totals are recounted when they
// are next read (daysOf), once however many syncs touched them meanwhile.
import { mergeNote } from '../../shared/notes/merge-note.ts';
import type { Policy } from '../../shared/schemas/policy.ts';
import type { Settings } from '../../shared/schemas/settings.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import type { DayCredit } from '../aggregation/split-day-seconds.ts';
import { splitPersonDay, dayTotalOf, type PersonDaySegment } from './day-total.ts';
import { nextPolicyVersion } from './policy-version.ts';
import { originMemberships } from '../programme/membership-history.ts';
import { ZoneCalendar } from '../aggregation/zone-calendar.ts';
import type { Op, SyncOp } from './ops.ts';
import { packId, unpackId } from './packed-id.ts';
import { devicePool, pagePool, SegmentTable } from './segment-table.ts';
import { IdIndex } from './id-index.ts';
import { emptyProgrammeSnapshot } from './programme/records.ts';
import { ProgrammeState } from './programme/state.ts';
import type {
  AuditRecord,
  DayTotalRecord,
  NoteRecord,
  PolicyVersionRecord,
  RejectedSegmentRecord,
  ResourceRecord,
  SegmentRecord,
  TokenRecord,
  UnitRecord,
  StoredUser,
  UserRecord,
} from './store-contract.ts';

export interface PersonData {
  personId: string;
  /** This person's number in the idempotency index (StoreState.ownerOf). */
  number: number;
  /** Accepted segments (in order of start when read by time; see SegmentTable). */
  segments: SegmentTable;
  /** Refused segments kept for their raw seconds, by start. */
  refused: RejectedSegmentRecord[];
  /**
   * Daily totals, by day; read them through StoreState.daysOf, which recounts the stale ones first.
   * A recount replaces the array rather than changing it, so a report may hold the one it read as
   * it is, without a copy (LowdbStore.dayTotals).
   */
  days: DayTotalRecord[];
  /** Days a sync touched since their totals were last counted. */
  staleDays: Set<number>;
  notes: NoteRecord[];
  /** Longest refused segment stored: how far before a day to look for ones reaching into it. */
  maxRefusedDurationMs: number;
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
const byDay = (d: DayTotalRecord) => d.day;

export { policySettingsOf } from './policy-version.ts';

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
  /** Who may hold each stored segment id (packed, see packed-id.ts), accepted or refused, by person number: what makes sync idempotent. */
  private readonly heldBy = new IdIndex();
  /** People by number; an erased person's number is not given out again. */
  private readonly peopleByNumber: (PersonData | undefined)[] = [];
  /**
   * The pages and devices segments refer to, each held once. An entry outlives the segments that used
   * it until the next start (it names no one; snapshots list only the pages their rows use).
   */
  readonly pages = pagePool();
  readonly devices = devicePool();
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

  /** Stores a user; one written before memberships were kept gets its origin (membership-history.ts). */
  putUser(stored: StoredUser): void {
    const user: UserRecord = {
      ...stored,
      memberships: stored.memberships ?? originMemberships(stored, dateInZone(Date.parse(stored.createdAt), this.timeZone)),
    };
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
      data = { personId, number: this.peopleByNumber.length, segments: new SegmentTable(), refused: [], days: [], staleDays: new Set(), notes: [], maxRefusedDurationMs: 0 };
      this.people.set(personId, data);
      this.peopleByNumber.push(data);
    }
    return data;
  }

  /** Adds a segment without recounting its days (a snapshot holds their totals; see addSegments). */
  loadSegment(packedId: string, record: Omit<SegmentRecord, 'id'>): void {
    const data = this.person(record.personId);
    data.segments.add({
      id: packedId,
      device: this.devices.intern(record.deviceId),
      page: this.pages.intern({ resourceId: record.resourceId, url: record.url, title: record.title }),
      startMs: record.startMs,
      endMs: record.endMs,
      mode: record.mode,
      policyVersion: record.policyVersion,
      receivedMs: record.receivedMs,
    });
    this.heldBy.add(packedId, data.number);
  }

  /** A snapshot's row, its page and device already pooled (document.ts), without recounting its days. */
  loadRow(data: PersonData, packedId: string, device: number, page: number, startMs: number, endMs: number, modeIndex: number, policyVersion: number, receivedMs: number): void {
    data.segments.push(packedId, device, page, startMs, endMs, modeIndex, policyVersion, receivedMs);
    this.heldBy.add(packedId, data.number);
  }

  loadRefused(record: RejectedSegmentRecord): void {
    const data = this.person(record.personId);
    insertSorted(data.refused, record);
    data.maxRefusedDurationMs = Math.max(data.maxRefusedDurationMs, record.endMs - record.startMs);
    this.heldBy.add(packId(record.id), data.number);
  }

  /** Adds segments whose days are then recounted (a migration's, a generated year's). */
  addSegments(records: readonly SegmentRecord[]): void {
    for (const record of records) {
      this.loadSegment(packId(record.id), record);
      const data = this.person(record.personId);
      this.calendar.forEachDayTouched(record.startMs, record.endMs, (day) => data.staleDays.add(day));
    }
  }

  /** Row i of a person's segments as a record. */
  segmentAt(data: PersonData, i: number): SegmentRecord {
    const t = data.segments;
    const page = this.pages.items[t.page(i)]!;
    return {
      id: unpackId(t.id(i)),
      personId: data.personId,
      deviceId: this.devices.items[t.device(i)]!,
      resourceId: page.resourceId,
      url: page.url,
      title: page.title,
      startMs: t.startMs(i),
      endMs: t.endMs(i),
      mode: t.mode(i),
      policyVersion: t.policyVersion(i),
      receivedMs: t.receivedMs(i),
    };
  }

  /** The stored segment or refused segment with this id (given packed and as sent), with its owner, or null. */
  findSegment(packed: string, id: string): { data: PersonData; segment: SegmentRecord } | { data: PersonData; refused: RejectedSegmentRecord } | null {
    const number = this.heldBy.find(packed, (n) => {
      const data = this.peopleByNumber[n];
      return data !== undefined && (data.refused.some((r) => r.id === id) || data.segments.indexOf(packed) >= 0);
    });
    if (number < 0) return null;
    const data = this.peopleByNumber[number]!;
    const refused = data.refused.find((r) => r.id === id);
    if (refused) return { data, refused };
    return { data, segment: this.segmentAt(data, data.segments.indexOf(packed)) };
  }

  /** Builds the idempotency index again from the tables, after ids left them (IdIndex never removes any). */
  private indexIds(): void {
    this.heldBy.clear();
    for (const data of this.people.values()) {
      for (let i = 0; i < data.segments.length; i++) this.heldBy.add(data.segments.id(i), data.number);
      for (const item of data.refused) this.heldBy.add(packId(item.id), data.number);
    }
  }

  loadDay(record: DayTotalRecord): void {
    const days = this.person(record.personId).days;
    // A snapshot lists them by day: each comes after the last.
    if (days.length === 0 || days[days.length - 1]!.day < record.day) {
      days.push(record);
      return;
    }
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

  /** One person's daily totals, by day, with every day touched since the last read recounted. */
  daysOf(personId: string): readonly DayTotalRecord[] {
    const data = this.people.get(personId);
    if (!data) return [];
    this.settle(personId, data);
    return data.days;
  }

  private settle(personId: string, data: PersonData): void {
    if (data.staleDays.size === 0) return;
    data.days = data.days.slice();
    for (const day of data.staleDays) this.recomputeDay(personId, data, day);
    data.staleDays.clear();
  }

  /**
   * Recounts every stale day: before raw segments are folded away, and after a bulk load that is to
   * be read at once (a snapshot just lists them).
   */
  settleAll(): void {
    for (const [personId, data] of this.people) this.settle(personId, data);
  }

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
      case 'unit.delete':
        this.units.delete(op.id);
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
      case 'programme.holidays.put':
      case 'programme.holidays.delete':
      case 'programme.session.put':
      case 'programme.attendance.put':
      case 'programme.visit.put':
      case 'programme.report.put':
      case 'programme.annual.put':
      case 'programme.attendance.delete':
      case 'programme.visit.delete':
      case 'programme.report.delete':
      case 'programme.year.close':
      case 'programme.year.reopen':
      case 'programme.change.put':
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
    for (const record of data.notes) this.notes.delete(record.note.id);
    this.people.delete(personId);
    this.peopleByNumber[data.number] = undefined;
    this.indexIds();
  }

  /** A new policy version when what extensions follow (active resources, tracking settings) changed. */
  private versionPolicyIfChanged(at: string): void {
    const next = nextPolicyVersion(this.currentPolicyVersion(), this.resources.values(), this.settings, at);
    if (next) this.addPolicyVersion(next);
  }

  private applySync(op: SyncOp): void {
    const data = this.person(op.personId);
    const stale = (day: number) => data.staleDays.add(day);
    const device = this.devices.intern(op.deviceId);
    // The ops carry only ids the store has not seen: recordSync checks them in the same synchronous
    // step that applies the op, and replay applies each op once over the snapshot that preceded it.
    for (const [id, resourceId, url, title, startMs, endMs, mode, policyVersion] of op.segments) {
      const page = this.pages.intern({ resourceId, url, title });
      data.segments.add({ id, device, page, startMs, endMs, mode, policyVersion, receivedMs: op.receivedMs });
      this.heldBy.add(id, data.number);
      this.calendar.forEachDayTouched(startMs, endMs, stale);
    }
    for (const refused of op.refused) {
      this.loadRefused({ ...refused, personId: op.personId, deviceId: op.deviceId, receivedMs: op.receivedMs });
      this.calendar.forEachDayTouched(refused.startMs, refused.endMs, stale);
    }
    for (const note of op.notes) {
      const existing = this.notes.get(note.id);
      if (existing && existing.personId !== op.personId) continue;
      const merged = existing ? mergeNote(existing.note, note) : note;
      if (existing && merged === existing.note) continue;
      this.loadNote({ note: merged, personId: op.personId, review: existing?.review ?? null, seq: ++this.noteSeq });
    }
  }

  /** Credits one person's day from their raw segments, under the policy the segments were counted by. Segments are keyed by packed id. */
  creditOfDay(data: PersonData, day: number): DayCredit {
    const dayStartMs = this.calendar.startOfDay(day);
    const dayEndMs = this.calendar.startOfDay(day + 1);
    const segments: PersonDaySegment[] = [];
    const t = data.segments;
    for (let i = t.firstStartingAtOrAfter(dayStartMs - t.maxDurationMs); i < t.length; i++) {
      const startMs = t.startMs(i);
      if (startMs >= dayEndMs) break;
      const endMs = t.endMs(i);
      if (endMs <= dayStartMs) continue;
      segments.push({ key: t.id(i), resourceId: this.pages.items[t.page(i)]!.resourceId, startMs, endMs, policyVersion: t.policyVersion(i) });
    }
    const refused: RejectedSegmentRecord[] = [];
    const refusedList = data.refused;
    for (let i = lowerBound(refusedList, dayStartMs - data.maxRefusedDurationMs, byStart); i < refusedList.length; i++) {
      const r = refusedList[i]!;
      if (r.startMs >= dayEndMs) break;
      if (r.endMs > dayStartMs) refused.push(r);
    }
    return splitPersonDay({
      dayStartMs,
      dayEndMs,
      segments,
      refused,
      capOf: (version) => this.policyByVersion.get(version)?.settings.dailyCapSeconds,
      currentCapSeconds: this.settings.dailyCapSeconds,
    });
  }

  private recomputeDay(personId: string, data: PersonData, day: number): void {
    const total = dayTotalOf(personId, day, this.creditOfDay(data, day));
    if (total) {
      this.loadDay(total);
      return;
    }
    const at = lowerBound(data.days, day, byDay);
    if (data.days[at]?.day === day) data.days.splice(at, 1);
  }

  /** Drops raw segments that ended before `beforeMs`; their days' totals stay as they are. */
  private fold(beforeMs: number): void {
    // A stale day recounted after its segments are gone would lose them: count every day first.
    this.settleAll();
    for (const data of this.people.values()) {
      data.segments.removeEndedBefore(beforeMs);
      let kept = 0;
      for (const item of data.refused) if (item.endMs >= beforeMs) data.refused[kept++] = item;
      data.refused.length = kept;
    }
    this.indexIds();
  }

  /** The earliest end of any raw segment, to know whether folding has anything to do. */
  oldestRawEndMs(): number {
    let oldest = Infinity;
    for (const data of this.people.values()) {
      oldest = Math.min(oldest, data.segments.earliestEndMs());
      for (const item of data.refused) oldest = Math.min(oldest, item.endMs);
    }
    return oldest;
  }
}

function insertSorted<T extends { startMs: number; id: string }>(list: T[], item: T): void {
  const last = list.at(-1);
  if (!last || last.startMs <= item.startMs) {
    list.push(item);
    return;
  }
  list.splice(lowerBound(list, item.startMs + 1, byStart), 0, item);
}
