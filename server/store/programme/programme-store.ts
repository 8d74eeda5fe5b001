// The programme's store interface in domain terms, and its embedded implementation over ProgrammeState
// plus a durable `commit`. Every read is asynchronous, so a database engine can implement the same
// interface, and takes the filter its callers need, so such an engine answers just those rows.
//
// Guarded writes take a `decide` function that the engine runs against the current data in the same
// step as the write (the embedded engine synchronously; a database engine inside one transaction that
// holds the rows it read until it commits), so a check (a clash, a duplicate check-in) can never race
// a write, and a refusal changes nothing. `decide` is pure: it sees only what the engine hands it and
// never reads the store itself. A write that changes what feeds a grade carries its audit entry, which
// the engine commits with it (in the same transaction).
//
// Dates are local calendar dates `YYYY-MM-DD` in the organisation's time zone (as stored on the
// records); ranges include both ends. Lists come back in no particular order unless a read says so.
import type { PlanStage } from '../../../shared/schemas/programme-plans.ts';
import type { CreditRule, ProgrammeSettings, ProgrammeSettingsView } from '../../../shared/schemas/programme-settings.ts';
import { changeSettings, withCreditRules, type SettingsChange } from '../../programme/credit-rules.ts';
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
  ResearchReport,
  SessionRecord,
  UnitDefaultsRecord,
} from './records.ts';
import type { PersonProgrammeRecords, ProgrammeState } from './state.ts';
import type { AuditContext } from '../audit-context.ts';

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

/** Which sessions a read wants; every field given must match. No field: every standing session. */
export interface SessionQuery {
  /** Dated on or after this date. */
  from?: string;
  /** Dated on or before this date. */
  to?: string;
  /** Naming this unit among its `unitIds` (the unit itself, not units under it). */
  unitId?: string;
  /** With this check-in code. */
  code?: string;
}

/** Which attendance entries a read wants; every field given must match. */
export interface AttendanceQuery {
  /** At one of these sessions (an empty list matches nothing). */
  sessionIds?: readonly string[];
  /** Of this person. */
  personId?: string;
}

/** Which field visits or research reports a read wants; every field given must match. */
export interface ResearchQuery {
  /** Dated in this calendar year. */
  year?: number;
  /** By one of these people (an empty list matches nothing). */
  personIds?: readonly string[];
}

/** Which change requests a read wants; every field given must match. */
export interface ChangeQuery {
  state?: ChangeRequest['state'];
  personId?: string;
}

/** What `saveCalendarException`'s `decide` checks a new exception against. */
export interface CalendarFacts {
  /** Every calendar exception. */
  exceptions: readonly CalendarException[];
  /** Every year's holiday arrangement, by year ascending (the check reads which days are public holidays or working days). */
  holidays: readonly HolidayArrangement[];
}

export interface ProgrammeStore {
  /** The programme's settings (the defaults until an admin saves them), with every version of the credit rules. */
  settings(): Promise<ProgrammeSettingsView>;
  /**
   * Saves the settings on `today` (at the instant `at`): when the tariff or online credit changes, a new
   * version of the credit rules from today, and the standing sessions dated from today credited under
   * it, all in one commit with the audit entry (credit-rules.ts decides, against the data as it is at
   * the write; a session written meanwhile is credited by the rules its own write sees).
   */
  saveSettings(next: ProgrammeSettings, when: { today: string; at: string }, audit?: AuditOf<SettingsChange<SessionRecord>>): Promise<SettingsChange<SessionRecord>>;

