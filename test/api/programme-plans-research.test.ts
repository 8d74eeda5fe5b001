// Plans, research and the annual record over real HTTP: negative targets and research for people
// outside one's units refused with the store unchanged; progress from the learning log and sessions;
// the suggested grade confirmed or changed (with a reason) only by a leader over the person.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planProgressSchema, studyPlanSchema, unitPlanDefaultsSchema } from '../../shared/schemas/programme-plans.ts';
import { annualRecordSchema, organisationSummarySchema } from '../../shared/schemas/programme-record.ts';
import { fieldVisitSchema, researchOverviewSchema, researchReportSchema } from '../../shared/schemas/programme-research.ts';
import { sessionSchema } from '../../shared/schemas/programme-calendar.ts';
import { syncResponseSchema } from '../../shared/schemas/sync.ts';
import { changeRequestSchema } from '../../shared/schemas/programme-changes.ts';
import { z } from 'zod';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-02T09:00:00+08:00') });
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

async function unchanged(send: () => Promise<unknown>): Promise<void> {
  const before = await server.snapshot();
  await send();
  expect(await server.snapshot()).toBe(before);
}

const plan = (totalHours: number, byCategory: Record<string, number> = {}, readingList: unknown[] = []) => ({ targets: { totalHours, byCategory }, readingList });

