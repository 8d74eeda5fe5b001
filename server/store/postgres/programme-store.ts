// The learning programme on PostgreSQL (tables in migrations/002-programme.sql): each record kept whole
// as json beside the columns it is read by. A guarded write runs its `decide` inside the transaction
// that writes, after taking the advisory lock of what `decide` reads (the calendar, the sessions, one
// person's entry at one session), so no other server process can change that between the decision and
// the write; the audit entry commits in the same transaction.
import type pg from 'pg';
import type { PlanStage } from '../../../shared/schemas/programme-plans.ts';
import { DEFAULT_PROGRAMME_SETTINGS, type CreditRule, type ProgrammeSettings, type ProgrammeSettingsView } from '../../../shared/schemas/programme-settings.ts';
import { changeSettings, withCreditRules, type SettingsChange } from '../../programme/credit-rules.ts';
import type {
  AttendanceQuery,
  AuditOf,
  CalendarFacts,
  ChangeQuery,
  Decision,
  ProgrammeAudit,
  ProgrammeStore,
  ResearchQuery,
  SessionQuery,
} from '../programme/programme-store.ts';
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
  StoredProgrammeSettings,
  ProgrammeSnapshot,
  ResearchReport,
  SessionRecord,
  UnitDefaultsRecord,
} from '../programme/records.ts';
import type { PersonProgrammeRecords } from '../programme/state.ts';

type Client = pg.PoolClient;

/** What the programme store borrows from the core store: its transactions, locks, audit and reads. */
export interface ProgrammeDatabase {
  transaction<T>(work: (c: Client) => Promise<T>): Promise<T>;
  /** Takes a transaction-scoped advisory lock on `key` in the programme's namespace. */
  lock(c: Client, key: string): Promise<unknown>;
  audit(c: Client, audit: ProgrammeAudit | undefined): Promise<unknown>;
  read<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
}

/** Lock keys: what each guarded write's `decide` reads. Holiday writes take the calendar's too (a calendar decision sees them). */
const CALENDAR = 'calendar';
const SESSIONS = 'sessions';
const attendanceKey = (sessionId: string, personId: string) => `attendance:${sessionId}:${personId}`;

const records = <T>(rows: { record: T }[]) => rows.map((r) => r.record);

/** The tables a person's programme records live in: their erasure clears each (sessions they organised stay). */
export const PERSON_PROGRAMME_TABLES = ['personal_plans', 'attendance', 'field_visits', 'research_reports', 'annual_notes', 'change_requests'] as const;

/** Every record of an embedded store's programme as the ops that write it (moving an office: copy-embedded.ts). */
export function programmeOpsOf(snapshot: ProgrammeSnapshot): ProgrammeOp[] {
  return [
    { type: 'programme.settings.put', settings: snapshot.settings },
    ...snapshot.plans.map((plan): ProgrammeOp => ({ type: 'programme.plan.put', plan })),
    ...snapshot.unitDefaults.map((defaults): ProgrammeOp => ({ type: 'programme.unit-defaults.put', defaults })),
    ...snapshot.exceptions.map((exception): ProgrammeOp => ({ type: 'programme.exception.put', exception })),
    ...snapshot.holidays.map((arrangement): ProgrammeOp => ({ type: 'programme.holidays.put', arrangement })),
    ...snapshot.sessions.map((session): ProgrammeOp => ({ type: 'programme.session.put', session })),
    ...snapshot.attendance.map((entry): ProgrammeOp => ({ type: 'programme.attendance.put', entry })),
    ...snapshot.visits.map((visit): ProgrammeOp => ({ type: 'programme.visit.put', visit })),
    ...snapshot.reports.map((report): ProgrammeOp => ({ type: 'programme.report.put', report })),
    ...snapshot.annual.map((record): ProgrammeOp => ({ type: 'programme.annual.put', record })),
    ...snapshot.closedYears.map((closed): ProgrammeOp => ({ type: 'programme.year.close', closed })),
    ...snapshot.changes.map((change): ProgrammeOp => ({ type: 'programme.change.put', change })),
  ];
}

