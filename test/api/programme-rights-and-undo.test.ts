// Issue 15 over real HTTP: who may change what counts (own attendance, own reports, organisers from
// outside), decisions that stay decisions (a stale grade, a closed year), undo with a trace (a cancelled
// session counts for nobody; withdrawals; units), sane defaults and refused absurd dates — each refusal
// with its code and details, the store unchanged, and each change in the audit log with readable names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorBodySchema } from '../../shared/schemas/errors.ts';
import { auditEntrySchema } from '../../shared/schemas/organisation.ts';
import { rosterSchema } from '../../shared/schemas/programme-attendance.ts';
import { calendarSchema, sessionSchema } from '../../shared/schemas/programme-calendar.ts';
import { annualRecordSchema } from '../../shared/schemas/programme-record.ts';
import { researchReportSchema } from '../../shared/schemas/programme-research.ts';
import { expectData, expectError, type ApiResult } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;
const NOW = Date.parse('2026-12-07T10:00:00+08:00');

beforeAll(async () => {
  // The office existed long before today: people belong to their units on every date the tests use
  // (rosters go by membership on the session's date).
  server = await startApiServer({ nowMs: Date.parse('2025-01-06T09:00:00+08:00') });
  org = await seedOrganisation(server);
  server.nowMs = NOW;
  // Each token's first use today records its last use; done here, so the unchanged() checks see only
  // what the request under test would change.
  for (const token of [org.adminToken, ...Object.values(org.people).map((p) => p.token)]) await server.api.get('/api/me', token);
});
afterAll(() => server.close());

async function unchanged(send: () => Promise<unknown>): Promise<void> {
  const before = await server.snapshot();
  await send();
  expect(await server.snapshot()).toBe(before);
}

const details = (res: ApiResult) => errorBodySchema.parse(res.body).error.details;

/** An hour-long seminar for research on the given day (local time). */
const seminar = (date: string, over: Record<string, unknown> = {}) => ({
  kind: 'seminar',
  topic: `研讨 ${date}`,
  startsAt: `${date}T09:00:00+08:00`,
  endsAt: `${date}T10:00:00+08:00`,
  organiserId: org.people.leadOffice.user.id,
  unitIds: [org.units.research.id],
  ...over,
});
const create = async (body: unknown) => expectData(await server.api.post('/api/sessions', body, org.adminToken), sessionSchema, 201);
const audit = async () => expectData(await server.api.get('/api/audit?limit=500', org.adminToken), z.array(auditEntrySchema));