describe('study plans', () => {
  it('starts from the unit defaults a leader sets, and the person adds their own book', async () => {
    const me = org.people.staffResearch;
    const defaults = expectData(
      await server.api.put(`/api/units/${org.units.office.id}/plan-defaults/2026/year`, plan(50, { 'political-theory': 20 }, [{ title: '习近平谈治国理政', resourceId: org.resources.theory.id }]), org.people.leadOffice.token),
      unitPlanDefaultsSchema,
    );
    const unitItem = defaults.readingList[0]!;
    const inherited = expectData(await server.api.get(`/api/people/${me.user.id}/plans/2026/year`, me.token), studyPlanSchema);
    expect(inherited.targets.totalHours).toBe(50);
    expect(inherited.readingList.map((i) => [i.title, i.source])).toEqual([['习近平谈治国理政', 'unit']]);
    // Their own new target is a proposal: the reading list is saved, the target waits for their leader.
    const saved = expectData(
      await server.api.put(`/api/people/${me.user.id}/plans/2026/year`, plan(60, { 'political-theory': 20 }, [{ id: unitItem.id, title: 'x', status: 'reading' }, { title: '乡土中国', author: '费孝通', status: 'done' }]), me.token),
      studyPlanSchema,
      202,
    );
    expect(saved.targets.totalHours).toBe(50);
    expect(saved.readingList.map((i) => [i.title, i.status, i.source])).toEqual([
      ['习近平谈治国理政', 'reading', 'unit'],
      ['乡土中国', 'done', 'own'],
    ]);
    const [pending] = expectData(await server.api.get(`/api/changes?state=pending&personId=${me.user.id}`, me.token), z.array(changeRequestSchema));
    expect(pending).toMatchObject({ personName: 'staff.research', proposedByName: 'staff.research', proposedAt: '2026-03-02T01:00:00.000Z', change: { kind: 'plan-targets', from: { totalHours: 50 }, to: { totalHours: 60 } } });
    expectError(await server.api.post(`/api/changes/${pending!.id}/approve`, {}, me.token), 403, 'forbidden');
    const approved = expectData(await server.api.post(`/api/changes/${pending!.id}/approve`, {}, org.people.leadOffice.token), changeRequestSchema);
    expect(approved).toMatchObject({ state: 'approved', decidedByName: 'lead.office' });
    const after = expectData(await server.api.get(`/api/people/${me.user.id}/plans/2026/year`, me.token), studyPlanSchema);
    expect(after.targets.totalHours).toBe(60);
    expect(after.readingList).toHaveLength(2);
    expectError(await server.api.post(`/api/changes/${pending!.id}/reject`, { reason: '晚了' }, org.people.leadOffice.token), 409, 'conflict');
  });

  it('starts a plan nobody set from the organisation’s target, as progress measures it, never from 0', async () => {
    const me = org.people.staffCulture;
    // No unit set defaults for 2025: the plan and its progress both stand on the settings' 50 h.
    const fresh = expectData(await server.api.get(`/api/people/${me.user.id}/plans/2025/year`, me.token), studyPlanSchema);
    expect(fresh.targets).toEqual({ totalHours: 50, byCategory: {} });
    const progress = expectData(await server.api.get(`/api/people/${me.user.id}/plans/2025/year/progress`, me.token), planProgressSchema);
    expect(progress.total.targetBasis).toMatchObject({ source: 'organisation', setHours: 50 });
    const quarter = expectData(await server.api.get(`/api/people/${me.user.id}/plans/2025/q2`, me.token), studyPlanSchema);
    expect(quarter.targets.totalHours).toBe(12.5);
    // Their own lower target is proposed from the 50 h they are measured against.
    expectData(await server.api.put(`/api/people/${me.user.id}/plans/2025/year`, plan(40), me.token), studyPlanSchema, 202);
    const [pending] = expectData(await server.api.get(`/api/changes?state=pending&personId=${me.user.id}`, me.token), z.array(changeRequestSchema));
    expect(pending).toMatchObject({ change: { kind: 'plan-targets', year: 2025, from: { totalHours: 50 }, to: { totalHours: 40 } } });
    // Saving the plan unchanged (its reading list only) proposes nothing.
    expectData(await server.api.put(`/api/people/${me.user.id}/plans/2025/q2`, plan(12.5), me.token), studyPlanSchema, 200);
    expectData(await server.api.post(`/api/changes/${pending!.id}/reject`, { reason: '维持全年目标' }, org.people.leadOffice.token), changeRequestSchema);
  });

  it('refuses negative targets and categories above the total with 400, storing nothing', async () => {
    const me = org.people.staffResearch;
    await unchanged(async () => {
      expectError(await server.api.put(`/api/people/${me.user.id}/plans/2026/year`, plan(-1), me.token), 400, 'validation_failed');
      expectError(await server.api.put(`/api/people/${me.user.id}/plans/2026/q1`, plan(10, { professional: -2 }), me.token), 400, 'validation_failed');
      expectError(await server.api.put(`/api/people/${me.user.id}/plans/2026/q1`, plan(10, { professional: 20 }), me.token), 400, 'validation_failed');
      expectError(await server.api.put(`/api/units/${org.units.office.id}/plan-defaults/2026/year`, plan(-5), org.people.leadOffice.token), 400, 'validation_failed');
      expectError(await server.api.put(`/api/people/${me.user.id}/plans/2026/q5`, plan(10), me.token), 400, 'validation_failed');
    });
  });

  it('keeps plans private: other staff and leaders of other units get 403', async () => {
    const path = `/api/people/${org.people.staffResearch.user.id}/plans/2026/year`;
    expectError(await server.api.get(path, org.people.staffCulture.token), 403, 'forbidden');
    await unchanged(async () => expectError(await server.api.put(path, plan(1), org.people.leadCulture.token), 403, 'forbidden'));
  });

  it('measures progress from the learning log and the sessions attended', async () => {
    const me = org.people.staffResearch;
    const segment = { id: randomUUID(), resourceId: org.resources.theory.id, url: 'https://www.example.org/learn/a', title: 'a', mode: 'reading', startedAt: '2026-03-02T08:00:00+08:00', endedAt: '2026-03-02T08:30:00+08:00' };
    expect(expectData(await server.api.post('/api/sync', { deviceId: 'laptop', segments: [segment] }, me.token), syncResponseSchema).rejected).toEqual([]);
    const s = expectData(
      await server.api.post('/api/sessions', { kind: 'special-lecture', topic: '专题辅导', startsAt: '2026-03-06T09:00:00+08:00', endsAt: '2026-03-06T17:00:00+08:00', organiserId: org.people.leadOffice.user.id, materials: [org.resources.theory.id], tariff: 'day', unitIds: [org.units.research.id] }, org.adminToken),
      sessionSchema,
      201,
    );
    server.nowMs = Date.parse('2026-03-06T09:05:00+08:00');
    expect((await server.api.post('/api/check-in', { code: s.code }, me.token)).status).toBe(201);
    const p = expectData(await server.api.get(`/api/people/${me.user.id}/plans/2026/year/progress`, me.token), planProgressSchema);
    // The plan's 60 h a year, due for 2–6 March (joined on the 2nd, the clock on the 6th): 5/365 of it.
    expect(p.total).toEqual({
      targetHours: 0.8,
      targetBasis: { source: 'plan', setHours: 60, dueFrom: '2026-03-02', dueTo: '2026-03-06' },
      achievedSeconds: 1800 + 8 * 3600,
      share: (1800 + 8 * 3600) / (0.8 * 3600),
    });
    expect(p.byCategory.find((c) => c.category === 'political-theory')?.achievedSeconds).toBe(1800 + 8 * 3600);
    expect(p.reading).toMatchObject({ total: 2, done: 1, reading: 1 });
  });
});