/** Writes one programme op: the op's meaning (ProgrammeState.apply) as rows. */
export async function applyProgrammeOp(c: pg.ClientBase, op: ProgrammeOp): Promise<void> {
  const json = JSON.stringify;
  switch (op.type) {
    case 'programme.settings.put':
      await c.query('INSERT INTO programme_settings (id, value) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value', [json(op.settings)]);
      return;
    case 'programme.plan.put':
      await c.query(
        'INSERT INTO personal_plans (person_id, year, stage, record) VALUES ($1, $2, $3, $4) ON CONFLICT (person_id, year, stage) DO UPDATE SET record = EXCLUDED.record',
        [op.plan.personId, op.plan.year, op.plan.stage, json(op.plan)],
      );
      return;
    case 'programme.unit-defaults.put':
      await c.query(
        'INSERT INTO unit_defaults (unit_id, year, stage, record) VALUES ($1, $2, $3, $4) ON CONFLICT (unit_id, year, stage) DO UPDATE SET record = EXCLUDED.record',
        [op.defaults.unitId, op.defaults.year, op.defaults.stage, json(op.defaults)],
      );
      return;
    case 'programme.exception.put':
      await c.query('INSERT INTO calendar_exceptions (date, record) VALUES ($1, $2) ON CONFLICT (date) DO UPDATE SET record = EXCLUDED.record', [op.exception.date, json(op.exception)]);
      return;
    case 'programme.exception.delete':
      await c.query('DELETE FROM calendar_exceptions WHERE date = $1', [op.date]);
      return;
    case 'programme.holidays.put':
      await c.query('INSERT INTO holiday_arrangements (year, record) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET record = EXCLUDED.record', [op.arrangement.year, json(op.arrangement)]);
      return;
    case 'programme.holidays.delete':
      await c.query('DELETE FROM holiday_arrangements WHERE year = $1', [op.year]);
      return;
    case 'programme.session.put': {
      const s = op.session;
      await c.query(
        `INSERT INTO sessions (id, date, code, standing, unit_ids, record) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET date = EXCLUDED.date, code = EXCLUDED.code, standing = EXCLUDED.standing, unit_ids = EXCLUDED.unit_ids, record = EXCLUDED.record`,
        [s.id, s.date, s.code, s.cancelled === null, s.unitIds, json(s)],
      );
      return;
    }
    case 'programme.attendance.put':
      await c.query(
        'INSERT INTO attendance (person_id, session_id, record) VALUES ($1, $2, $3) ON CONFLICT (person_id, session_id) DO UPDATE SET record = EXCLUDED.record',
        [op.entry.personId, op.entry.sessionId, json(op.entry)],
      );
      return;
    case 'programme.attendance.delete':
      await c.query('DELETE FROM attendance WHERE person_id = $1 AND session_id = $2', [op.personId, op.sessionId]);
      return;
    case 'programme.visit.put':
      await putByPerson(c, 'field_visits', op.visit);
      return;
    case 'programme.visit.delete':
      await c.query('DELETE FROM field_visits WHERE id = $1', [op.id]);
      return;
    case 'programme.report.put':
      await putByPerson(c, 'research_reports', op.report);
      return;
    case 'programme.report.delete':
      await c.query('DELETE FROM research_reports WHERE id = $1', [op.id]);
      return;
    case 'programme.annual.put':
      await c.query(
        'INSERT INTO annual_notes (person_id, year, record) VALUES ($1, $2, $3) ON CONFLICT (person_id, year) DO UPDATE SET record = EXCLUDED.record',
        [op.record.personId, op.record.year, json(op.record)],
      );
      return;
    case 'programme.year.close':
      await c.query('INSERT INTO closed_years (year, record) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET record = EXCLUDED.record', [op.closed.year, json(op.closed)]);
      return;
    case 'programme.year.reopen':
      await c.query('DELETE FROM closed_years WHERE year = $1', [op.year]);
      return;
    case 'programme.change.put': {
      const ch = op.change;
      // Keyed by person first: a record kept under another person before is moved, never doubled.
      await c.query('DELETE FROM change_requests WHERE id = $1 AND person_id <> $2', [ch.id, ch.personId]);
      await c.query(
        `INSERT INTO change_requests (person_id, id, state, proposed_at, record) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (person_id, id) DO UPDATE SET state = EXCLUDED.state, proposed_at = EXCLUDED.proposed_at, record = EXCLUDED.record`,
        [ch.personId, ch.id, ch.state, ch.proposedAt, json(ch)],
      );
      return;
    }
  }
}