describe('sane by default', () => {
  it('credits a one-hour seminar its hour, not a half day', async () => {
    const s = await create(seminar('2026-12-01'));
    expect(s).toMatchObject({ tariff: 'actual', creditedHours: 1, cancelled: null });
  });

  it('refuses 半天 for a one-hour seminar without a reason, and allows it with one', async () => {
    await unchanged(async () => {
      const res = await server.api.post('/api/sessions', seminar('2026-12-02', { tariff: 'half-day' }), org.adminToken);
      expectError(res, 400, 'tariff_too_long');
      expect(details(res)).toEqual({ tariff: 'half-day', neededHours: '4', actualHours: '1' });
    });
    expect(await create(seminar('2026-12-02', { tariff: 'half-day', tariffReason: '上级通知按半天计' }))).toMatchObject({ creditedHours: 4, tariffReason: '上级通知按半天计' });
  });

  it.each([
    ['in 1999', '1999-05-07'],
    ['in 2099', '2099-01-02'],
    ['more than a year ago', '2025-12-04'],
  ])('refuses a session %s with 400 implausible_date', async (_label, date) => {
    await unchanged(async () => {
      const res = await server.api.post('/api/sessions', seminar(date), org.adminToken);
      expectError(res, 400, 'implausible_date');
      expect(details(res)).toMatchObject({ problem: 'too_far', date, today: '2026-12-07' });
    });
  });

  it('refuses a field visit and a report dated in the future', async () => {
    await unchanged(async () => {
      const visit = await server.api.post('/api/research/visits', { personId: org.people.staffResearch.user.id, kind: 'village', date: '2030-06-01', place: '新村' }, org.adminToken);
      expectError(visit, 400, 'implausible_date');
      expect(details(visit)).toEqual({ problem: 'in_future', date: '2030-06-01' });
      const report = await server.api.post('/api/research/reports', { personId: org.people.staffResearch.user.id, title: '调研', status: 'submitted', date: '2026-12-08' }, org.adminToken);
      expectError(report, 400, 'implausible_date');
    });
  });

  it('refuses a make-up before the absence, and absent for a session that has not started', async () => {
    const past = await create(seminar('2026-11-20'));
    const future = await create(seminar('2026-12-18'));
    const path = (id: string) => `/api/sessions/${id}/attendance/${org.people.staffResearch.user.id}`;
    await unchanged(async () => {
      const early = await server.api.put(path(past.id), { status: 'absent', makeUp: { doneOn: '2023-01-01' } }, org.adminToken);
      expectError(early, 400, 'implausible_date');
      expect(details(early)).toEqual({ problem: 'before_session', date: '2023-01-01', sessionDate: '2026-11-20' });
      expectError(await server.api.put(path(past.id), { status: 'absent', makeUp: { doneOn: '2026-12-20' } }, org.adminToken), 400, 'implausible_date');
      const notYet = await server.api.put(path(future.id), { status: 'absent' }, org.adminToken);
      expectError(notYet, 400, 'implausible_date');
      expect(details(notYet)).toMatchObject({ problem: 'not_started' });
      expectError(await server.api.put(path(future.id), { status: 'late' }, org.adminToken), 400, 'implausible_date');
    });
    // Leave may be recorded ahead; a make-up on or after the session is fine.
    expect((await server.api.put(path(future.id), { status: 'leave', reason: '出差' }, org.adminToken)).status).toBe(200);
    expect((await server.api.put(path(past.id), { status: 'absent', makeUp: { doneOn: '2026-11-27' } }, org.adminToken)).status).toBe(200);
  });

  it('keeps sibling units apart by name, and lets the same name sit elsewhere in the tree', async () => {
    await unchanged(async () => {
      const res = await server.api.post('/api/units', { name: ' 研究室 research ', parentId: org.units.office.id }, org.adminToken);
      expectError(res, 409, 'duplicate_unit_name');
      expect(details(res)).toEqual({ name: '研究室 research' });
      expectError(await server.api.patch(`/api/units/${org.units.culture.id}`, { name: '研究室 Research' }, org.adminToken), 409, 'duplicate_unit_name');
    });
    expect((await server.api.post('/api/units', { name: '研究室 Research', parentId: org.units.culture.id }, org.adminToken)).status).toBe(201);
  });
});