  personalPlan(personId: string, year: number, stage: PlanStage): Promise<PersonalPlan | null>;
  /** The plans of those of `personIds` who have one for the year and stage, by person: one read for a unit's report. */
  personalPlansOf(personIds: readonly string[], year: number, stage: PlanStage): Promise<Map<string, PersonalPlan>>;
  savePersonalPlan(plan: PersonalPlan, audit?: ProgrammeAudit): Promise<PersonalPlan>;
  unitDefaults(unitId: string, year: number, stage: PlanStage): Promise<UnitDefaultsRecord | null>;
  /** The defaults of those of `unitIds` that have them for the year and stage, by unit: one read for a person's chain of units, or a whole report's. */
  unitDefaultsOf(unitIds: readonly string[], year: number, stage: PlanStage): Promise<Map<string, UnitDefaultsRecord>>;
  saveUnitDefaults(defaults: UnitDefaultsRecord, audit?: ProgrammeAudit): Promise<UnitDefaultsRecord>;

  /**
   * Every calendar exception (cancelled or moved study days), unfiltered on purpose: they are few (a
   * handful a year), and a range's study calendar needs the ones dated outside it that move a day into it.
   */
  calendarExceptions(): Promise<CalendarException[]>;
  /** The exception on this (original) date, or null. */
  calendarException(date: string): Promise<CalendarException | null>;
  /** `decide` sees every exception and every holiday arrangement, as they are at the write. */
  saveCalendarException<P>(decide: (current: CalendarFacts) => Decision<CalendarException, P>, audit?: AuditOf<CalendarException>): Promise<Decision<CalendarException, P>>;
  /** False when there was none on that date. */
  deleteCalendarException(date: string, audit?: ProgrammeAudit): Promise<boolean>;
  /**
   * Every year's holiday arrangement, by year ascending; unfiltered on purpose: one record a year, and
   * the study calendar of a range looks up holidays of any year it touches.
   */
  holidayArrangements(): Promise<HolidayArrangement[]>;
  holidayArrangement(year: number): Promise<HolidayArrangement | null>;
  saveHolidayArrangement(arrangement: HolidayArrangement, audit?: ProgrammeAudit): Promise<HolidayArrangement>;
  /** False when the year had none. */
  deleteHolidayArrangement(year: number, audit?: ProgrammeAudit): Promise<boolean>;

  /** The standing sessions that match: a cancelled session counts for nobody, so no figure sees it. */
  sessions(query?: SessionQuery): Promise<SessionRecord[]>;
  /** Any session, cancelled ones included. */
  findSession(id: string): Promise<SessionRecord | null>;
  /**
   * Writes the session `decide` returns (a new one, a change, or a cancellation). `decide` sees every
   * standing session as it is at the write (the clash rule compares the new times with all of them:
   * one organiser or unit may not be in two places at once), and the credit rules as they are at the
   * write (a session is credited under the version in force on its date).
   */
  saveSession<P>(decide: (standing: readonly SessionRecord[], rules: readonly CreditRule[]) => Decision<SessionRecord, P>, audit?: AuditOf<SessionRecord>): Promise<Decision<SessionRecord, P>>;

  /**
   * The attendance entries that match (at most one per session and person). No filter: every entry,
   * which only the store's own tests ask for.
   */
  attendance(query?: AttendanceQuery): Promise<AttendanceEntry[]>;
  /** `decide` sees the person's entry at the session as it is at the write (null when unrecorded). */
  saveAttendance<P>(sessionId: string, personId: string, decide: (existing: AttendanceEntry | null) => Decision<AttendanceEntry, P>, audit?: AuditOf<AttendanceEntry>): Promise<Decision<AttendanceEntry, P>>;
  /** Withdraws an entry (the person is unrecorded again); false when there was none. */
  deleteAttendance(sessionId: string, personId: string, audit: ProgrammeAudit): Promise<boolean>;

  /** The field visits that match. */
  visits(query?: ResearchQuery): Promise<FieldVisit[]>;
  findVisit(id: string): Promise<FieldVisit | null>;
  saveVisit(visit: FieldVisit, audit?: ProgrammeAudit): Promise<FieldVisit>;
  deleteVisit(id: string, audit: ProgrammeAudit): Promise<void>;
  /** The research reports that match. */
  reports(query?: ResearchQuery): Promise<ResearchReport[]>;
  findReport(id: string): Promise<ResearchReport | null>;
  saveReport(report: ResearchReport, audit?: ProgrammeAudit): Promise<ResearchReport>;
  deleteReport(id: string, audit: ProgrammeAudit): Promise<void>;

