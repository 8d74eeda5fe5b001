// Learning logs by period and unit summaries, from the daily totals.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailedLearningLogSchema } from '../../shared/schemas/log.ts';
import { unitSummarySchema } from '../../shared/schemas/reports.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

// Wednesday 2026-03-11, noon in Shanghai.
beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-11T12:00:00+08:00') });
  org = await seedOrganisation(server);
  const study = (token: string, date: string, minutes: number) =>
    server.api.post(
      '/api/sync',
      {
        deviceId: 'd',
        segments: [
          {
            id: randomUUID(),
            resourceId: org.resources.law.id,
            url: 'https://law.example.com/a',
            title: 'a',
            startedAt: `${date}T09:00:00+08:00`,
            endedAt: new Date(Date.parse(`${date}T09:00:00+08:00`) + minutes * 60_000).toISOString(),
            mode: 'reading',
          },
        ],
      },
      token,
    );
  await study(org.people.staffResearch.token, '2026-03-09', 60);
  await study(org.people.staffResearch.token, '2026-03-02', 30);
  await study(org.people.leadCulture.token, '2026-03-10', 600);
});
afterAll(() => server.close());

describe('learning log periods', () => {
  it.each([
    ['week', '2026-03-09', '2026-03-15', 3600],
    ['month', '2026-03-01', '2026-03-31', 5400],
    ['quarter', '2026-01-01', '2026-03-31', 5400],
    ['year', '2026-01-01', '2026-12-31', 5400],
  ])('period=%s covers %s to %s around today', async (period, from, to, seconds) => {
    const log = expectData(await server.api.get(`/api/people/${org.people.staffResearch.user.id}/log?period=${period}`, org.adminToken), detailedLearningLogSchema);
    expect([log.from, log.to, log.totalSeconds]).toEqual([from, to, seconds]);
    expect(log.byCategory.professional).toBe(seconds);
  });

  it('takes a date for the period, and refuses unknown periods', async () => {
    const log = expectData(await server.api.get(`/api/people/${org.people.staffResearch.user.id}/log?period=week&date=2026-03-04`, org.adminToken), detailedLearningLogSchema);
    expect([log.from, log.to, log.totalSeconds]).toEqual(['2026-03-02', '2026-03-08', 1800]);
    expect(expectError(await server.api.get(`/api/people/${org.people.staffResearch.user.id}/log?period=decade`, org.adminToken), 400, 'validation_failed')).toContain('period');
  });
});

describe('unit summary', () => {
  it('lists everyone in the subtree by name with target and gap, and who is below target', async () => {
    const summary = expectData(await server.api.get(`/api/units/${org.units.office.id}/summary?from=2026-03-09&to=2026-03-15`, org.people.leadOffice.token), unitSummarySchema);
    expect(summary.people.map((p) => p.username)).toEqual(['lead.culture', 'lead.office', 'staff.culture', 'staff.research']);
    // 50 h a year, due for the days elapsed since they joined: everyone was created on 11 March, the
    // day the clock stands on, so one day of 365, in tenths of an hour: 0.1 h.
    const target = 360;
    expect(summary.people.map((p) => [p.username, p.seconds, p.targetSeconds, p.gapSeconds])).toEqual([
      ['lead.culture', 28800, target, 0], // 10 hours sent, capped at 8
      ['lead.office', 0, target, target],
      ['staff.culture', 0, target, target],
      ['staff.research', 3600, target, 0],
    ]);
    expect(summary.belowTarget.map((p) => p.username)).toEqual(['lead.office', 'staff.culture']);
    expect([summary.totalSeconds, summary.rawSeconds]).toEqual([32400, 39600]);
    expect(summary.days.find((d) => d.date === '2026-03-10')!.seconds).toBe(28800);
  });

  it('is limited to the unit’s subtree', async () => {
    const culture = expectData(await server.api.get(`/api/units/${org.units.culture.id}/summary?period=month`, org.people.leadCulture.token), unitSummarySchema);
    expect(culture.people.map((p) => p.username)).toEqual(['lead.culture', 'staff.culture']);
    expectError(await server.api.get(`/api/units/${org.units.research.id}/summary?period=month`, org.people.leadCulture.token), 403, 'forbidden');
    expectError(await server.api.get('/api/units/noSuchUnit/summary?period=month', org.adminToken), 404, 'not_found');
    expectError(await server.api.get(`/api/units/${org.units.office.id}/summary?from=2025-01-01&to=2026-03-01`, org.adminToken), 400, 'validation_failed');
  });
});
