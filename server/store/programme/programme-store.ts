// The programme's store interface in domain terms, and its implementation over ProgrammeState plus a
// durable `commit`. Guarded writes take a `decide` function run against the current data in the same
// synchronous step as the change, so a check (a clash, a duplicate check-in) can never race a write,
// and a refusal changes nothing.
import type { PlanStage } from '../../../shared/schemas/programme-plans.ts';
import type {
  AnnualNoteRecord,
  AttendanceEntry,
  CalendarException,
  FieldVisit,
  PersonalPlan,
  ProgrammeOp,
  ProgrammeSettings,
  ResearchReport,
  SessionRecord,
  UnitDefaultsRecord,
} from './records.ts';
import type { PersonProgrammeRecords, ProgrammeState } from './state.ts';

/** A decision made against the current data: the record to write, or why not. */
export type Decision<T, P> = { ok: true; value: T } | { ok: false; problem: P };

export interface ProgrammeStore {
  settings(): ProgrammeSettings;
  saveSettings(settings: ProgrammeSettings): Promise<ProgrammeSettings>;

  personalPlan(personId: string, year: number, stage: PlanStage): PersonalPlan | null;
  savePersonalPlan(plan: PersonalPlan): Promise<PersonalPlan>;
  unitDefaults(unitId: string, year: number, stage: PlanStage): UnitDefaultsRecord | null;
  saveUnitDefaults(defaults: UnitDefaultsRecord): Promise<UnitDefaultsRecord>;

  calendarExceptions(): CalendarException[];
  saveCalendarException<P>(decide: (all: readonly CalendarException[]) => Decision<CalendarException, P>): Promise<Decision<CalendarException, P>>;
  deleteCalendarException(date: string): Promise<boolean>;

  sessions(): SessionRecord[];
  findSession(id: string): SessionRecord | null;
  saveSession<P>(decide: (all: readonly SessionRecord[]) => Decision<SessionRecord, P>): Promise<Decision<SessionRecord, P>>;

  attendanceOf(sessionId: string): AttendanceEntry[];
  /** One person's entry at one session, or null: a lookup, for figures over many people and sessions. */
  attendanceEntry(sessionId: string, personId: string): AttendanceEntry | null;
  /** Every entry, for reports over many sessions. */
  allAttendance(): AttendanceEntry[];
  saveAttendance<P>(sessionId: string, personId: string, decide: (existing: AttendanceEntry | null) => Decision<AttendanceEntry, P>): Promise<Decision<AttendanceEntry, P>>;

  visits(): FieldVisit[];
  saveVisit(visit: FieldVisit): Promise<FieldVisit>;
  reports(): ResearchReport[];
  findReport(id: string): ResearchReport | null;
  saveReport(report: ResearchReport): Promise<ResearchReport>;

  annualNote(personId: string, year: number): AnnualNoteRecord | null;
  saveAnnualNote(record: AnnualNoteRecord): Promise<AnnualNoteRecord>;

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
    private readonly commit: (ops: ProgrammeOp[]) => Promise<void>,
  ) {}

  private async write<T>(op: ProgrammeOp, value: T): Promise<T> {
    await this.commit([op]);
    return value;
  }

  private async guarded<T, P>(decision: Decision<T, P>, op: (value: T) => ProgrammeOp): Promise<Decision<T, P>> {
    if (!decision.ok) return decision;
    await this.write(op(decision.value), decision.value);
    return decision;
  }

  settings(): ProgrammeSettings {
    return this.state.settings;
  }

  saveSettings(settings: ProgrammeSettings): Promise<ProgrammeSettings> {
    return this.write({ type: 'programme.settings.put', settings }, settings);
  }

  personalPlan(personId: string, year: number, stage: PlanStage): PersonalPlan | null {
    return this.state.plan(personId, year, stage);
  }

  savePersonalPlan(plan: PersonalPlan): Promise<PersonalPlan> {
    return this.write({ type: 'programme.plan.put', plan }, plan);
  }

  unitDefaults(unitId: string, year: number, stage: PlanStage): UnitDefaultsRecord | null {
    return this.state.defaultsOf(unitId, year, stage);
  }

  saveUnitDefaults(defaults: UnitDefaultsRecord): Promise<UnitDefaultsRecord> {
    return this.write({ type: 'programme.unit-defaults.put', defaults }, defaults);
  }

  calendarExceptions(): CalendarException[] {
    return [...this.state.exceptions.values()];
  }

  saveCalendarException<P>(decide: (all: readonly CalendarException[]) => Decision<CalendarException, P>) {
    return this.guarded(decide(this.calendarExceptions()), (exception) => ({ type: 'programme.exception.put', exception }));
  }

  async deleteCalendarException(date: string): Promise<boolean> {
    if (!this.state.exceptions.has(date)) return false;
    return this.write({ type: 'programme.exception.delete', date }, true);
  }

  sessions(): SessionRecord[] {
    return [...this.state.sessions.values()];
  }

  findSession(id: string): SessionRecord | null {
    return this.state.sessions.get(id) ?? null;
  }

  saveSession<P>(decide: (all: readonly SessionRecord[]) => Decision<SessionRecord, P>) {
    return this.guarded(decide(this.sessions()), (session) => ({ type: 'programme.session.put', session }));
  }

  attendanceOf(sessionId: string): AttendanceEntry[] {
    return [...(this.state.attendance.get(sessionId)?.values() ?? [])];
  }

  attendanceEntry(sessionId: string, personId: string): AttendanceEntry | null {
    return this.state.attendance.get(sessionId)?.get(personId) ?? null;
  }

  allAttendance(): AttendanceEntry[] {
    return [...this.state.attendance.values()].flatMap((bySession) => [...bySession.values()]);
  }

  saveAttendance<P>(sessionId: string, personId: string, decide: (existing: AttendanceEntry | null) => Decision<AttendanceEntry, P>) {
    const existing = this.state.attendance.get(sessionId)?.get(personId) ?? null;
    return this.guarded(decide(existing), (entry) => ({ type: 'programme.attendance.put', entry }));
  }

  visits(): FieldVisit[] {
    return [...this.state.visits.values()];
  }

  saveVisit(visit: FieldVisit): Promise<FieldVisit> {
    return this.write({ type: 'programme.visit.put', visit }, visit);
  }

  reports(): ResearchReport[] {
    return [...this.state.reports.values()];
  }

  findReport(id: string): ResearchReport | null {
    return this.state.reports.get(id) ?? null;
  }

  saveReport(report: ResearchReport): Promise<ResearchReport> {
    return this.write({ type: 'programme.report.put', report }, report);
  }

  annualNote(personId: string, year: number): AnnualNoteRecord | null {
    return this.state.annualOf(personId, year);
  }

  saveAnnualNote(record: AnnualNoteRecord): Promise<AnnualNoteRecord> {
    return this.write({ type: 'programme.annual.put', record }, record);
  }

  recordsOf(personId: string): PersonProgrammeRecords {
    return this.state.recordsOf(personId);
  }
}
