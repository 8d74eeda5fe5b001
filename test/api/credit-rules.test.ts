// When the credit rules change (server/programme/credit-rules.ts), over the real HTTP API on either
// engine: an admin halves the online ratio and lowers the half-day tariff on 7 December. November's
// figures and session stay as they were, under version 1; the session of 11 December and online study
// from 7 December are credited under version 2; every figure names its versions; the audit entry says
// what the change made.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { personFiguresSchema } from '../../shared/schemas/figures.ts';
import { sessionSchema } from '../../shared/schemas/programme-calendar.ts';
import { programmeSettingsViewSchema } from '../../shared/schemas/programme-settings.ts';
import { syncResponseSchema } from '../../shared/schemas/sync.ts';
import { expectData } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;
let november: z.infer<typeof sessionSchema>;
let december: z.infer<typeof sessionSchema>;

const at = (iso: string) => {
  server.nowMs = Date.parse(iso);
};
const halfDay = (day: string) => ({
  kind: 'collective-study',
  topic: '集体学习',
  startsAt: `${day}T09:00:00+08:00`,
  endsAt: `${day}T13:00:00+08:00`,
  organiserId: org.people.leadOffice.user.id,
  materials: [org.resources.theory.id],
  tariff: 'half-day',
  unitIds: [org.units.research.id],
});
const createSession = async (day: string) => expectData(await server.api.post('/api/sessions', halfDay(day), org.adminToken), sessionSchema, 201);
const getSession = async (id: string) => expectData(await server.api.get(`/api/sessions/${id}`, org.adminToken), sessionSchema);
const studyOnline = async (from: string, to: string) => {
  const segment = { id: randomUUID(), resourceId: org.resources.theory.id, url: 'https://www.example.org/learn/a', title: 'a', mode: 'reading', startedAt: from, endedAt: to };
  expect(expectData(await server.api.post('/api/sync', { deviceId: 'laptop', segments: [segment] }, org.people.staffResearch.token), syncResponseSchema).rejected).toEqual([]);
};
const figures = async (from: string, to: string) =>
  expectData(await server.api.get(`/api/people/${org.people.staffResearch.user.id}/figures?from=${from}&to=${to}`, org.adminToken), personFiguresSchema);
const settings = async () => expectData(await server.api.get('/api/programme/settings', org.adminToken), programmeSettingsViewSchema);

// staff.research studies online an hour on 5 November and attends a half-day session on 6 November;
// a half-day session is scheduled for 11 December. On Monday 7 December, 10:00, the rules change.
beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-11-02T09:00:00+08:00') });
  org = await seedOrganisation(server);
  november = await createSession('2026-11-06');
  december = await createSession('2026-12-11');
  at('2026-11-06T09:05:00+08:00');
  expect((await server.api.post('/api/check-in', { code: november.code }, org.people.staffResearch.token)).status).toBe(201);
  await studyOnline('2026-11-05T08:00:00+08:00', '2026-11-05T09:00:00+08:00');
  at('2026-12-07T10:00:00+08:00');
});
afterAll(async () => {
  await server?.close();
});