  annualNote(personId: string, year: number): Promise<AnnualNoteRecord | null>;
  /** The year's notes of those of `personIds` who have one, by person: one read for an organisation's annual summary. */
  annualNotesOf(personIds: readonly string[], year: number): Promise<Map<string, AnnualNoteRecord>>;
  saveAnnualNote(record: AnnualNoteRecord, audit?: ProgrammeAudit): Promise<AnnualNoteRecord>;

  /** The closing of a year, or null while it is open. */
  closedYear(year: number): Promise<ClosedYear | null>;
  /** Every closed year, by year ascending; unfiltered on purpose: at most one record a year. */
  closedYears(): Promise<ClosedYear[]>;
  closeYear(closed: ClosedYear, audit: ProgrammeAudit): Promise<ClosedYear>;
  reopenYear(year: number, audit: ProgrammeAudit): Promise<void>;

  /** The proposed changes (pending and decided) that match, oldest `proposedAt` first. */
  changes(query?: ChangeQuery): Promise<ChangeRequest[]>;
  findChange(id: string): Promise<ChangeRequest | null>;
  /** Writes the change request and, when it is approved, the records it changes, in one commit. */
  saveChange(change: ChangeRequest, audit: ProgrammeAudit, applied?: ProgrammeOp[]): Promise<ChangeRequest>;

  /**
   * Everything recorded about one person (their personal data export): plans, attendance entries,
   * field visits, research reports and annual notes.
   */
  recordsOf(personId: string): Promise<PersonProgrammeRecords>;
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

  // `decision` is made synchronously against the state by the caller, and `commit` applies the op
  // before it yields, so nothing can change the state between the decision and the write.
  private async guarded<T, P>(decision: Decision<T, P>, op: (value: T) => ProgrammeOp, audit?: AuditOf<T>): Promise<Decision<T, P>> {
    if (!decision.ok) return decision;
    await this.write(op(decision.value), decision.value, audit?.(decision.value));
    return decision;
  }

  private standingSessions(): SessionRecord[] {
    return [...this.state.sessions.values()].filter((s) => s.cancelled === null);
  }

  async settings(): Promise<ProgrammeSettingsView> {
    return withCreditRules(this.state.settings);
  }

  async saveSettings(next: ProgrammeSettings, when: { today: string; at: string }, audit?: AuditOf<SettingsChange<SessionRecord>>): Promise<SettingsChange<SessionRecord>> {
    const change = changeSettings(this.state.settings, next, this.standingSessions(), when.today, when.at);
    const ops: ProgrammeOp[] = [{ type: 'programme.settings.put', settings: change.settings }, ...change.recredited.map((session): ProgrammeOp => ({ type: 'programme.session.put', session }))];
    await this.commit(ops, audit?.(change));
    return change;
  }

  async personalPlan(personId: string, year: number, stage: PlanStage): Promise<PersonalPlan | null> {
    return this.state.plan(personId, year, stage);
  }

  async personalPlansOf(personIds: readonly string[], year: number, stage: PlanStage): Promise<Map<string, PersonalPlan>> {
    const out = new Map<string, PersonalPlan>();
    for (const id of personIds) {
      const plan = this.state.plan(id, year, stage);
      if (plan) out.set(id, plan);
    }
    return out;
  }

  savePersonalPlan(plan: PersonalPlan, audit?: ProgrammeAudit): Promise<PersonalPlan> {
    return this.write({ type: 'programme.plan.put', plan }, plan, audit);
  }

  async unitDefaults(unitId: string, year: number, stage: PlanStage): Promise<UnitDefaultsRecord | null> {
    return this.state.defaultsOf(unitId, year, stage);
  }

  async unitDefaultsOf(unitIds: readonly string[], year: number, stage: PlanStage): Promise<Map<string, UnitDefaultsRecord>> {
    const out = new Map<string, UnitDefaultsRecord>();
    for (const id of unitIds) {
      const defaults = this.state.defaultsOf(id, year, stage);
      if (defaults) out.set(id, defaults);
    }
    return out;
  }