describe('who may change what counts', () => {
  it('never lets an organiser mark their own attendance: they check in', async () => {
    const s = await create(seminar('2026-12-03', { unitIds: [org.units.office.id] }));
    await unchanged(async () => {
      const res = await server.api.put(`/api/sessions/${s.id}/attendance/${org.people.leadOffice.user.id}`, { status: 'present' }, org.people.leadOffice.token);
      expectError(res, 403, 'own_record');
      expect(details(res)).toEqual({ record: 'attendance' });
    });
    // The organiser still marks the others.
    expect((await server.api.put(`/api/sessions/${s.id}/attendance/${org.people.staffResearch.user.id}`, { status: 'present' }, org.people.leadOffice.token)).status).toBe(200);
  });

  it("refuses another unit's staff member as organiser, so nobody is handed a unit's roster", async () => {
    await unchanged(async () => {
      const res = await server.api.post('/api/sessions', seminar('2026-12-04', { organiserId: org.people.staffCulture.user.id }), org.people.leadOffice.token);
      expectError(res, 400, 'organiser_outside');
      expect(details(res)).toEqual({ organiser: 'staff.culture' });
    });
    const own = await create(seminar('2026-12-04', { organiserId: org.people.staffResearch.user.id }));
    expect(expectData(await server.api.get(`/api/sessions/${own.id}/roster`, org.people.staffResearch.token), rosterSchema).people.length).toBeGreaterThan(0);
  });

  it('never lets an author adopt their own report; their "adopted" waits for a leader over them', async () => {
    const me = org.people.staffResearch;
    await unchanged(async () => {
      const res = await server.api.post('/api/research/reports', { personId: me.user.id, title: '自评', status: 'adopted', date: '2026-11-01' }, me.token);
      expectError(res, 403, 'own_record');
    });
    const report = expectData(await server.api.post('/api/research/reports', { personId: me.user.id, title: '关于社区养老的调研', status: 'submitted', date: '2026-11-01' }, me.token), researchReportSchema, 201);
    const proposed = expectData(await server.api.patch(`/api/research/reports/${report.id}`, { status: 'adopted' }, me.token), researchReportSchema, 202);
    expect(proposed.status).toBe('submitted');
    const pending = (await server.api.get(`/api/changes?state=pending&personId=${me.user.id}`, org.people.leadOffice.token)).body as { id: string; change: { kind: string } }[];
    const change = pending.find((c) => c.change.kind === 'report-status')!;
    expectError(await server.api.post(`/api/changes/${change.id}/approve`, {}, org.people.leadCulture.token), 403, 'forbidden');
    expectError(await server.api.post(`/api/changes/${change.id}/reject`, { reason: '' }, org.people.leadOffice.token), 400, 'validation_failed');
    expect((await server.api.post(`/api/changes/${change.id}/approve`, { reason: '已被采纳' }, org.people.leadOffice.token)).status).toBe(200);
    const research = (await server.api.get('/api/research?year=2026', me.token)).body as { reports: { id: string; status: string }[] };
    expect(research.reports.find((r) => r.id === report.id)?.status).toBe('adopted');
  });
});