describe('research', () => {
  const report = (personId: string, over: Record<string, unknown> = {}) => ({ personId, title: '关于社区养老服务的调研', status: 'submitted', date: '2026-03-01', ...over });

  it('lets staff record their own visit and report, and a leader for people of their units', async () => {
    const me = org.people.staffResearch;
    expectData(await server.api.post('/api/research/visits', { personId: me.user.id, kind: 'community', date: '2026-02-20', place: '东城社区', summary: '养老服务' }, me.token), fieldVisitSchema, 201);
    expectData(await server.api.post('/api/research/reports', report(me.user.id), me.token), researchReportSchema, 201);
    expectData(await server.api.post('/api/research/reports', report(org.people.staffCulture.user.id, { status: 'draft' }), org.people.leadCulture.token), researchReportSchema, 201);
  });

  it('refuses reports and visits for people outside one’s units with 403, storing nothing', async () => {
    await unchanged(async () => {
      expectError(await server.api.post('/api/research/reports', report(org.people.staffResearch.user.id), org.people.leadCulture.token), 403, 'forbidden');
      expectError(await server.api.post('/api/research/reports', report(org.people.staffCulture.user.id), org.people.staffResearch.token), 403, 'forbidden');
      expectError(await server.api.post('/api/research/visits', { personId: org.people.staffResearch.user.id, kind: 'market', date: '2026-03-01', place: '农贸市场' }, org.people.leadCulture.token), 403, 'forbidden');
      expectError(await server.api.post('/api/research/visits', { personId: org.people.staffResearch.user.id, kind: 'mall', date: '2026-03-01', place: 'x' }, org.people.staffResearch.token), 400, 'validation_failed');
    });
  });

  it('lists who is short of the 2–3 report target, drafts not counted', async () => {
    const o = expectData(await server.api.get('/api/research?year=2026', org.people.leadOffice.token), researchOverviewSchema);
    expect(o.target).toEqual({ min: 2, max: 3 });
    const missing = Object.fromEntries(o.people.map((p) => [p.name, [p.reportsCounted, p.drafts, p.missing]]));
    expect(missing).toEqual({ 'lead.culture': [0, 0, 2], 'lead.office': [0, 0, 2], 'staff.culture': [0, 1, 2], 'staff.research': [1, 0, 1] });
    const mine = expectData(await server.api.get('/api/research?year=2026', org.people.staffResearch.token), researchOverviewSchema);
    expect(mine.people.map((p) => p.name)).toEqual(['staff.research']);
  });
});

describe('annual record', () => {
  const path = () => `/api/annual-records/${org.people.staffResearch.user.id}/2026`;

  it('puts plan against credited hours, attendance, research and a suggested grade', async () => {
    const r = expectData(await server.api.get(path(), org.people.staffResearch.token), annualRecordSchema);
    expect(r.hours).toMatchObject({ targetHours: 0.8, targetBasis: { source: 'plan', setHours: 60 }, onlineSeconds: 1800, onlineCreditedHours: 0.5, sessionHours: 8, totalHours: 8.5 });
    expect(r.attendance).toMatchObject({ expected: 1, present: 1, rate: 1 });
    expect(r.research.reportsCounted).toBe(1);
    // Hours well over the part of the target due so far; no notes yet holds the suggestion at 基本称职.
    expect(r.grade.suggested).toBe('basically-competent');
    expect(r.grade.decision).toBeNull();
  });

  it('needs a reason to depart from the suggestion, and only a leader over the person may decide', async () => {
    await unchanged(async () => {
      expectError(await server.api.put(`${path()}/grade`, { grade: 'competent' }, org.people.leadOffice.token), 400, 'validation_failed');
      expectError(await server.api.put(`${path()}/grade`, { grade: 'excellent', reason: '自评' }, org.people.staffResearch.token), 403, 'forbidden');
      expectError(await server.api.put(`${path()}/grade`, { grade: 'competent', reason: 'x' }, org.people.leadCulture.token), 403, 'forbidden');
      expectError(await server.api.put(`/api/annual-records/${org.people.leadOffice.user.id}/2026/grade`, { grade: 'excellent', reason: 'x' }, org.people.leadOffice.token), 403, 'forbidden');
    });
    const decided = expectData(await server.api.put(`${path()}/grade`, { grade: 'basically-competent', reason: '年中调入，学习时间不足一年' }, org.people.leadOffice.token), annualRecordSchema);
    expect(decided.grade.decision).toMatchObject({ grade: 'basically-competent', reason: '年中调入，学习时间不足一年', decidedByName: 'lead.office' });
    const remarked = expectData(await server.api.put(`${path()}/remarks`, { remarks: '学习态度端正' }, org.people.leadOffice.token), annualRecordSchema);
    expect(remarked.remarks).toBe('学习态度端正');
    expect(remarked.grade.decision?.grade).toBe('basically-competent');
  });

  it('sums the year for a leader’s units and refuses staff', async () => {
    const s = expectData(await server.api.get(`/api/annual-records?year=2026&unitId=${org.units.office.id}`, org.people.leadOffice.token), organisationSummarySchema);
    expect(s.people).toBe(4);
    expect(s.final['basically-competent']).toBe(1);
    expect(s.undecided).toBe(3);
    expectError(await server.api.get('/api/annual-records?year=2026', org.people.staffResearch.token), 403, 'forbidden');
    expectError(await server.api.get(`/api/annual-records?year=2026&unitId=${org.units.research.id}`, org.people.leadCulture.token), 403, 'forbidden');
  });
});