  saveUnitDefaults(defaults: UnitDefaultsRecord, audit?: ProgrammeAudit): Promise<UnitDefaultsRecord> {
    return this.write({ type: 'programme.unit-defaults.put', defaults }, defaults, audit);
  }

  async calendarExceptions(): Promise<CalendarException[]> {
    return [...this.state.exceptions.values()];
  }

  async calendarException(date: string): Promise<CalendarException | null> {
    return this.state.exceptions.get(date) ?? null;
  }

  saveCalendarException<P>(decide: (current: CalendarFacts) => Decision<CalendarException, P>, audit?: AuditOf<CalendarException>) {
    const current = { exceptions: [...this.state.exceptions.values()], holidays: this.arrangementsByYear() };
    return this.guarded(decide(current), (exception) => ({ type: 'programme.exception.put', exception }), audit);
  }

  async deleteCalendarException(date: string, audit?: ProgrammeAudit): Promise<boolean> {
    if (!this.state.exceptions.has(date)) return false;
    return this.write({ type: 'programme.exception.delete', date }, true, audit);
  }

  private arrangementsByYear(): HolidayArrangement[] {
    return [...this.state.holidays.values()].sort((a, b) => a.year - b.year);
  }

  async holidayArrangements(): Promise<HolidayArrangement[]> {
    return this.arrangementsByYear();
  }

  async holidayArrangement(year: number): Promise<HolidayArrangement | null> {
    return this.state.holidays.get(year) ?? null;
  }

  saveHolidayArrangement(arrangement: HolidayArrangement, audit?: ProgrammeAudit): Promise<HolidayArrangement> {
    return this.write({ type: 'programme.holidays.put', arrangement }, arrangement, audit);
  }

  async deleteHolidayArrangement(year: number, audit?: ProgrammeAudit): Promise<boolean> {
    if (!this.state.holidays.has(year)) return false;
    return this.write({ type: 'programme.holidays.delete', year }, true, audit);
  }

  async sessions(query: SessionQuery = {}): Promise<SessionRecord[]> {
    const { from, to, unitId, code } = query;
    return this.standingSessions().filter(
      (s) =>
        (from === undefined || s.date >= from) &&
        (to === undefined || s.date <= to) &&
        (unitId === undefined || s.unitIds.includes(unitId)) &&
        (code === undefined || s.code === code),
    );
  }

  async findSession(id: string): Promise<SessionRecord | null> {
    return this.state.sessions.get(id) ?? null;
  }

  saveSession<P>(decide: (standing: readonly SessionRecord[], rules: readonly CreditRule[]) => Decision<SessionRecord, P>, audit?: AuditOf<SessionRecord>) {
    return this.guarded(decide(this.standingSessions(), withCreditRules(this.state.settings).creditRules), (session) => ({ type: 'programme.session.put', session }), audit);
  }

  async attendance(query: AttendanceQuery = {}): Promise<AttendanceEntry[]> {
    const { sessionIds, personId } = query;
    // Entries are kept by session, then by person: a session filter reads just those sessions.
    const bySession = sessionIds === undefined ? [...this.state.attendance.values()] : sessionIds.flatMap((id) => this.state.attendance.get(id) ?? []);
    if (personId !== undefined) return bySession.flatMap((entries) => entries.get(personId) ?? []);
    return bySession.flatMap((entries) => [...entries.values()]);
  }

  saveAttendance<P>(sessionId: string, personId: string, decide: (existing: AttendanceEntry | null) => Decision<AttendanceEntry, P>, audit?: AuditOf<AttendanceEntry>) {
    const existing = this.state.attendance.get(sessionId)?.get(personId) ?? null;
    return this.guarded(decide(existing), (entry) => ({ type: 'programme.attendance.put', entry }), audit);
  }

