// The programme's store interface in domain terms, and its implementation over ProgrammeState plus a
// durable `commit`. Guarded writes take a `decide` function run against the current data in the same
// synchronous step as the change, so a check (a clash, a duplicate check-in) can never race a write,
// and a refusal changes nothing. A write that changes what feeds a grade carries its audit entry, which
// the store commits with it.
import type { PlanStage } from '../../../shared/schemas/programme-plans.ts';
import type {
  AnnualNoteRecord,
  AttendanceEntry,
  CalendarException,
  ChangeRequest,
  ClosedYear,
  FieldVisit,
  HolidayArrangement,
  PersonalPlan,
  ProgrammeOp,
  ProgrammeSettings,
  ResearchReport,
  SessionRecord,
  UnitDefaultsRecord,
} from './records.ts';
import type { PersonProgrammeRecords, ProgrammeState } from './state.ts';
import type { AuditContext } from '../records.ts';

const NO_ENTRIES: ReadonlyMap<string, AttendanceEntry> = new Map();

/** A decision made against the current data: the record to write, or why not. */
export type Decision<T, P> = { ok: true; value: T } | { ok: false; problem: P };

/** The audit entry written in the same commit as a programme change: who, what (`session.cancel`), on what (`session:<id>`). */
export interface ProgrammeAudit {
  context: AuditContext;
  action: string;
  target: string;
  /** Readable: names, titles, dates and labels, never bare ids. */
  details: string;
}
/** The audit entry of a guarded write, known once the decision is made. */
export type AuditOf<T> = (value: T) => ProgrammeAudit;

export interface ProgrammeStore {
  settings(): ProgrammeSettings;
  saveSettings(settings: ProgrammeSettings, audit?: ProgrammeAudit): Promise<ProgrammeSettings>;

  personalPlan(personId: string, year: number, stage: PlanStage): PersonalPlan | null;
  savePersonalPlan(plan: PersonalPlan, audit?: ProgrammeAudit): Promise<PersonalPlan>;
  unitDefaults(unitId: string, year: number, stage: PlanStage): UnitDefaultsRecord | null;
  saveUnitDefaults(defaults: UnitDefaultsRecord, audit?: ProgrammeAudit): Promise<UnitDefaultsRecord>;

  calendarExceptions(): CalendarException[];
  saveCalendarException<P>(decide: (all: readonly CalendarException[]) => Decision<CalendarException, P>, audit?: AuditOf<CalendarException>): Promise<Decision<CalendarException, P>>;
  deleteCalendarException(date: string, audit?: ProgrammeAudit): Promise<boolean>;
  /** Every year's holiday arrangement, by year. */
  holidayArrangements(): HolidayArrangement[];
  holidayArrangement(year: number): HolidayArrangement | null;
  saveHolidayArrangement(arrangement: HolidayArrangement, audit?: ProgrammeAudit): Promise<HolidayArrangement>;
  deleteHolidayArrangement(year: number, audit?: ProgrammeAudit): Promise<boolean>;

  /** The sessions that stand: a cancelled session counts for nobody, so no figure sees it. */
  sessions(): SessionRecord[];
  /** Any session, cancelled ones included. */
  findSession(id: string): SessionRecord | null;
  /** `decide` sees the sessions that stand. */
  saveSession<P>(decide: (all: readonly SessionRecord[]) => Decision<SessionRecord, P>, audit?: AuditOf<SessionRecord>): Promise<Decision<SessionRecord, P>>;

  attendanceOf(sessionId: string): AttendanceEntry[];
  /** A session's entries by person, for figures over many people (read-only: changes go through saveAttendance). */
  attendanceByPerson(sessionId: string): ReadonlyMap<string, AttendanceEntry>;
  /** Every entry, for reports over many sessions. */
  allAttendance(): AttendanceEntry[];
  saveAttendance<P>(sessionId: string, personId: string, decide: (existing: AttendanceEntry | null) => Decision<AttendanceEntry, P>, audit?: AuditOf<AttendanceEntry>): Promise<Decision<AttendanceEntry, P>>;
  /** Withdraws an entry (the person is unrecorded again); false when there was none. */
  deleteAttendance(sessionId: string, personId: string, audit: ProgrammeAudit): Promise<boolean>;

