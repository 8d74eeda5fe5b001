// The programme's data in memory, keyed for the reads the routes make, and `apply`: the one place a
// programme op changes it. Applying is deterministic (ops carry every id and time), so a snapshot plus
// later ops always rebuild the same state, whichever store persists them.
import type { PlanStage } from '../../../shared/schemas/programme-plans.ts';
import {
  programmeSnapshotSchema,
  type AnnualNoteRecord,
  type AttendanceEntry,
  type CalendarException,
  type ChangeRequest,
  type ClosedYear,
  type FieldVisit,
  type HolidayArrangement,
  type PersonalPlan,
  type ProgrammeOp,
  type StoredProgrammeSettings,
  type ProgrammeSnapshot,
  type ResearchReport,
  type SessionRecord,
  type UnitDefaultsRecord,
} from './records.ts';

export interface PersonProgrammeRecords {
  plans: PersonalPlan[];
  attendance: AttendanceEntry[];
  visits: FieldVisit[];
  reports: ResearchReport[];
  annual: AnnualNoteRecord[];
}

const planKey = (owner: string, year: number, stage: PlanStage) => `${owner}\u0000${year}\u0000${stage}`;
const pairKey = (a: string, b: string | number) => `${a}\u0000${b}`;

export class ProgrammeState {
  settings: StoredProgrammeSettings;
  readonly plans = new Map<string, PersonalPlan>();
  readonly unitDefaults = new Map<string, UnitDefaultsRecord>();
  readonly exceptions = new Map<string, CalendarException>();
  readonly holidays = new Map<number, HolidayArrangement>();
  readonly sessions = new Map<string, SessionRecord>();
  /** By session, then person. */
  readonly attendance = new Map<string, Map<string, AttendanceEntry>>();
  readonly visits = new Map<string, FieldVisit>();
  readonly reports = new Map<string, ResearchReport>();
  readonly annual = new Map<string, AnnualNoteRecord>();
  readonly closedYears = new Map<number, ClosedYear>();
  readonly changes = new Map<string, ChangeRequest>();

  constructor(snapshot: ProgrammeSnapshot) {
    this.settings = snapshot.settings;
    for (const plan of snapshot.plans) this.apply({ type: 'programme.plan.put', plan });
    for (const defaults of snapshot.unitDefaults) this.apply({ type: 'programme.unit-defaults.put', defaults });
    for (const exception of snapshot.exceptions) this.apply({ type: 'programme.exception.put', exception });
    for (const arrangement of snapshot.holidays) this.apply({ type: 'programme.holidays.put', arrangement });
    for (const session of snapshot.sessions) this.apply({ type: 'programme.session.put', session });
    for (const entry of snapshot.attendance) this.apply({ type: 'programme.attendance.put', entry });
    for (const visit of snapshot.visits) this.apply({ type: 'programme.visit.put', visit });
    for (const report of snapshot.reports) this.apply({ type: 'programme.report.put', report });
    for (const record of snapshot.annual) this.apply({ type: 'programme.annual.put', record });
    for (const closed of snapshot.closedYears) this.apply({ type: 'programme.year.close', closed });
    for (const change of snapshot.changes) this.apply({ type: 'programme.change.put', change });
  }

  /** Validates parsed JSON (a store file's programme section) and builds the state. */
  static fromJson(raw: unknown): ProgrammeState {
    return new ProgrammeState(programmeSnapshotSchema.parse(raw));
  }