  async deleteAttendance(sessionId: string, personId: string, audit: ProgrammeAudit): Promise<boolean> {
    if (!this.state.attendance.get(sessionId)?.has(personId)) return false;
    return this.write({ type: 'programme.attendance.delete', sessionId, personId }, true, audit);
  }

  async visits(query: ResearchQuery = {}): Promise<FieldVisit[]> {
    return [...this.state.visits.values()].filter(researchFilter(query));
  }

  async findVisit(id: string): Promise<FieldVisit | null> {
    return this.state.visits.get(id) ?? null;
  }

  saveVisit(visit: FieldVisit, audit?: ProgrammeAudit): Promise<FieldVisit> {
    return this.write({ type: 'programme.visit.put', visit }, visit, audit);
  }

  deleteVisit(id: string, audit: ProgrammeAudit): Promise<void> {
    return this.write({ type: 'programme.visit.delete', id }, undefined, audit);
  }

  async reports(query: ResearchQuery = {}): Promise<ResearchReport[]> {
    return [...this.state.reports.values()].filter(researchFilter(query));
  }

  async findReport(id: string): Promise<ResearchReport | null> {
    return this.state.reports.get(id) ?? null;
  }

  saveReport(report: ResearchReport, audit?: ProgrammeAudit): Promise<ResearchReport> {
    return this.write({ type: 'programme.report.put', report }, report, audit);
  }

  deleteReport(id: string, audit: ProgrammeAudit): Promise<void> {
    return this.write({ type: 'programme.report.delete', id }, undefined, audit);
  }

  async annualNote(personId: string, year: number): Promise<AnnualNoteRecord | null> {
    return this.state.annualOf(personId, year);
  }

  async annualNotesOf(personIds: readonly string[], year: number): Promise<Map<string, AnnualNoteRecord>> {
    const out = new Map<string, AnnualNoteRecord>();
    for (const id of personIds) {
      const note = this.state.annualOf(id, year);
      if (note) out.set(id, note);
    }
    return out;
  }

  saveAnnualNote(record: AnnualNoteRecord, audit?: ProgrammeAudit): Promise<AnnualNoteRecord> {
    return this.write({ type: 'programme.annual.put', record }, record, audit);
  }

  async closedYear(year: number): Promise<ClosedYear | null> {
    return this.state.closedYears.get(year) ?? null;
  }

  async closedYears(): Promise<ClosedYear[]> {
    return [...this.state.closedYears.values()].sort((a, b) => a.year - b.year);
  }

  closeYear(closed: ClosedYear, audit: ProgrammeAudit): Promise<ClosedYear> {
    return this.write({ type: 'programme.year.close', closed }, closed, audit);
  }

  reopenYear(year: number, audit: ProgrammeAudit): Promise<void> {
    return this.write({ type: 'programme.year.reopen', year }, undefined, audit);
  }

  async changes(query: ChangeQuery = {}): Promise<ChangeRequest[]> {
    const { state, personId } = query;
    return [...this.state.changes.values()]
      .filter((c) => (state === undefined || c.state === state) && (personId === undefined || c.personId === personId))
      .sort((a, b) => (a.proposedAt < b.proposedAt ? -1 : a.proposedAt > b.proposedAt ? 1 : 0));
  }

  async findChange(id: string): Promise<ChangeRequest | null> {
    return this.state.changes.get(id) ?? null;
  }

  async saveChange(change: ChangeRequest, audit: ProgrammeAudit, applied: ProgrammeOp[] = []): Promise<ChangeRequest> {
    await this.commit([...applied, { type: 'programme.change.put', change }], audit);
    return change;
  }

  async recordsOf(personId: string): Promise<PersonProgrammeRecords> {
    return this.state.recordsOf(personId);
  }
}

function researchFilter({ year, personIds }: ResearchQuery): (record: { date: string; personId: string }) => boolean {
  const prefix = year === undefined ? null : `${year}-`;
  const people = personIds === undefined ? null : new Set(personIds);
  return (r) => (prefix === null || r.date.startsWith(prefix)) && (people === null || people.has(r.personId));
}
