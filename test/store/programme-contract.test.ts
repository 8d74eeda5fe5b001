// The programme part of the Store contract (ProgrammeStore, server/store/programme/programme-store.ts)
// on both engines: guarded writes decided against the data as it is at the write, every read's filter,
// records surviving a restart and erased with their person.
import { describe, expect, it } from 'vitest';
import type { AttendanceEntry, SessionRecord } from '../../server/store/programme/records.ts';
import type { ProgrammeAudit } from '../../server/store/programme/programme-store.ts';
import type { Store } from '../../server/store/store-contract.ts';
import { describeEachEngine } from '../support/store-engines.ts';
import { session } from '../support/programme-session.ts';

const entry = (sessionId: string, personId: string): AttendanceEntry => ({
  sessionId,
  personId,
  status: 'present',
  reason: '',
  makeUp: null,
  checkedInAt: null,
  markedBy: 'a',
  updatedAt: '2026-03-06T06:31:00.000Z',
});
const audit: ProgrammeAudit = { context: { actor: { id: 'a', name: 'A' }, reason: 'r' }, action: 'session.cancel', target: 'session:s1', details: '学习两会精神' };
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
const clock = () => Date.parse('2026-03-06T10:00:00+08:00');

describeEachEngine('programme contract', ({ open, engine }) => {
  const reopen = async (store: Store) => {
    await store.close();
    return open({ clock });
  };

  describe('guarded writes', () => {
    it('writes a session only when the decision allows it, with its audit entry in the same commit', async () => {
      const store = await open({ clock });
      const p = store.programme;
      expect(await p.saveSession(() => ({ ok: true, value: session('s1') }), () => audit)).toEqual({ ok: true, value: session('s1') });
      const refused = await p.saveSession((all) => (all.length > 0 ? { ok: false, problem: 'clash' as const } : { ok: true, value: session('s2') }), () => audit);
      expect(refused).toEqual({ ok: false, problem: 'clash' });
      expect((await p.sessions()).map((s) => s.id)).toEqual(['s1']);
      expect((await store.listAudit({ limit: 10 })).map((e) => [e.action, e.target, e.details, e.reason])).toEqual([['session.cancel', 'session:s1', '学习两会精神', 'r']]);
    });

    it('saves a change of credit rules as a version from today, crediting the standing sessions from today under it in the same commit', async () => {
      const store = await open({ clock });
      const p = store.programme;
      const atHours = (id: string, date: string) => session(id, { date, startsAt: `${date}T09:00:00+08:00`, endsAt: `${date}T17:00:00+08:00`, tariff: 'day', creditedHours: 8 });
      for (const s of [atHours('past', '2026-03-05'), atHours('today', '2026-03-06'), atHours('next', '2026-04-03'), { ...atHours('gone', '2026-04-10'), cancelled: { at: '2026-03-01T00:00:00.000Z', byId: 'a', byName: 'A', reason: 'x' } }]) {
        await p.saveSession(() => ({ ok: true, value: s }));
      }
      const settings = await p.settings();
      expect(settings.creditRules.map((r) => r.version)).toEqual([1]);
      const change = await p.saveSettings({ ...settings, tariff: { halfDayHours: 3, dayHours: 6 } }, { today: '2026-03-06', at: '2026-03-06T02:00:00.000Z' }, (c) => ({ ...audit, details: `v${c.added?.version}, ${c.recredited.length}` }));
      expect(change.added).toMatchObject({ version: 2, from: '2026-03-06', tariff: { halfDayHours: 3, dayHours: 6 } });
      const reopened = await reopen(store);
      const credit = async (id: string) => {
        const s = await reopened.programme.findSession(id);
        return [s?.creditedHours, s?.creditRule ?? null];
      };
      expect(await credit('past')).toEqual([8, null]);
      expect(await credit('today')).toEqual([6, { version: 2, from: '2026-03-06' }]);
      expect(await credit('next')).toEqual([6, { version: 2, from: '2026-03-06' }]);
      expect(await credit('gone')).toEqual([8, null]);
      expect((await reopened.programme.settings()).creditRules.map((r) => [r.version, r.from, r.tariff.dayHours])).toEqual([
        [1, null, 8],
        [2, '2026-03-06', 6],
      ]);
      expect((await reopened.listAudit({ limit: 10 }))[0]?.details).toBe('v2, 2');
      // A session written afterwards is decided with the rules as they are at its write.
      let seen: number[] = [];
      await reopened.programme.saveSession((_standing, rules) => {
        seen = rules.map((r) => r.version);
        return { ok: false, problem: 'look only' };
      });
      expect(seen).toEqual([1, 2]);
    });

    it('hands the existing entry to an attendance decision, and withdraws an entry once', async () => {
      const store = await open({ clock });
      const p = store.programme;
      const once = (existing: AttendanceEntry | null) => (existing ? { ok: false as const, problem: 'dup' } : { ok: true as const, value: entry('s1', 'p') });
      expect((await p.saveAttendance('s1', 'p', once)).ok).toBe(true);
      expect(await p.saveAttendance('s1', 'p', once)).toEqual({ ok: false, problem: 'dup' });
      expect(await p.attendance()).toEqual([entry('s1', 'p')]);
      expect(await p.deleteAttendance('s1', 'p', audit)).toBe(true);
      expect(await p.deleteAttendance('s1', 'p', audit)).toBe(false);
      expect(await p.attendance()).toEqual([]);
    });

    it('decides each of many check-ins sent at once against the entry as it is at the write: one stored', async () => {
      const a = await open({ clock });
      // PostgreSQL: two stores, as two server processes; the embedded store lets one process at a time use its folder.
      const stores = engine === 'postgres' ? [a, await open({ clock })] : [a, a];
      const once = (existing: AttendanceEntry | null) => (existing ? { ok: false as const, problem: 'dup' } : { ok: true as const, value: entry('s1', 'p') });
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => stores[i % 2]!.programme.saveAttendance('s1', 'p', once)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const clash = (id: string) => (standing: readonly SessionRecord[]) =>
        standing.some((s) => s.date === '2026-03-06') ? { ok: false as const, problem: 'clash' } : { ok: true as const, value: session(id) };
      const sessions = await Promise.all(['s1', 's2', 's3', 's4'].map((id, i) => stores[i % 2]!.programme.saveSession(clash(id))));
      expect(sessions.filter((r) => r.ok)).toHaveLength(1);
      expect(await a.programme.sessions()).toHaveLength(1);
    });

    it('hands a calendar decision the exceptions and holidays, and reads one exception and the closed years', async () => {
      const store = await open({ clock });
      const p = store.programme;
      const arrangement = { year: 2026, holidays: [{ name: '国庆节', from: '2026-10-01', to: '2026-10-07' }], workdays: [], updatedAt: null };
      await p.saveHolidayArrangement(arrangement);
      const first = { date: '2026-05-01', action: 'cancel' as const, movedTo: null, reason: '劳动节' };
      await p.saveCalendarException(() => ({ ok: true, value: first }));
      let seen: unknown = null;
      await p.saveCalendarException((current) => {
        seen = current;
        return { ok: false, problem: 'no' };
      });
      expect(seen).toEqual({ exceptions: [first], holidays: [arrangement] });
      expect(await p.calendarException('2026-05-01')).toEqual(first);
      expect(await p.calendarException('2026-05-08')).toBeNull();
      expect(await p.deleteCalendarException('2026-05-01')).toBe(true);
      expect(await p.deleteCalendarException('2026-05-01')).toBe(false);
      for (const year of [2027, 2025]) await p.closeYear({ year, closedAt: '2028-01-01T00:00:00.000Z', closedById: 'a', closedByName: 'A' }, audit);
      expect((await p.closedYears()).map((c) => c.year)).toEqual([2025, 2027]);
      expect(await p.closedYear(2026)).toBeNull();
      await p.reopenYear(2025, audit);
      expect((await p.closedYears()).map((c) => c.year)).toEqual([2027]);
    });
  });

  describe('reads', () => {
    it('answers a session read with just the standing sessions the query names', async () => {
      const p = (await open({ clock })).programme;
      await p.saveSession(() => ({ ok: true, value: session('s1') }));
      await p.saveSession(() => ({ ok: true, value: session('s2', { date: '2026-04-03', unitIds: ['v'], code: 'ZZ9ZZ9' }) }));
      await p.saveSession(() => ({ ok: true, value: session('s3', { date: '2026-03-20', cancelled: { at: '2026-03-10T00:00:00.000Z', byId: 'a', byName: 'A', reason: 'x' } }) }));
      const ids = async (query?: Parameters<typeof p.sessions>[0]) => byId(await p.sessions(query)).map((s) => s.id);
      expect(await ids()).toEqual(['s1', 's2']);
      expect(await ids({ from: '2026-03-06', to: '2026-03-31' })).toEqual(['s1']);
      expect(await ids({ from: '2026-03-07' })).toEqual(['s2']);
      expect(await ids({ to: '2026-03-05' })).toEqual([]);
      expect(await ids({ unitId: 'v' })).toEqual(['s2']);
      expect(await ids({ code: 'AB3K7P' })).toEqual(['s1']);
      expect(await ids({ unitId: 'u', code: 'ZZ9ZZ9' })).toEqual([]);
      expect((await p.findSession('s3'))?.cancelled?.reason).toBe('x');
      // Cancelling a session takes it out of every read of standing sessions.
      await p.saveSession(() => ({ ok: true, value: session('s1', { cancelled: { at: '2026-03-10T00:00:00.000Z', byId: 'a', byName: 'A', reason: 'y' } }) }));
      expect(await ids({ code: 'AB3K7P' })).toEqual([]);
    });

    it('answers attendance by sessions, by person, or both', async () => {
      const p = (await open({ clock })).programme;
      for (const [s, person] of [['s1', 'p'], ['s1', 'q'], ['s2', 'p']] as const) await p.saveAttendance(s, person, () => ({ ok: true, value: entry(s, person) }));
      const pairs = async (query: Parameters<typeof p.attendance>[0]) => (await p.attendance(query)).map((e) => `${e.sessionId}/${e.personId}`).sort();
      expect(await pairs({ sessionIds: ['s2', 's1'] })).toEqual(['s1/p', 's1/q', 's2/p']);
      expect(await pairs({ sessionIds: [] })).toEqual([]);
      expect(await pairs({ personId: 'p' })).toEqual(['s1/p', 's2/p']);
      expect(await pairs({ sessionIds: ['s1'], personId: 'q' })).toEqual(['s1/q']);
      expect(await pairs({ sessionIds: ['s3'] })).toEqual([]);
    });

    it('answers visits and reports by year and people, and changes by state and person, oldest first', async () => {
      const p = (await open({ clock })).programme;
      const visit = (id: string, personId: string, date: string) => ({ id, personId, kind: 'village' as const, date, place: '某村', summary: '', createdAt: `${date}T00:00:00.000Z` });
      await p.saveVisit(visit('v1', 'p', '2026-05-01'));
      await p.saveVisit(visit('v2', 'q', '2026-06-01'));
      await p.saveVisit(visit('v3', 'p', '2027-01-02'));
      const visitIds = async (query: Parameters<typeof p.visits>[0]) => byId(await p.visits(query)).map((v) => v.id);
      expect(await visitIds({ year: 2026 })).toEqual(['v1', 'v2']);
      expect(await visitIds({ personIds: ['p'] })).toEqual(['v1', 'v3']);
      expect(await visitIds({ year: 2026, personIds: ['q', 'r'] })).toEqual(['v2']);
      expect(await visitIds({ personIds: [] })).toEqual([]);
      await p.deleteVisit('v3', audit);
      expect(await p.findVisit('v3')).toBeNull();
      const report = { id: 'r1', personId: 'p', title: '调研', status: 'draft' as const, date: '2026-05-01', fileUrl: null, createdAt: '2026-05-01T00:00:00.000Z', updatedAt: '2026-05-01T00:00:00.000Z' };
      await p.saveReport(report);
      expect(await p.reports({ year: 2026, personIds: ['p'] })).toEqual([report]);
      expect(await p.reports({ year: 2025 })).toEqual([]);
      expect(await p.findReport('r1')).toEqual(report);
      const change = (id: string, personId: string, state: 'pending' | 'approved', proposedAt: string) => ({
        id,
        personId,
        personName: personId,
        change: { kind: 'report-status' as const, reportId: 'r1', title: '调研', from: 'draft' as const, to: 'adopted' as const },
        state,
        proposedAt,
        proposedById: personId,
        proposedByName: personId,
        decidedAt: null,
        decidedById: null,
        decidedByName: null,
        reason: '',
      });
      await p.saveChange(change('c2', 'p', 'pending', '2026-05-03T00:00:00.000Z'), audit);
      // Approving applies the change's records in the same commit.
      await p.saveChange(change('c1', 'p', 'approved', '2026-05-02T00:00:00.000Z'), audit, [{ type: 'programme.report.put', report: { ...report, status: 'adopted' } }]);
      await p.saveChange(change('c3', 'q', 'pending', '2026-05-01T00:00:00.000Z'), audit);
      const changeIds = async (query?: Parameters<typeof p.changes>[0]) => (await p.changes(query)).map((c) => c.id);
      expect(await changeIds()).toEqual(['c3', 'c1', 'c2']);
      expect(await changeIds({ state: 'pending' })).toEqual(['c3', 'c2']);
      expect(await changeIds({ personId: 'p' })).toEqual(['c1', 'c2']);
      expect(await changeIds({ state: 'approved', personId: 'q' })).toEqual([]);
      expect((await p.findChange('c1'))?.state).toBe('approved');
      expect((await p.findReport('r1'))?.status).toBe('adopted');
    });

    it('keeps one holiday arrangement a year and one plan, unit default and annual note per key', async () => {
      const p = (await open({ clock })).programme;
      const arrangement = (year: number, name: string) => ({ year, holidays: [{ name, from: `${year}-10-01`, to: `${year}-10-07` }], workdays: [{ date: `${year}-09-27`, name }], updatedAt: '2026-12-01T00:00:00.000Z' });
      await p.saveHolidayArrangement(arrangement(2027, '国庆节'));
      await p.saveHolidayArrangement(arrangement(2026, '旧'));
      await p.saveHolidayArrangement(arrangement(2026, '国庆节'));
      expect((await p.holidayArrangements()).map((a) => [a.year, a.holidays[0]?.name])).toEqual([[2026, '国庆节'], [2027, '国庆节']]);
      expect(await p.deleteHolidayArrangement(2026)).toBe(true);
      expect(await p.deleteHolidayArrangement(2026)).toBe(false);
      expect(await p.holidayArrangement(2026)).toBeNull();
      const plan = { personId: 'p', year: 2026, stage: 'year' as const, targets: null, ownItems: [], unitItemStatus: {}, updatedAt: '2026-01-02T00:00:00.000Z' };
      await p.savePersonalPlan(plan);
      await p.savePersonalPlan({ ...plan, updatedAt: '2026-01-03T00:00:00.000Z' });
      expect(await p.personalPlan('p', 2026, 'year')).toEqual({ ...plan, updatedAt: '2026-01-03T00:00:00.000Z' });
      expect(await p.personalPlan('p', 2025, 'year')).toBeNull();
      await p.savePersonalPlan({ ...plan, personId: 'q', stage: 'q1' });
      expect(await p.personalPlansOf(['p', 'q', 'nobody'], 2026, 'year')).toEqual(new Map([['p', { ...plan, updatedAt: '2026-01-03T00:00:00.000Z' }]]));
      expect(await p.personalPlansOf(['q'], 2026, 'q1')).toEqual(new Map([['q', { ...plan, personId: 'q', stage: 'q1' }]]));
      expect(await p.personalPlansOf([], 2026, 'year')).toEqual(new Map());
      const defaults = { unitId: 'u', year: 2026, stage: 'year' as const, targets: null, items: [], updatedAt: '2026-01-02T00:00:00.000Z' };
      await p.saveUnitDefaults(defaults);
      expect(await p.unitDefaults('u', 2026, 'year')).toEqual(defaults);
      await p.saveUnitDefaults({ ...defaults, unitId: 'v', stage: 'q1' });
      expect(await p.unitDefaultsOf(['u', 'v', 'nowhere'], 2026, 'year')).toEqual(new Map([['u', defaults]]));
      expect(await p.unitDefaultsOf(['v', 'v'], 2026, 'q1')).toEqual(new Map([['v', { ...defaults, unitId: 'v', stage: 'q1' }]]));
      expect(await p.unitDefaultsOf([], 2026, 'year')).toEqual(new Map());
      await p.saveAnnualNote({ personId: 'p', year: 2026, remarks: '认真', decision: null, updatedAt: '2027-01-01T00:00:00.000Z' });
      expect((await p.annualNote('p', 2026))?.remarks).toBe('认真');
      await p.saveAnnualNote({ personId: 'q', year: 2025, remarks: '', decision: null, updatedAt: '2026-01-01T00:00:00.000Z' });
      expect([...(await p.annualNotesOf(['p', 'q', 'nobody'], 2026)).entries()].map(([id, n]) => [id, n.remarks])).toEqual([['p', '认真']]);
      expect([...(await p.annualNotesOf(['q'], 2025)).keys()]).toEqual(['q']);
      expect(await p.annualNotesOf([], 2026)).toEqual(new Map());
      expect((await p.recordsOf('p')).plans).toEqual([{ ...plan, updatedAt: '2026-01-03T00:00:00.000Z' }]);
    });
  });

  describe('lifetime', () => {
    it('keeps the records and settings through a restart', async () => {
      const store = await open({ clock });
      await store.programme.saveCalendarException(() => ({ ok: true, value: { date: '2026-05-01', action: 'cancel', movedTo: null, reason: '劳动节' } }));
      await store.programme.saveAnnualNote({ personId: 'p1', year: 2026, remarks: '认真', decision: null, updatedAt: '2026-12-31T00:00:00.000Z' });
      const settings = await store.programme.settings();
      expect(settings.tariff).toEqual({ halfDayHours: 4, dayHours: 8 });
      await store.programme.saveSettings({ ...settings, tariff: { halfDayHours: 3.5, dayHours: 7 } }, { today: '2026-03-09', at: '2026-03-09T01:00:00.000Z' });
      const reopened = await reopen(store);
      expect(await reopened.programme.calendarExceptions()).toEqual([{ date: '2026-05-01', action: 'cancel', movedTo: null, reason: '劳动节' }]);
      expect((await reopened.programme.annualNote('p1', 2026))?.remarks).toBe('认真');
      expect((await reopened.programme.settings()).tariff).toEqual({ halfDayHours: 3.5, dayHours: 7 });
    });

    it('erases the person’s records with the person; the sessions they organised stay', async () => {
      const store = await open({ clock });
      const person = await store.createUser({ username: 'zhang.wei', name: '张伟', role: 'staff', unitId: null, passwordHash: 'x' });
      const p = store.programme;
      await p.saveSession(() => ({ ok: true, value: session('s1', { organiserId: person.id }) }));
      await p.saveAttendance('s1', person.id, () => ({ ok: true, value: entry('s1', person.id) }));
      await p.saveAttendance('s1', 'other', () => ({ ok: true, value: entry('s1', 'other') }));
      await p.saveReport({ id: 'r1', personId: person.id, title: '调研', status: 'draft', date: '2026-02-01', fileUrl: null, createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' });
      await p.saveAnnualNote({ personId: person.id, year: 2026, remarks: 'x', decision: null, updatedAt: '2026-02-01T00:00:00.000Z' });
      expect(await store.erasePerson(person.id, { actor: { id: 'admin', name: '管理员' }, reason: '离职' })).not.toBeNull();
      expect(await p.reports()).toEqual([]);
      expect(await p.annualNote(person.id, 2026)).toBeNull();
      expect(await p.recordsOf(person.id)).toEqual({ plans: [], attendance: [], visits: [], reports: [], annual: [] });
      expect(await p.attendance()).toEqual([entry('s1', 'other')]);
      expect(await p.findSession('s1')).not.toBeNull();
      expect(await (await reopen(store)).programme.reports()).toEqual([]);
    });
  });
});