  visits(): FieldVisit[];
  findVisit(id: string): FieldVisit | null;
  saveVisit(visit: FieldVisit, audit?: ProgrammeAudit): Promise<FieldVisit>;
  deleteVisit(id: string, audit: ProgrammeAudit): Promise<void>;
  reports(): ResearchReport[];
  findReport(id: string): ResearchReport | null;
  saveReport(report: ResearchReport, audit?: ProgrammeAudit): Promise<ResearchReport>;
  deleteReport(id: string, audit: ProgrammeAudit): Promise<void>;

  annualNote(personId: string, year: number): AnnualNoteRecord | null;
  saveAnnualNote(record: AnnualNoteRecord, audit?: ProgrammeAudit): Promise<AnnualNoteRecord>;

  /** The closing of a year, or null while it is open. */
  closedYear(year: number): ClosedYear | null;
  closeYear(closed: ClosedYear, audit: ProgrammeAudit): Promise<ClosedYear>;
  reopenYear(year: number, audit: ProgrammeAudit): Promise<void>;

  /** Proposed changes (pending and decided), oldest first. */
  changes(): ChangeRequest[];
  findChange(id: string): ChangeRequest | null;
  /** Writes the change request and, when it is approved, the records it changes, in one commit. */
  saveChange(change: ChangeRequest, audit: ProgrammeAudit, applied?: ProgrammeOp[]): Promise<ChangeRequest>;

  /** Everything recorded about one person (their personal data export). */
  recordsOf(personId: string): PersonProgrammeRecords;
}

export class StateProgrammeStore implements ProgrammeStore {
  constructor(
    private readonly state: ProgrammeState,
    /**
     * Applies the ops to the state at once (before returning its promise) and resolves when they are
     * durable: the store's own commit, so programme ops share its journal and snapshot.
     */
    private readonly commit: (ops: ProgrammeOp[], audit?: ProgrammeAudit) => Promise<void>,
  ) {}

  private async write<T>(op: ProgrammeOp, value: T, audit?: ProgrammeAudit): Promise<T> {
    await this.commit([op], audit);
    return value;
  }

  private async guarded<T, P>(decision: Decision<T, P>, op: (value: T) => ProgrammeOp, audit?: AuditOf<T>): Promise<Decision<T, P>> {
    if (!decision.ok) return decision;
    await this.write(op(decision.value), decision.value, audit?.(decision.value));
    return decision;
  }

  settings(): ProgrammeSettings {
    return this.state.settings;
  }

  saveSettings(settings: ProgrammeSettings, audit?: ProgrammeAudit): Promise<ProgrammeSettings> {
    return this.write({ type: 'programme.settings.put', settings }, settings, audit);
  }

  personalPlan(personId: string, year: number, stage: PlanStage): PersonalPlan | null {
    return this.state.plan(personId, year, stage);
  }

  savePersonalPlan(plan: PersonalPlan, audit?: ProgrammeAudit): Promise<PersonalPlan> {
    return this.write({ type: 'programme.plan.put', plan }, plan, audit);
  }

  unitDefaults(unitId: string, year: number, stage: PlanStage): UnitDefaultsRecord | null {
    return this.state.defaultsOf(unitId, year, stage);
  }

  saveUnitDefaults(defaults: UnitDefaultsRecord, audit?: ProgrammeAudit): Promise<UnitDefaultsRecord> {
    return this.write({ type: 'programme.unit-defaults.put', defaults }, defaults, audit);
  }

  calendarExceptions(): CalendarException[] {
    return [...this.state.exceptions.values()];
  }

  saveCalendarException<P>(decide: (all: readonly CalendarException[]) => Decision<CalendarException, P>, audit?: AuditOf<CalendarException>) {
    return this.guarded(decide(this.calendarExceptions()), (exception) => ({ type: 'programme.exception.put', exception }), audit);
  }

  async deleteCalendarException(date: string, audit?: ProgrammeAudit): Promise<boolean> {
    if (!this.state.exceptions.has(date)) return false;
    return this.write({ type: 'programme.exception.delete', date }, true, audit);
  }

  holidayArrangements(): HolidayArrangement[] {
    return [...this.state.holidays.values()].sort((a, b) => a.year - b.year);
  }

  holidayArrangement(year: number): HolidayArrangement | null {
    return this.state.holidays.get(year) ?? null;
  }

  saveHolidayArrangement(arrangement: HolidayArrangement, audit?: ProgrammeAudit): Promise<HolidayArrangement> {
    return this.write({ type: 'programme.holidays.put', arrangement }, arrangement, audit);
  }