  apply(op: ProgrammeOp): void {
    switch (op.type) {
      case 'programme.settings.put':
        this.settings = op.settings;
        return;
      case 'programme.plan.put':
        this.plans.set(planKey(op.plan.personId, op.plan.year, op.plan.stage), op.plan);
        return;
      case 'programme.unit-defaults.put':
        this.unitDefaults.set(planKey(op.defaults.unitId, op.defaults.year, op.defaults.stage), op.defaults);
        return;
      case 'programme.exception.put':
        this.exceptions.set(op.exception.date, op.exception);
        return;
      case 'programme.exception.delete':
        this.exceptions.delete(op.date);
        return;
      case 'programme.holidays.put':
        this.holidays.set(op.arrangement.year, op.arrangement);
        return;
      case 'programme.holidays.delete':
        this.holidays.delete(op.year);
        return;
      case 'programme.session.put':
        this.sessions.set(op.session.id, op.session);
        return;
      case 'programme.attendance.put': {
        let bySession = this.attendance.get(op.entry.sessionId);
        if (!bySession) this.attendance.set(op.entry.sessionId, (bySession = new Map()));
        bySession.set(op.entry.personId, op.entry);
        return;
      }
      case 'programme.visit.put':
        this.visits.set(op.visit.id, op.visit);
        return;
      case 'programme.report.put':
        this.reports.set(op.report.id, op.report);
        return;
      case 'programme.annual.put':
        this.annual.set(pairKey(op.record.personId, op.record.year), op.record);
        return;
      case 'programme.attendance.delete':
        this.attendance.get(op.sessionId)?.delete(op.personId);
        return;
      case 'programme.visit.delete':
        this.visits.delete(op.id);
        return;
      case 'programme.report.delete':
        this.reports.delete(op.id);
        return;
      case 'programme.year.close':
        this.closedYears.set(op.closed.year, op.closed);
        return;
      case 'programme.year.reopen':
        this.closedYears.delete(op.year);
        return;
      case 'programme.change.put':
        this.changes.set(op.change.id, op.change);
        return;
    }
  }

  /** Everything the programme recorded about a person (for their personal data export). */
  recordsOf(personId: string): PersonProgrammeRecords {
    return {
      plans: [...this.plans.values()].filter((p) => p.personId === personId),
      attendance: [...this.attendance.values()].flatMap((bySession) => {
        const entry = bySession.get(personId);
        return entry ? [entry] : [];
      }),
      visits: [...this.visits.values()].filter((v) => v.personId === personId),
      reports: [...this.reports.values()].filter((r) => r.personId === personId),
      annual: [...this.annual.values()].filter((a) => a.personId === personId),
    };
  }

  /** Removes everything the programme recorded about a person (their erasure); sessions they organised stay. */
  erasePerson(personId: string): void {
    for (const [key, plan] of this.plans) if (plan.personId === personId) this.plans.delete(key);
    for (const bySession of this.attendance.values()) bySession.delete(personId);
    for (const [id, visit] of this.visits) if (visit.personId === personId) this.visits.delete(id);
    for (const [id, report] of this.reports) if (report.personId === personId) this.reports.delete(id);
    for (const [key, record] of this.annual) if (record.personId === personId) this.annual.delete(key);
    for (const [id, change] of this.changes) if (change.personId === personId) this.changes.delete(id);
  }

  plan(personId: string, year: number, stage: PlanStage): PersonalPlan | null {
    return this.plans.get(planKey(personId, year, stage)) ?? null;
  }

  defaultsOf(unitId: string, year: number, stage: PlanStage): UnitDefaultsRecord | null {
    return this.unitDefaults.get(planKey(unitId, year, stage)) ?? null;
  }

  annualOf(personId: string, year: number): AnnualNoteRecord | null {
    return this.annual.get(pairKey(personId, year)) ?? null;
  }

  /** Everything, in a stable order, for the store file. */
  snapshot(): ProgrammeSnapshot {
    const byKey = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
    return {
      settings: this.settings,
      plans: byKey(this.plans),
      unitDefaults: byKey(this.unitDefaults),
      exceptions: byKey(this.exceptions),
      holidays: [...this.holidays.values()].sort((a, b) => a.year - b.year),
      sessions: byKey(this.sessions),
      attendance: byKey(this.attendance).flatMap((bySession) => byKey(bySession)),
      visits: byKey(this.visits),
      reports: byKey(this.reports),
      annual: byKey(this.annual),
      closedYears: [...this.closedYears.values()].sort((a, b) => a.year - b.year),
      changes: byKey(this.changes),
    };
  }
}