describe('decisions that stay decisions', () => {
  const record = async () => expectData(await server.api.get(`/api/annual-records/${org.people.staffCulture.user.id}/2026`, org.adminToken), annualRecordSchema);

  it('marks a confirmed grade stale when its figures change afterwards, until it is confirmed again', async () => {
    const before = await record();
    const decided = expectData(
      await server.api.put(`/api/annual-records/${org.people.staffCulture.user.id}/2026/grade`, { grade: before.grade.suggested }, org.people.leadCulture.token),
      annualRecordSchema,
    );
    expect(decided.grade.decision?.figures).toMatchObject({ suggested: before.grade.suggested, reportsCounted: 0 });
    expect(decided.grade.staleFigures).toEqual([]);
    await server.api.post('/api/research/reports', { personId: org.people.staffCulture.user.id, title: '文史资料调研', status: 'submitted', date: '2026-10-10' }, org.people.leadCulture.token);
    const after = await record();
    expect(after.grade.staleFigures).toContain('reportsCounted');
    const reconfirmed = expectData(
      await server.api.put(`/api/annual-records/${org.people.staffCulture.user.id}/2026/grade`, { grade: after.grade.suggested }, org.people.leadCulture.token),
      annualRecordSchema,
    );
    expect(reconfirmed.grade.staleFigures).toEqual([]);
  });

  it('makes a closed year read-only (409 year_closed) until it is reopened with a reason', async () => {
    const s = await create(seminar('2025-12-19', { unitIds: [org.units.culture.id], organiserId: org.people.leadCulture.user.id }));
    expectError(await server.api.put('/api/programme/years/2025/closed', {}, org.people.leadOffice.token), 403, 'forbidden');
    expect((await server.api.put('/api/programme/years/2025/closed', { reason: '年度考核已完成' }, org.adminToken)).status).toBe(200);
    await unchanged(async () => {
      for (const res of [
        await server.api.post('/api/sessions', seminar('2025-12-26'), org.adminToken),
        await server.api.put(`/api/sessions/${s.id}/attendance/${org.people.staffCulture.user.id}`, { status: 'present' }, org.adminToken),
        await server.api.delete(`/api/sessions/${s.id}`, { reason: '误建' }, org.adminToken),
        await server.api.put(`/api/annual-records/${org.people.staffCulture.user.id}/2025/grade`, { grade: 'competent', reason: '良好' }, org.adminToken),
        await server.api.put(`/api/people/${org.people.staffCulture.user.id}/plans/2025/year`, { targets: { totalHours: 10, byCategory: {} }, readingList: [] }, org.adminToken),
        await server.api.post('/api/research/visits', { personId: org.people.staffCulture.user.id, kind: 'market', date: '2025-06-01', place: '菜市场' }, org.adminToken),
      ]) {
        expectError(res, 409, 'year_closed');
        expect(details(res)).toEqual({ year: '2025' });
      }
      expectError(await server.api.delete('/api/programme/years/2025/closed', {}, org.adminToken), 400, 'validation_failed');
    });
    expect((await server.api.delete('/api/programme/years/2025/closed', { reason: '补录遗漏的考勤' }, org.adminToken)).status).toBe(204);
    expect((await server.api.put(`/api/sessions/${s.id}/attendance/${org.people.staffCulture.user.id}`, { status: 'present' }, org.adminToken)).status).toBe(200);
    const entries = await audit();
    expect(entries.find((e) => e.action === 'year.reopen')).toMatchObject({ reason: '补录遗漏的考勤', targetLabel: '2025' });
    expect(entries.find((e) => e.action === 'year.close')).toMatchObject({ reason: '年度考核已完成' });
  });
});