  async deleteHolidayArrangement(year: number, audit?: ProgrammeAudit): Promise<boolean> {
    if (!this.state.holidays.has(year)) return false;
    return this.write({ type: 'programme.holidays.delete', year }, true, audit);
  }

  sessions(): SessionRecord[] {
    return [...this.state.sessions.values()].filter((s) => s.cancelled === null);
  }

  findSession(id: string): SessionRecord | null {
    return this.state.sessions.get(id) ?? null;
  }

  saveSession<P>(decide: (all: readonly SessionRecord[]) => Decision<SessionRecord, P>, audit?: AuditOf<SessionRecord>) {
    return this.guarded(decide(this.sessions()), (session) => ({ type: 'programme.session.put', session }), audit);
  }

  attendanceOf(sessionId: string): AttendanceEntry[] {
    return [...(this.state.attendance.get(sessionId)?.values() ?? [])];
  }

  attendanceByPerson(sessionId: string): ReadonlyMap<string, AttendanceEntry> {
    return this.state.attendance.get(sessionId) ?? NO_ENTRIES;
  }

  allAttendance(): AttendanceEntry[] {
    return [...this.state.attendance.values()].flatMap((bySession) => [...bySession.values()]);
  }

  saveAttendance<P>(sessionId: string, personId: string, decide: (existing: AttendanceEntry | null) => Decision<AttendanceEntry, P>, audit?: AuditOf<AttendanceEntry>) {
    const existing = this.state.attendance.get(sessionId)?.get(personId) ?? null;
    return this.guarded(decide(existing), (entry) => ({ type: 'programme.attendance.put', entry }), audit);
  }

  async deleteAttendance(sessionId: string, personId: string, audit: ProgrammeAudit): Promise<boolean> {
    if (!this.state.attendance.get(sessionId)?.has(personId)) return false;
    return this.write({ type: 'programme.attendance.delete', sessionId, personId }, true, audit);
  }

  visits(): FieldVisit[] {
    return [...this.state.visits.values()];
  }

  findVisit(id: string): FieldVisit | null {
    return this.state.visits.get(id) ?? null;
  }

  saveVisit(visit: FieldVisit, audit?: ProgrammeAudit): Promise<FieldVisit> {
    return this.write({ type: 'programme.visit.put', visit }, visit, audit);
  }

  deleteVisit(id: string, audit: ProgrammeAudit): Promise<void> {
    return this.write({ type: 'programme.visit.delete', id }, undefined, audit);
  }

  reports(): ResearchReport[] {
    return [...this.state.reports.values()];
  }

  findReport(id: string): ResearchReport | null {
    return this.state.reports.get(id) ?? null;
  }

  saveReport(report: ResearchReport, audit?: ProgrammeAudit): Promise<ResearchReport> {
    return this.write({ type: 'programme.report.put', report }, report, audit);
  }

  deleteReport(id: string, audit: ProgrammeAudit): Promise<void> {
    return this.write({ type: 'programme.report.delete', id }, undefined, audit);
  }

  annualNote(personId: string, year: number): AnnualNoteRecord | null {
    return this.state.annualOf(personId, year);
  }

  saveAnnualNote(record: AnnualNoteRecord, audit?: ProgrammeAudit): Promise<AnnualNoteRecord> {
    return this.write({ type: 'programme.annual.put', record }, record, audit);
  }

  closedYear(year: number): ClosedYear | null {
    return this.state.closedYears.get(year) ?? null;
  }

  closeYear(closed: ClosedYear, audit: ProgrammeAudit): Promise<ClosedYear> {
    return this.write({ type: 'programme.year.close', closed }, closed, audit);
  }

  reopenYear(year: number, audit: ProgrammeAudit): Promise<void> {
    return this.write({ type: 'programme.year.reopen', year }, undefined, audit);
  }

  changes(): ChangeRequest[] {
    return [...this.state.changes.values()].sort((a, b) => (a.proposedAt < b.proposedAt ? -1 : a.proposedAt > b.proposedAt ? 1 : 0));
  }

  findChange(id: string): ChangeRequest | null {
    return this.state.changes.get(id) ?? null;
  }

  async saveChange(change: ChangeRequest, audit: ProgrammeAudit, applied: ProgrammeOp[] = []): Promise<ChangeRequest> {
    await this.commit([...applied, { type: 'programme.change.put', change }], audit);
    return change;
  }

  recordsOf(personId: string): PersonProgrammeRecords {
    return this.state.recordsOf(personId);
  }
}
