import { describe, expect, it } from 'vitest';
import { emptyProgrammeSnapshot, programmeOpSchema, type ProgrammeOp, type SessionRecord } from './records.ts';
import { StateProgrammeStore, type ProgrammeAudit } from './programme-store.ts';
import { ProgrammeState } from './state.ts';

const session = (id: string, over: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  kind: 'collective-study',
  topic: '学习两会精神',
  date: '2026-03-06',
  startsAt: '2026-03-06T14:30:00+08:00',
  endsAt: '2026-03-06T17:30:00+08:00',
  place: '三楼会议室',
  link: null,
  organiserId: 'org',
  materials: [],
  tariff: 'half-day',
  tariffReason: '',
  creditedHours: 4,
  cancelled: null,
  unitIds: ['u'],
  code: 'AB3K7P',
  createdBy: 'admin',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...over,
});

const audit: ProgrammeAudit = { context: { actor: { id: 'a', name: 'A' }, reason: null }, action: 'test', target: 'person:p', details: 'test' };

function open(snapshot = emptyProgrammeSnapshot()) {
  const committed: ProgrammeOp[][] = [];
  const state = new ProgrammeState(snapshot);
  return {
    state,
    committed,
    store: new StateProgrammeStore(state, async (ops) => {
      for (const op of ops) state.apply(op);
      committed.push(ops);
    }),
  };
}