async function putByPerson(c: pg.ClientBase, table: 'field_visits' | 'research_reports', record: { id: string; personId: string; date: string }): Promise<void> {
  // Keyed by person first: a record kept under another person before is moved, never doubled.
  await c.query(`DELETE FROM ${table} WHERE id = $1 AND person_id <> $2`, [record.id, record.personId]);
  await c.query(`INSERT INTO ${table} (person_id, id, date, record) VALUES ($1, $2, $3, $4) ON CONFLICT (person_id, id) DO UPDATE SET date = EXCLUDED.date, record = EXCLUDED.record`, [
    record.personId,
    record.id,
    record.date,
    JSON.stringify(record),
  ]);
}

/** The WHERE of a research read and its parameters. */
function researchWhere({ year, personIds }: ResearchQuery): { sql: string; params: unknown[] } {
  const clauses = ['true'];
  const params: unknown[] = [];
  if (year !== undefined) {
    params.push(`${year}-`);
    clauses.push(`starts_with(date, $${params.length})`);
  }
  if (personIds !== undefined) {
    params.push([...personIds]);
    clauses.push(`person_id = ANY($${params.length}::text[])`);
  }
  return { sql: clauses.join(' AND '), params };
}

export class PostgresProgrammeStore implements ProgrammeStore {
  constructor(private readonly db: ProgrammeDatabase) {}

  /** Applies the ops and writes the audit entry in one transaction. */
  private async write<T>(ops: ProgrammeOp[], value: T, audit?: ProgrammeAudit, locks: string[] = []): Promise<T> {
    await this.db.transaction(async (c) => {
      for (const key of locks) await this.db.lock(c, key);
      for (const op of ops) await applyProgrammeOp(c, op);
      await this.db.audit(c, audit);
    });
    return value;
  }

  /** Runs `decide` on what `read` returns under `lock`, and writes its record in the same transaction. */
  private guarded<F, T, P>(
    lock: string,
    read: (c: Client) => Promise<F>,
    decide: (facts: F) => Decision<T, P>,
    op: (value: T) => ProgrammeOp,
    audit?: AuditOf<T>,
  ): Promise<Decision<T, P>> {
    return this.db.transaction(async (c) => {
      await this.db.lock(c, lock);
      const decision = decide(await read(c));
      if (!decision.ok) return decision;
      await applyProgrammeOp(c, op(decision.value));
      await this.db.audit(c, audit?.(decision.value));
      return decision;
    });
  }

  async settings(): Promise<ProgrammeSettingsView> {
    const [row] = await this.db.read<{ value: StoredProgrammeSettings }>('SELECT value FROM programme_settings WHERE id = 1');
    return withCreditRules(row?.value ?? DEFAULT_PROGRAMME_SETTINGS);
  }

  // Under the sessions' lock: a session written at the same time waits, then sees the new version.
  saveSettings(next: ProgrammeSettings, when: { today: string; at: string }, audit?: AuditOf<SettingsChange<SessionRecord>>): Promise<SettingsChange<SessionRecord>> {
    return this.db.transaction(async (c) => {
      await this.db.lock(c, SESSIONS);
      const current = (await c.query<{ value: StoredProgrammeSettings }>('SELECT value FROM programme_settings WHERE id = 1')).rows[0]?.value ?? DEFAULT_PROGRAMME_SETTINGS;
      const from = records((await c.query<{ record: SessionRecord }>('SELECT record FROM sessions WHERE standing AND date >= $1 ORDER BY ord', [when.today])).rows);
      const change = changeSettings(current, next, from, when.today, when.at);
      await applyProgrammeOp(c, { type: 'programme.settings.put', settings: change.settings });
      for (const session of change.recredited) await applyProgrammeOp(c, { type: 'programme.session.put', session });
      await this.db.audit(c, audit?.(change));
      return change;
    });
  }

  async personalPlan(personId: string, year: number, stage: PlanStage): Promise<PersonalPlan | null> {
    const [row] = await this.db.read<{ record: PersonalPlan }>('SELECT record FROM personal_plans WHERE person_id = $1 AND year = $2 AND stage = $3', [personId, year, stage]);
    return row?.record ?? null;
  }