describe('a change of credit rules', () => {
  it('starts as version 1, from the beginning, and credits sessions under it', async () => {
    expect((await settings()).creditRules).toEqual([{ version: 1, from: null, savedAt: null, tariff: { halfDayHours: 4, dayHours: 8 }, online: { hoursPerHour: 1, yearlyCapHours: null } }]);
    expect(november).toMatchObject({ creditedHours: 4, creditRule: { version: 1, from: null } });
    expect(await figures('2026-11-01', '2026-11-30')).toMatchObject({ onlineCreditedHours: 1, sessionHours: 4, totalHours: 5, creditRules: [{ version: 1, from: null }] });
  });

  it('is a version from the day it is saved: earlier days keep theirs, later ones take it, and the audit entry says so', async () => {
    const before = await figures('2026-11-01', '2026-11-30');
    const current = await settings();
    const saved = expectData(
      await server.api.put('/api/programme/settings', { ...current, tariff: { halfDayHours: 3, dayHours: 8 }, online: { hoursPerHour: 0.5, yearlyCapHours: null } }, org.adminToken),
      programmeSettingsViewSchema,
    );
    expect(saved.creditRules.map((r) => [r.version, r.from, r.tariff.halfDayHours, r.online.hoursPerHour])).toEqual([
      [1, null, 4, 1],
      [2, '2026-12-07', 3, 0.5],
    ]);
    expect(await settings()).toEqual(saved);

    // November: the same figures, under version 1, whether the session is read or edited.
    expect(await figures('2026-11-01', '2026-11-30')).toEqual(before);
    expect(await getSession(november.id)).toMatchObject({ creditedHours: 4, creditRule: { version: 1, from: null } });
    const edited = expectData(await server.api.put(`/api/sessions/${november.id}`, { ...halfDay('2026-11-06'), topic: '集体学习（补记）' }, org.adminToken), sessionSchema);
    expect(edited).toMatchObject({ creditedHours: 4, creditRule: { version: 1, from: null } });
    expect(await figures('2026-11-01', '2026-11-30')).toEqual(before);

    // 11 December falls under version 2: the new tariff, and the session says so.
    expect(await getSession(december.id)).toMatchObject({ creditedHours: 3, creditRule: { version: 2, from: '2026-12-07' } });
    // Online study today converts at the new rate; the month names both versions.
    await studyOnline('2026-12-07T08:00:00+08:00', '2026-12-07T09:00:00+08:00');
    expect(await figures('2026-12-01', '2026-12-31')).toMatchObject({
      onlineSeconds: 3600,
      onlineCreditedHours: 0.5,
      adjustments: [{ reason: 'online_conversion', hours: -0.5 }],
      creditRules: [
        { version: 1, from: null },
        { version: 2, from: '2026-12-07' },
      ],
    });
    // The year: November's 5 h as they were, plus today's 0.5 h.
    expect(await figures('2026-01-01', '2026-12-31')).toMatchObject({ onlineCreditedHours: 1.5, sessionHours: 4, totalHours: 5.5 });

    const audit = expectData(await server.api.get('/api/audit?limit=10', org.adminToken), z.array(z.object({ action: z.string(), details: z.string() })));
    const entry = audit.find((e) => e.action === 'programme_settings.update');
    expect(entry?.details).toBe(
      'half-day hours: 4 → 3; credited hours per online hour: 1 → 0.5; credit rules version 2 from 2026-12-07, earlier days keep theirs; 1 session(s) from that day credited under it',
    );
  });

  it('makes no version for a change that leaves the tariff and online credit as they are', async () => {
    const current = await settings();
    const saved = expectData(await server.api.put('/api/programme/settings', { ...current, checkIn: { opensMinutesBefore: 20, lateAfterMinutes: 10 } }, org.adminToken), programmeSettingsViewSchema);
    expect(saved.creditRules.map((r) => r.version)).toEqual([1, 2]);
  });

  it('refuses bad settings and changes nothing', async () => {
    const before = await settings();
    const current = { ...before };
    const res = await server.api.put('/api/programme/settings', { ...current, online: { hoursPerHour: -1, yearlyCapHours: null } }, org.adminToken);
    expect(res.status).toBe(400);
    expect(await settings()).toEqual(before);
  });

  it('is refused while the year it would start in is closed (409 year_closed); other settings may still change', async () => {
    expect((await server.api.put('/api/programme/years/2026/closed', { reason: '年度考核结束' }, org.adminToken)).status).toBe(200);
    const before = await settings();
    const res = await server.api.put('/api/programme/settings', { ...before, online: { hoursPerHour: 2, yearlyCapHours: null } }, org.adminToken);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'year_closed', details: { year: '2026' } } });
    expect(await settings()).toEqual(before);
    const saved = expectData(await server.api.put('/api/programme/settings', { ...before, reportTarget: { min: 1, max: 3 } }, org.adminToken), programmeSettingsViewSchema);
    expect(saved.creditRules).toEqual(before.creditRules);
  });
});