describe('undo, with a trace', () => {
  it('cancels a mistaken session: it counts for nobody, keeps its attendance, and is audited', async () => {
    const s = await create(seminar('2026-11-13', { topic: '误建的学习会' }));
    await server.api.put(`/api/sessions/${s.id}/attendance/${org.people.staffResearch.user.id}`, { status: 'present' }, org.adminToken);
    const rateBefore = (await server.api.get(`/api/annual-records/${org.people.staffResearch.user.id}/2026`, org.adminToken)).body as { attendance: { expected: number } };
    await unchanged(async () => {
      expectError(await server.api.delete(`/api/sessions/${s.id}`, { reason: '误建' }, org.people.staffCulture.token), 403, 'forbidden');
      expectError(await server.api.delete(`/api/sessions/${s.id}`, { reason: ' ' }, org.adminToken), 400, 'validation_failed');
    });
    const cancelled = expectData(await server.api.delete(`/api/sessions/${s.id}`, { reason: '误建' }, org.people.leadOffice.token), sessionSchema);
    expect(cancelled.cancelled).toMatchObject({ byName: 'lead.office', reason: '误建' });
    expect(expectData(await server.api.get(`/api/sessions/${s.id}`, org.adminToken), sessionSchema).cancelled?.reason).toBe('误建');
    const cal = expectData(await server.api.get('/api/calendar?from=2026-11-01&to=2026-11-30', org.adminToken), calendarSchema);
    expect(cal.sessions.map((x) => x.id)).not.toContain(s.id);
    const rateAfter = (await server.api.get(`/api/annual-records/${org.people.staffResearch.user.id}/2026`, org.adminToken)).body as { attendance: { expected: number } };
    expect(rateAfter.attendance.expected).toBe(rateBefore.attendance.expected - 1);
    expect(await server.store.programme.attendance({ sessionIds: [s.id] })).toHaveLength(1);
    await unchanged(async () => {
      expectError(await server.api.delete(`/api/sessions/${s.id}`, { reason: '再次' }, org.adminToken), 409, 'session_cancelled');
      expectError(await server.api.put(`/api/sessions/${s.id}/attendance/${org.people.staffResearch.user.id}`, { status: 'absent' }, org.adminToken), 409, 'session_cancelled');
    });
    // A new session may take the cancelled one's slot.
    await create(seminar('2026-11-13', { topic: '改期后的学习会' }));
    const entry = (await audit()).find((e) => e.action === 'session.cancel')!;
    expect(entry).toMatchObject({ actorName: 'lead.office', reason: '误建', targetLabel: '误建的学习会' });
    expect(entry.details).toContain('误建的学习会, 2026-11-13 09:00–10:00');
    expect(entry.details).toContain('organiser lead.office');
    expect(entry.details).not.toContain(org.units.research.id);
  });

  it('withdraws a mistaken attendance entry, visit and report, each with its reason in the log', async () => {
    const s = await create(seminar('2026-11-06'));
    const person = org.people.staffResearch.user.id;
    await server.api.put(`/api/sessions/${s.id}/attendance/${person}`, { status: 'absent' }, org.adminToken);
    expect((await server.api.delete(`/api/sessions/${s.id}/attendance/${person}`, { reason: '记错了人' }, org.people.leadOffice.token)).status).toBe(204);
    expect(await server.store.programme.attendance({ sessionIds: [s.id] })).toEqual([]);
    const visit = (await server.api.post('/api/research/visits', { personId: person, kind: 'school', date: '2026-10-01', place: '实验小学' }, org.adminToken)).body as { id: string };
    expect((await server.api.delete(`/api/research/visits/${visit.id}`, { reason: '重复录入' }, org.people.staffResearch.token)).status).toBe(204);
    const report = (await server.api.post('/api/research/reports', { personId: person, title: '重复的报告', status: 'draft', date: '2026-10-01' }, org.adminToken)).body as { id: string };
    expectError(await server.api.delete(`/api/research/reports/${report.id}`, { reason: '重复' }, org.people.staffCulture.token), 403, 'forbidden');
    expect((await server.api.delete(`/api/research/reports/${report.id}`, { reason: '重复' }, org.adminToken)).status).toBe(204);
    const entries = await audit();
    expect(entries.find((e) => e.action === 'attendance.withdraw')).toMatchObject({ reason: '记错了人', details: `staff.research at 研讨 2026-11-06 (2026-11-06): absent` });
    expect(entries.find((e) => e.action === 'visit.withdraw')).toMatchObject({ reason: '重复录入', targetLabel: 'staff.research' });
    expect(entries.find((e) => e.action === 'report.withdraw')?.details).toContain('重复的报告');
  });

  it('removes an empty unit and refuses one with people', async () => {
    await unchanged(async () => {
      const res = await server.api.delete(`/api/units/${org.units.culture.id}`, { reason: '机构调整' }, org.adminToken);
      expectError(res, 409, 'unit_not_empty');
      expect(details(res)).toMatchObject({ people: '2' });
    });
    const empty = (await server.api.post('/api/units', { name: '临时专班' }, org.adminToken)).body as { id: string };
    expect((await server.api.delete(`/api/units/${empty.id}`, { reason: '专班撤销' }, org.adminToken)).status).toBe(204);
    expect((await audit()).find((e) => e.action === 'unit.delete')).toMatchObject({ details: '临时专班', reason: '专班撤销' });
  });

  it('audits every change to what feeds a grade, with names and no bare ids', async () => {
    const entries = await audit();
    for (const action of ['session.create', 'attendance.mark', 'report.create', 'change.propose', 'change.approve', 'grade.decide', 'year.close']) {
      const entry = entries.find((e) => e.action === action);
      expect(entry, action).toBeDefined();
      for (const id of [org.people.staffResearch.user.id, org.people.staffCulture.user.id, org.units.research.id]) expect(entry!.details, action).not.toContain(id);
    }
  });
});
