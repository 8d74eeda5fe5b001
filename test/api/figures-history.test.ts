// History is kept, not recomputed; one computation, one target. Over the real HTTP API: a hire after
// a session and a transfer between units leave past rosters and the closed month's bulletin as they
// were, and a person's hours and target read the same in the overview, the person page (through the
// dashboard's client), the annual record, the figures route and the dashboard's exports built from them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { personFiguresSchema } from '../../shared/schemas/figures.ts';
import { personSchema } from '../../shared/schemas/organisation.ts';
import { monthlyBulletinSchema, rosterSchema } from '../../shared/schemas/programme-attendance.ts';
import { sessionSchema } from '../../shared/schemas/programme-calendar.ts';
import { annualRecordSchema, organisationSummarySchema } from '../../shared/schemas/programme-record.ts';
import { unitSummarySchema } from '../../shared/schemas/reports.ts';
import { syncResponseSchema } from '../../shared/schemas/sync.ts';
import { annualRecordSheets } from '../../server/dashboard/export/programme-sheets.ts';
import { personLogSheets, unitSummarySheets } from '../../server/dashboard/export/report-sheets.ts';
import { endpoints } from '../../server/dashboard/api/endpoints.ts';
import { createHttp } from '../../server/dashboard/api/http.ts';
import { personLogModel } from '../../server/dashboard/models/person.ts';
import { translator } from '../../server/dashboard/i18n/t.ts';
import { expectData } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { PASSWORD, seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;
let november: z.infer<typeof sessionSchema>;

const at = (iso: string) => {
  server.nowMs = Date.parse(iso);
};
const session = async (unitId: string, day: string) =>
  expectData(
    await server.api.post(
      '/api/sessions',
      { kind: 'collective-study', topic: '集体学习', startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T11:00:00+08:00`, organiserId: org.people.leadOffice.user.id, materials: [org.resources.theory.id], tariff: 'actual', unitIds: [unitId] },
      org.adminToken,
    ),
    sessionSchema,
    201,
  );
const roster = async (id: string) => expectData(await server.api.get(`/api/sessions/${id}/roster`, org.adminToken), rosterSchema);
const bulletin = async (unitId: string, month: string) => expectData(await server.api.get(`/api/units/${unitId}/bulletin?month=${month}`, org.adminToken), monthlyBulletinSchema);

// The people are created on Monday 2 November 2026; a collective study of the research unit on
// Friday 6 November, attended by staff.research, who also studied online an hour the day before.
beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-11-02T09:00:00+08:00') });
  org = await seedOrganisation(server);
  november = await session(org.units.research.id, '2026-11-06');
  at('2026-11-06T09:05:00+08:00');
  const me = org.people.staffResearch;
  expect((await server.api.post('/api/check-in', { code: november.code }, me.token)).status).toBe(201);
  const segment = { id: randomUUID(), resourceId: org.resources.theory.id, url: 'https://www.example.org/learn/a', title: 'a', mode: 'reading', startedAt: '2026-11-05T08:00:00+08:00', endedAt: '2026-11-05T09:00:00+08:00' };
  expect(expectData(await server.api.post('/api/sync', { deviceId: 'laptop', segments: [segment] }, me.token), syncResponseSchema).rejected).toEqual([]);
  // Monday 7 December, 10:00.
  at('2026-12-07T10:00:00+08:00');
});
afterAll(async () => {
  await server?.close();
});

describe('history is kept', () => {
  it('a hire after a session changes neither its roster nor the closed month’s bulletin', async () => {
    const rosterBefore = await roster(november.id);
    const bulletinBefore = await bulletin(org.units.research.id, '2026-11');
    expect(rosterBefore.people.map((p) => p.name)).toEqual(['staff.research']);

    const hired = expectData(
      await server.api.post('/api/people', { username: 'staff.new', name: 'staff.new', password: PASSWORD, role: 'staff', unitId: org.units.research.id }, org.adminToken),
      z.object({ id: z.string() }),
      201,
    );
    expect(await roster(november.id)).toEqual(rosterBefore);
    expect(await bulletin(org.units.research.id, '2026-11')).toEqual(bulletinBefore);
    const record = expectData(await server.api.get(`/api/annual-records/${hired.id}/2026`, org.adminToken), annualRecordSchema);
    expect(record.attendance).toMatchObject({ expected: 0, counted: 0, rate: null });
    // Their target is due from their first day only: 7 December, one day of the 50 h year.
    expect(record.hours).toMatchObject({ targetHours: 0.1, targetBasis: { source: 'organisation', setHours: 50, dueFrom: '2026-12-07', dueTo: '2026-12-07' } });

    // A session after the hire does expect them.
    const december = await session(org.units.research.id, '2026-12-11');
    expect((await roster(december.id)).people.map((p) => p.name)).toEqual(['staff.new', 'staff.research']);
  });

  it('a transfer between units is recorded with its date and leaves the past where it was', async () => {
    const me = org.people.staffResearch;
    const rosterBefore = await roster(november.id);
    const researchBefore = await bulletin(org.units.research.id, '2026-11');
    const cultureBefore = await bulletin(org.units.culture.id, '2026-11');

    const res = await server.api.send('PATCH', `/api/people/${me.user.id}`, { token: org.adminToken, json: { unitId: org.units.culture.id, reason: '岗位调整' } });
    const moved = expectData(res, personSchema);
    expect(moved.memberships).toEqual([
      { from: '2026-11-02', to: '2026-12-06', unitId: org.units.research.id, role: 'staff' },
      { from: '2026-12-07', to: null, unitId: org.units.culture.id, role: 'staff' },
    ]);
    expect(await roster(november.id)).toEqual(rosterBefore);
    expect(await bulletin(org.units.research.id, '2026-11')).toEqual(researchBefore);
    expect(await bulletin(org.units.culture.id, '2026-11')).toEqual(cultureBefore);
    expect(researchBefore.people.find((p) => p.name === 'staff.research')?.counts).toMatchObject({ expected: 1, attended: 1, rate: 1 });

    // From its date on, they are expected in their new unit and no longer in the old one.
    const culture = await session(org.units.culture.id, '2026-12-18');
    expect((await roster(culture.id)).people.map((p) => p.name)).toContain('staff.research');
    const research = await session(org.units.research.id, '2026-12-25');
    expect((await roster(research.id)).people.map((p) => p.name)).not.toContain('staff.research');
    // The year summary of the research unit still counts the year they spent there.
    const year = expectData(await server.api.get(`/api/annual-records?year=2026&unitId=${org.units.research.id}`, org.adminToken), organisationSummarySchema);
    expect(year.records.map((r) => r.name)).toContain('staff.research');
  });
});

describe('one computation, one target', () => {
  const t = translator('zh-CN');
  const value = (rows: (string | number)[][], label: string) => rows.find((r) => r[0] === label)?.[1];

  it('overview = person page = annual record = figures = exports for the same person and range (hours and target)', async () => {
    const me = org.people.staffResearch;
    const units = expectData(await server.api.get('/api/units', org.adminToken), z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() })));
    const range = 'from=2026-01-01&to=2026-12-31';
    const overview = expectData(await server.api.get(`/api/units/${org.units.office.id}/summary?${range}`, org.people.leadOffice.token), unitSummarySchema);
    const row = overview.people.find((p) => p.personId === me.user.id)!;
    const record = expectData(await server.api.get(`/api/annual-records/${me.user.id}/2026`, org.people.leadOffice.token), annualRecordSchema);
    const figures = expectData(await server.api.get(`/api/people/${me.user.id}/figures?${range}`, me.token), personFiguresSchema);

    // 1 h online plus the 2 h session; 50 h a year due over 2 November – 7 December (36 days): 4.9 h.
    expect(record.hours).toMatchObject({ onlineCreditedHours: 1, sessionHours: 2, totalHours: 3, targetHours: 4.9 });
    expect(row.seconds / 3600).toBe(record.hours.totalHours);
    expect(row.targetSeconds / 3600).toBe(record.hours.targetHours);
    expect(row.targetBasis).toEqual(record.hours.targetBasis);
    expect(figures).toMatchObject({ totalHours: record.hours.totalHours, targetHours: record.hours.targetHours, gapHours: 1.9, behind: true });
    expect(row.gapSeconds / 3600).toBe(figures.gapHours);
    expect(overview.belowTarget.map((p) => p.personId)).toContain(me.user.id);

    const exported = unitSummarySheets(overview, units, t)[0]!.rows.find((r) => r[0] === 'staff.research')!;
    // Credited, raw online, target, gap.
    expect(exported.slice(4, 8)).toEqual([3, 1, 4.9, 1.9]);
    expect(exported[9]).toBe('是');
    const recordRows = annualRecordSheets(record, units, t)[0]!.rows;
    expect(value(recordRows, t('annual.total'))).toBe(3);
    expect(value(recordRows, t('annual.target'))).toBe(4.9);

    // The person page, through the dashboard's own client as the leader's browser loads it, and its export.
    const http = createHttp(server.url);
    http.credentials = { kind: 'bearer', token: org.people.leadOffice.token };
    const dashboard = endpoints(http);
    const pageRange = { from: '2026-01-01', to: '2026-12-31' };
    const [log, page, resources] = await Promise.all([dashboard.personLog(me.user.id, pageRange), dashboard.personFigures(me.user.id, pageRange), dashboard.resources()]);
    expect(page).toEqual(figures);
    expect(page.totalSeconds).toBe(row.seconds);
    expect(page.targetHours * 3600).toBe(row.targetSeconds);
    const personRows = personLogSheets(personLogModel(log, resources), page, { name: me.user.name, username: me.user.username }, t)[2]!.rows;
    expect(value(personRows, t('figure.creditedHours'))).toBe(3);
    expect(value(personRows, t('figure.targetHours'))).toBe(4.9);
    expect(value(personRows, t('figure.gapHours'))).toBe(1.9);
    expect(value(personRows, t('figure.belowTarget'))).toBe('是');
  });

  it('measures the month on 7 December against 1–7 December only', async () => {
    const me = org.people.staffResearch;
    const month = expectData(await server.api.get(`/api/people/${me.user.id}/figures?period=month`, me.token), personFiguresSchema);
    // 50 h × 7/365 = 0.96 h: 1.0 h in tenths.
    expect(month).toMatchObject({ from: '2026-12-01', to: '2026-12-31', targetHours: 1, targetBasis: { dueFrom: '2026-12-01', dueTo: '2026-12-07' } });
    const overview = expectData(await server.api.get(`/api/units/${org.units.office.id}/summary?period=month`, org.adminToken), unitSummarySchema);
    expect(overview.people.find((p) => p.personId === me.user.id)?.targetSeconds).toBe(3600);
  });
});