describe('programme store', () => {
  it('writes a session only when the decision allows it, committing one op', async () => {
    const { store, committed } = open();
    expect(await store.saveSession(() => ({ ok: true, value: session('s1') }))).toEqual({ ok: true, value: session('s1') });
    const refused = await store.saveSession((all) => (all.length > 0 ? { ok: false, problem: 'clash' as const } : { ok: true, value: session('s2') }));
    expect(refused).toEqual({ ok: false, problem: 'clash' });
    expect((await store.sessions()).map((s) => s.id)).toEqual(['s1']);
    expect(committed).toHaveLength(1);
    expect(programmeOpSchema.parse(committed[0]![0])).toEqual(committed[0]![0]);
  });

  it('hands the existing entry to an attendance decision', async () => {
    const { store } = open();
    const entry = { sessionId: 's1', personId: 'p', status: 'present' as const, reason: '', makeUp: null, checkedInAt: '2026-03-06T06:31:00.000Z', markedBy: 'p', updatedAt: '2026-03-06T06:31:00.000Z' };
    await store.saveAttendance('s1', 'p', (existing) => (existing ? { ok: false, problem: 'dup' } : { ok: true, value: entry }));
    const second = await store.saveAttendance('s1', 'p', (existing) => (existing ? { ok: false, problem: 'dup' } : { ok: true, value: entry }));
    expect(second).toEqual({ ok: false, problem: 'dup' });
    expect(await store.attendance({ sessionIds: ['s1'] })).toEqual([entry]);
    expect(await store.attendance()).toEqual([entry]);
  });

  it('answers a session read with just the standing sessions the query names', async () => {
    const { store } = open();
    await store.saveSession(() => ({ ok: true, value: session('s1') }));
    await store.saveSession(() => ({ ok: true, value: session('s2', { date: '2026-04-03', unitIds: ['v'], code: 'ZZ9ZZ9' }) }));
    await store.saveSession(() => ({ ok: true, value: session('s3', { date: '2026-03-20', cancelled: { at: '2026-03-10T00:00:00.000Z', byId: 'a', byName: 'A', reason: 'x' } }) }));
    const ids = async (query?: Parameters<typeof store.sessions>[0]) => (await store.sessions(query)).map((s) => s.id);
    expect(await ids()).toEqual(['s1', 's2']);
    expect(await ids({ from: '2026-03-06', to: '2026-03-31' })).toEqual(['s1']);
    expect(await ids({ from: '2026-03-07' })).toEqual(['s2']);
    expect(await ids({ to: '2026-03-05' })).toEqual([]);
    expect(await ids({ unitId: 'v' })).toEqual(['s2']);
    expect(await ids({ code: 'AB3K7P' })).toEqual(['s1']);
    expect(await ids({ unitId: 'u', code: 'ZZ9ZZ9' })).toEqual([]);
    expect((await store.findSession('s3'))?.cancelled?.reason).toBe('x');
  });

  it('answers attendance by sessions, by person, or both', async () => {
    const { store } = open();
    const entry = (sessionId: string, personId: string) => ({ sessionId, personId, status: 'present' as const, reason: '', makeUp: null, checkedInAt: null, markedBy: 'a', updatedAt: '2026-03-06T06:31:00.000Z' });
    for (const [s, p] of [['s1', 'p'], ['s1', 'q'], ['s2', 'p']] as const) await store.saveAttendance(s, p, () => ({ ok: true, value: entry(s, p) }));
    expect(await store.attendance({ sessionIds: ['s2', 's1'] })).toEqual([entry('s2', 'p'), entry('s1', 'p'), entry('s1', 'q')]);
    expect(await store.attendance({ sessionIds: [] })).toEqual([]);
    expect(await store.attendance({ personId: 'p' })).toEqual([entry('s1', 'p'), entry('s2', 'p')]);
    expect(await store.attendance({ sessionIds: ['s1'], personId: 'q' })).toEqual([entry('s1', 'q')]);
    expect(await store.attendance({ sessionIds: ['s3'] })).toEqual([]);
  });

  it('answers visits and reports by year and people, and changes by state and person, oldest first', async () => {
    const { store } = open();
    const visit = (id: string, personId: string, date: string) => ({ id, personId, kind: 'village' as const, date, place: '某村', summary: '', createdAt: `${date}T00:00:00.000Z` });
    await store.saveVisit(visit('v1', 'p', '2026-05-01'));
    await store.saveVisit(visit('v2', 'q', '2026-06-01'));
    await store.saveVisit(visit('v3', 'p', '2027-01-02'));
    const visitIds = async (query: Parameters<typeof store.visits>[0]) => (await store.visits(query)).map((v) => v.id);
    expect(await visitIds({ year: 2026 })).toEqual(['v1', 'v2']);
    expect(await visitIds({ personIds: ['p'] })).toEqual(['v1', 'v3']);
    expect(await visitIds({ year: 2026, personIds: ['q', 'r'] })).toEqual(['v2']);
    expect(await visitIds({ personIds: [] })).toEqual([]);
    const report = { id: 'r1', personId: 'p', title: '调研', status: 'draft' as const, date: '2026-05-01', fileUrl: null, createdAt: '2026-05-01T00:00:00.000Z', updatedAt: '2026-05-01T00:00:00.000Z' };
    await store.saveReport(report);
    expect(await store.reports({ year: 2026, personIds: ['p'] })).toEqual([report]);
    expect(await store.reports({ year: 2025 })).toEqual([]);
    const change = (id: string, personId: string, state: 'pending' | 'approved', proposedAt: string) => ({
      id, personId, personName: personId, change: { kind: 'report-status' as const, reportId: 'r1', title: '调研', from: 'draft' as const, to: 'adopted' as const },
      state, proposedAt, proposedById: personId, proposedByName: personId, decidedAt: null, decidedById: null, decidedByName: null, reason: '',
    });
    await store.saveChange(change('c2', 'p', 'pending', '2026-05-03T00:00:00.000Z'), audit);
    await store.saveChange(change('c1', 'p', 'approved', '2026-05-02T00:00:00.000Z'), audit);
    await store.saveChange(change('c3', 'q', 'pending', '2026-05-01T00:00:00.000Z'), audit);
    const changeIds = async (query?: Parameters<typeof store.changes>[0]) => (await store.changes(query)).map((c) => c.id);
    expect(await changeIds()).toEqual(['c3', 'c1', 'c2']);
    expect(await changeIds({ state: 'pending' })).toEqual(['c3', 'c2']);
    expect(await changeIds({ personId: 'p' })).toEqual(['c1', 'c2']);
    expect(await changeIds({ state: 'approved', personId: 'q' })).toEqual([]);
  });

  it('hands a calendar decision the exceptions and holidays, and reads one exception and the closed years', async () => {
    const { store } = open();
    const arrangement = { year: 2026, holidays: [{ name: '国庆节', from: '2026-10-01', to: '2026-10-07' }], workdays: [], updatedAt: null };
    await store.saveHolidayArrangement(arrangement);
    const first = { date: '2026-05-01', action: 'cancel' as const, movedTo: null, reason: '劳动节' };
    await store.saveCalendarException(() => ({ ok: true, value: first }));
    let seen: unknown = null;
    await store.saveCalendarException((current) => {
      seen = current;
      return { ok: false, problem: 'no' };
    });
    expect(seen).toEqual({ exceptions: [first], holidays: [arrangement] });
    expect(await store.calendarException('2026-05-01')).toEqual(first);
    expect(await store.calendarException('2026-05-08')).toBeNull();
    for (const year of [2027, 2025]) await store.closeYear({ year, closedAt: '2028-01-01T00:00:00.000Z', closedById: 'a', closedByName: 'A' }, audit);
    expect((await store.closedYears()).map((c) => c.year)).toEqual([2025, 2027]);
    expect(await store.closedYear(2026)).toBeNull();
  });

  it('rebuilds the same data from its snapshot', async () => {
    const { store, state } = open();
    await store.saveSession(() => ({ ok: true, value: session('s1') }));
    await store.saveCalendarException(() => ({ ok: true, value: { date: '2026-05-01', action: 'cancel', movedTo: null, reason: '劳动节' } }));
    await store.saveAnnualNote({ personId: 'p', year: 2026, remarks: '认真', decision: null, updatedAt: '2027-01-01T00:00:00.000Z' });
    await store.saveSettings({ ...(await store.settings()), tariff: { halfDayHours: 3.5, dayHours: 7 } });
    const json = JSON.parse(JSON.stringify(state.snapshot()));
    const reopened = ProgrammeState.fromJson(json);
    expect(reopened.snapshot()).toEqual(state.snapshot());
    expect(reopened.annualOf('p', 2026)?.remarks).toBe('认真');
    expect(reopened.settings.tariff.dayHours).toBe(7);
  });

  it('deletes an exception once, reporting whether there was one', async () => {
    const { store, committed } = open();
    await store.saveCalendarException(() => ({ ok: true, value: { date: '2026-05-01', action: 'cancel', movedTo: null, reason: 'x' } }));
    expect(await store.deleteCalendarException('2026-05-01')).toBe(true);
    expect(await store.deleteCalendarException('2026-05-01')).toBe(false);
    expect(committed).toHaveLength(2);
  });

  it('keeps one holiday arrangement a year, through a snapshot, and deletes it once', async () => {
    const { store, state, committed } = open();
    const arrangement = (year: number, name: string) => ({ year, holidays: [{ name, from: `${year}-10-01`, to: `${year}-10-07` }], workdays: [{ date: `${year}-09-27`, name }], updatedAt: '2026-12-01T00:00:00.000Z' });
    await store.saveHolidayArrangement(arrangement(2027, '国庆节'));
    await store.saveHolidayArrangement(arrangement(2026, '旧'));
    await store.saveHolidayArrangement(arrangement(2026, '国庆节'));
    expect((await store.holidayArrangements()).map((a) => [a.year, a.holidays[0]?.name])).toEqual([[2026, '国庆节'], [2027, '国庆节']]);
    const reopened = ProgrammeState.fromJson(JSON.parse(JSON.stringify(state.snapshot())));
    expect(reopened.snapshot()).toEqual(state.snapshot());
    expect(await store.deleteHolidayArrangement(2026)).toBe(true);
    expect(await store.deleteHolidayArrangement(2026)).toBe(false);
    expect(await store.holidayArrangement(2026)).toBeNull();
    expect(committed).toHaveLength(4);
  });

  it('reads a snapshot stored before holiday arrangements existed', () => {
    const { holidays: _none, ...older } = emptyProgrammeSnapshot();
    expect(ProgrammeState.fromJson(older).holidays.size).toBe(0);
  });

  it('refuses a snapshot that does not match the shape', () => {
    expect(() => ProgrammeState.fromJson({ ...emptyProgrammeSnapshot(), sessions: [{ id: 'x' }] })).toThrow();
  });
});