  async personalPlansOf(personIds: readonly string[], year: number, stage: PlanStage): Promise<Map<string, PersonalPlan>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.db.read<{ record: PersonalPlan }>('SELECT record FROM personal_plans WHERE person_id = ANY($1::text[]) AND year = $2 AND stage = $3', [
      [...new Set(personIds)],
      year,
      stage,
    ]);
    return new Map(rows.map((r) => [r.record.personId, r.record]));
  }

  savePersonalPlan(plan: PersonalPlan, audit?: ProgrammeAudit): Promise<PersonalPlan> {
    return this.write([{ type: 'programme.plan.put', plan }], plan, audit);
  }

  async unitDefaults(unitId: string, year: number, stage: PlanStage): Promise<UnitDefaultsRecord | null> {
    const [row] = await this.db.read<{ record: UnitDefaultsRecord }>('SELECT record FROM unit_defaults WHERE unit_id = $1 AND year = $2 AND stage = $3', [unitId, year, stage]);
    return row?.record ?? null;
  }

  async unitDefaultsOf(unitIds: readonly string[], year: number, stage: PlanStage): Promise<Map<string, UnitDefaultsRecord>> {
    if (unitIds.length === 0) return new Map();
    const rows = await this.db.read<{ record: UnitDefaultsRecord }>('SELECT record FROM unit_defaults WHERE unit_id = ANY($1::text[]) AND year = $2 AND stage = $3', [
      [...new Set(unitIds)],
      year,
      stage,
    ]);
    return new Map(rows.map((r) => [r.record.unitId, r.record]));
  }

  saveUnitDefaults(defaults: UnitDefaultsRecord, audit?: ProgrammeAudit): Promise<UnitDefaultsRecord> {
    return this.write([{ type: 'programme.unit-defaults.put', defaults }], defaults, audit);
  }

  async calendarExceptions(): Promise<CalendarException[]> {
    return records(await this.db.read<{ record: CalendarException }>('SELECT record FROM calendar_exceptions ORDER BY ord'));
  }

  async calendarException(date: string): Promise<CalendarException | null> {
    const [row] = await this.db.read<{ record: CalendarException }>('SELECT record FROM calendar_exceptions WHERE date = $1', [date]);
    return row?.record ?? null;
  }

  saveCalendarException<P>(decide: (current: CalendarFacts) => Decision<CalendarException, P>, audit?: AuditOf<CalendarException>): Promise<Decision<CalendarException, P>> {
    return this.guarded(
      CALENDAR,
      async (c) => ({
        exceptions: records((await c.query<{ record: CalendarException }>('SELECT record FROM calendar_exceptions ORDER BY ord')).rows),
        holidays: records((await c.query<{ record: HolidayArrangement }>('SELECT record FROM holiday_arrangements ORDER BY year')).rows),
      }),
      decide,
      (exception) => ({ type: 'programme.exception.put', exception }),
      audit,
    );
  }

  async deleteCalendarException(date: string, audit?: ProgrammeAudit): Promise<boolean> {
    return this.db.transaction(async (c) => {
      await this.db.lock(c, CALENDAR);
      if (!(await c.query('DELETE FROM calendar_exceptions WHERE date = $1', [date])).rowCount) return false;
      await this.db.audit(c, audit);
      return true;
    });
  }

  async holidayArrangements(): Promise<HolidayArrangement[]> {
    return records(await this.db.read<{ record: HolidayArrangement }>('SELECT record FROM holiday_arrangements ORDER BY year'));
  }

  async holidayArrangement(year: number): Promise<HolidayArrangement | null> {
    const [row] = await this.db.read<{ record: HolidayArrangement }>('SELECT record FROM holiday_arrangements WHERE year = $1', [year]);
    return row?.record ?? null;
  }

  saveHolidayArrangement(arrangement: HolidayArrangement, audit?: ProgrammeAudit): Promise<HolidayArrangement> {
    return this.write([{ type: 'programme.holidays.put', arrangement }], arrangement, audit, [CALENDAR]);
  }

  async deleteHolidayArrangement(year: number, audit?: ProgrammeAudit): Promise<boolean> {
    return this.db.transaction(async (c) => {
      await this.db.lock(c, CALENDAR);
      if (!(await c.query('DELETE FROM holiday_arrangements WHERE year = $1', [year])).rowCount) return false;
      await this.db.audit(c, audit);
      return true;
    });
  }

  async sessions(query: SessionQuery = {}): Promise<SessionRecord[]> {
    const clauses = ['standing'];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(sql(`$${params.length}`));
    };
    if (query.from !== undefined) add((n) => `date >= ${n}`, query.from);
    if (query.to !== undefined) add((n) => `date <= ${n}`, query.to);
    if (query.unitId !== undefined) add((n) => `unit_ids @> ARRAY[${n}::text]`, query.unitId);
    if (query.code !== undefined) add((n) => `code = ${n}`, query.code);
    return records(await this.db.read<{ record: SessionRecord }>(`SELECT record FROM sessions WHERE ${clauses.join(' AND ')} ORDER BY ord`, params));
  }

  async findSession(id: string): Promise<SessionRecord | null> {
    const [row] = await this.db.read<{ record: SessionRecord }>('SELECT record FROM sessions WHERE id = $1', [id]);
    return row?.record ?? null;
  }

  saveSession<P>(decide: (standing: readonly SessionRecord[], rules: readonly CreditRule[]) => Decision<SessionRecord, P>, audit?: AuditOf<SessionRecord>): Promise<Decision<SessionRecord, P>> {
    return this.guarded(
      SESSIONS,
      async (c) => ({
        standing: records((await c.query<{ record: SessionRecord }>('SELECT record FROM sessions WHERE standing ORDER BY ord')).rows),
        settings: (await c.query<{ value: StoredProgrammeSettings }>('SELECT value FROM programme_settings WHERE id = 1')).rows[0]?.value ?? DEFAULT_PROGRAMME_SETTINGS,
      }),
      ({ standing, settings }) => decide(standing, withCreditRules(settings).creditRules),
      (session) => ({ type: 'programme.session.put', session }),
      audit,
    );
  }

  async attendance(query: AttendanceQuery = {}): Promise<AttendanceEntry[]> {
    const clauses = ['true'];
    const params: unknown[] = [];
    if (query.sessionIds !== undefined) {
      params.push([...query.sessionIds]);
      clauses.push(`session_id = ANY($${params.length}::text[])`);
    }
    if (query.personId !== undefined) {
      params.push(query.personId);
      clauses.push(`person_id = $${params.length}`);
    }
    return records(await this.db.read<{ record: AttendanceEntry }>(`SELECT record FROM attendance WHERE ${clauses.join(' AND ')} ORDER BY ord`, params));
  }

  saveAttendance<P>(
    sessionId: string,
    personId: string,
    decide: (existing: AttendanceEntry | null) => Decision<AttendanceEntry, P>,
    audit?: AuditOf<AttendanceEntry>,
  ): Promise<Decision<AttendanceEntry, P>> {
    return this.guarded(
      attendanceKey(sessionId, personId),
      async (c) => (await c.query<{ record: AttendanceEntry }>('SELECT record FROM attendance WHERE person_id = $1 AND session_id = $2', [personId, sessionId])).rows[0]?.record ?? null,
      decide,
      (entry) => ({ type: 'programme.attendance.put', entry }),
      audit,
    );
  }

  async deleteAttendance(sessionId: string, personId: string, audit: ProgrammeAudit): Promise<boolean> {
    return this.db.transaction(async (c) => {
      await this.db.lock(c, attendanceKey(sessionId, personId));
      if (!(await c.query('DELETE FROM attendance WHERE person_id = $1 AND session_id = $2', [personId, sessionId])).rowCount) return false;
      await this.db.audit(c, audit);
      return true;
    });
  }

  async visits(query: ResearchQuery = {}): Promise<FieldVisit[]> {
    const { sql, params } = researchWhere(query);
    return records(await this.db.read<{ record: FieldVisit }>(`SELECT record FROM field_visits WHERE ${sql} ORDER BY ord`, params));
  }

  async findVisit(id: string): Promise<FieldVisit | null> {
    const [row] = await this.db.read<{ record: FieldVisit }>('SELECT record FROM field_visits WHERE id = $1', [id]);
    return row?.record ?? null;
  }

  saveVisit(visit: FieldVisit, audit?: ProgrammeAudit): Promise<FieldVisit> {
    return this.write([{ type: 'programme.visit.put', visit }], visit, audit);
  }

  async deleteVisit(id: string, audit: ProgrammeAudit): Promise<void> {
    await this.write([{ type: 'programme.visit.delete', id }], undefined, audit);
  }

  async reports(query: ResearchQuery = {}): Promise<ResearchReport[]> {
    const { sql, params } = researchWhere(query);
    return records(await this.db.read<{ record: ResearchReport }>(`SELECT record FROM research_reports WHERE ${sql} ORDER BY ord`, params));
  }

  async findReport(id: string): Promise<ResearchReport | null> {
    const [row] = await this.db.read<{ record: ResearchReport }>('SELECT record FROM research_reports WHERE id = $1', [id]);
    return row?.record ?? null;
  }

  saveReport(report: ResearchReport, audit?: ProgrammeAudit): Promise<ResearchReport> {
    return this.write([{ type: 'programme.report.put', report }], report, audit);
  }

  async deleteReport(id: string, audit: ProgrammeAudit): Promise<void> {
    await this.write([{ type: 'programme.report.delete', id }], undefined, audit);
  }

  async annualNote(personId: string, year: number): Promise<AnnualNoteRecord | null> {
    const [row] = await this.db.read<{ record: AnnualNoteRecord }>('SELECT record FROM annual_notes WHERE person_id = $1 AND year = $2', [personId, year]);
    return row?.record ?? null;
  }

  async annualNotesOf(personIds: readonly string[], year: number): Promise<Map<string, AnnualNoteRecord>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.db.read<{ record: AnnualNoteRecord }>('SELECT record FROM annual_notes WHERE person_id = ANY($1::text[]) AND year = $2', [[...new Set(personIds)], year]);
    return new Map(rows.map((r) => [r.record.personId, r.record]));
  }

  saveAnnualNote(record: AnnualNoteRecord, audit?: ProgrammeAudit): Promise<AnnualNoteRecord> {
    return this.write([{ type: 'programme.annual.put', record }], record, audit);
  }

  async closedYear(year: number): Promise<ClosedYear | null> {
    const [row] = await this.db.read<{ record: ClosedYear }>('SELECT record FROM closed_years WHERE year = $1', [year]);
    return row?.record ?? null;
  }

  async closedYears(): Promise<ClosedYear[]> {
    return records(await this.db.read<{ record: ClosedYear }>('SELECT record FROM closed_years ORDER BY year'));
  }

  closeYear(closed: ClosedYear, audit: ProgrammeAudit): Promise<ClosedYear> {
    return this.write([{ type: 'programme.year.close', closed }], closed, audit);
  }

  async reopenYear(year: number, audit: ProgrammeAudit): Promise<void> {
    await this.write([{ type: 'programme.year.reopen', year }], undefined, audit);
  }

  async changes(query: ChangeQuery = {}): Promise<ChangeRequest[]> {
    const clauses = ['true'];
    const params: unknown[] = [];
    if (query.state !== undefined) {
      params.push(query.state);
      clauses.push(`state = $${params.length}`);
    }
    if (query.personId !== undefined) {
      params.push(query.personId);
      clauses.push(`person_id = $${params.length}`);
    }
    return records(await this.db.read<{ record: ChangeRequest }>(`SELECT record FROM change_requests WHERE ${clauses.join(' AND ')} ORDER BY proposed_at COLLATE "C", ord`, params));
  }

  async findChange(id: string): Promise<ChangeRequest | null> {
    const [row] = await this.db.read<{ record: ChangeRequest }>('SELECT record FROM change_requests WHERE id = $1', [id]);
    return row?.record ?? null;
  }

  saveChange(change: ChangeRequest, audit: ProgrammeAudit, applied: ProgrammeOp[] = []): Promise<ChangeRequest> {
    return this.write([...applied, { type: 'programme.change.put', change }], change, audit);
  }

  async recordsOf(personId: string): Promise<PersonProgrammeRecords> {
    const of = async <T>(table: string) => records(await this.db.read<{ record: T }>(`SELECT record FROM ${table} WHERE person_id = $1`, [personId]));
    return {
      plans: await of<PersonalPlan>('personal_plans'),
      attendance: await of<AttendanceEntry>('attendance'),
      visits: await of<FieldVisit>('field_visits'),
      reports: await of<ResearchReport>('research_reports'),
      annual: await of<AnnualNoteRecord>('annual_notes'),
    };
  }
}
