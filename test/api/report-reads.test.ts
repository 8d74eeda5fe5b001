// The reports read their inputs for everyone in scope in a fixed number of store calls (and, on
// PostgreSQL, SQL statements): a unit's report, the organisation's annual summary and a person's plan
// ask the store as often for many people (or a deep unit) as for few (issue 19: one read per person
// made the annual summary of 20,000 people take over a minute).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userSchema } from '../../shared/schemas/auth.ts';
import { expectData } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { countingStore, sqlStatementsDuring } from '../support/counting-store.ts';
import { PASSWORD, seedOrganisation } from '../support/organisation.ts';

const { wrap, calls: reads } = countingStore();
let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-11T12:00:00+08:00'), storeForApp: wrap });
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

let added = 0;
/** `n` more people in the office's sub-units, each with a day studied, a note, a plan, research and remarks: every input the reports read per person. */
async function addPeople(n: number): Promise<void> {
  const { api } = server;
  const admin = org.adminToken;
  for (let i = 0; i < n; i++) {
    const username = `extra.${added++}`;
    const unitId = i % 2 === 0 ? org.units.research.id : org.units.culture.id;
    const user = expectData(await api.post('/api/people', { username, name: username, password: PASSWORD, role: 'staff', unitId }, admin), userSchema, 201);
    const token = await server.signIn(username, PASSWORD);
    const at = '2026-03-09T01:00:00.000Z';
    const segment = { id: randomUUID(), resourceId: org.resources.law.id, url: 'https://law.example.com/a', title: 'a', startedAt: at, endedAt: '2026-03-09T02:00:00.000Z', mode: 'reading' };
    const note = { id: randomUUID(), url: null, canonicalUrl: null, title: '读书笔记', resourceId: null, selectors: [], quote: '', comment: '学习体会', tags: [], colour: 'yellow', createdAt: at, updatedAt: at, deletedAt: null };
    const expectOk = (res: { status: number }, status = 200) => expect(res.status).toBe(status);
    expectOk(await api.post('/api/sync', { deviceId: 'd', segments: [segment], notes: [note] }, token));
    expectOk(await api.put(`/api/people/${user.id}/plans/2026/year`, { targets: { totalHours: 40, byCategory: {} }, readingList: [] }, admin));
    expectOk(await api.post('/api/research/reports', { personId: user.id, title: '调研报告', status: 'submitted', date: '2026-03-01' }, admin), 201);
    expectOk(await api.post('/api/research/visits', { personId: user.id, kind: 'community', date: '2026-03-02', place: '幸福里社区' }, admin), 201);
    expectOk(await api.put(`/api/annual-records/${user.id}/2026/remarks`, { remarks: '学习认真' }, admin));
  }
}

/** What one GET of `path` asked of the store (by method) and, on PostgreSQL, how many SQL statements it ran. */
async function readsOf(path: string, token = org.adminToken): Promise<{ store: Record<string, number>; sql: number }> {
  expect((await server.api.get(path, token)).status).toBe(200); // anything a first request does once is not counted
  reads.reset();
  const sql = await sqlStatementsDuring(async () => {
    expect((await server.api.get(path, token)).status).toBe(200);
  });
  return { store: Object.fromEntries([...reads.counts].sort()), sql };
}

describe('reads per report', () => {
  it('are as many for 12 people as for 4: the unit report and the annual summary (organisation and unit)', async () => {
    const paths = [
      `/api/units/${org.units.office.id}/summary?from=2026-01-01&to=2026-03-11`,
      '/api/annual-records?year=2026',
      `/api/annual-records?year=2026&unitId=${org.units.office.id}`,
    ];
    await addPeople(1); // everyone's kinds of input exist before the first count
    const few = [];
    for (const path of paths) few.push(await readsOf(path));
    await addPeople(8);
    for (const [i, path] of paths.entries()) expect(await readsOf(path), path).toEqual(few[i]);
    if (server.engine === 'postgres') for (const f of few) expect(f.sql).toBeGreaterThan(0);
  });

  it('of a person’s plan and its progress do not grow with the depth of their unit', async () => {
    const shallow = org.people.leadOffice.user.id; // in the office
    const deep = org.people.staffResearch.user.id; // in the office's research unit
    for (const suffix of ['', '/progress']) {
      expect(await readsOf(`/api/people/${deep}/plans/2026/year${suffix}`)).toEqual(await readsOf(`/api/people/${shallow}/plans/2026/year${suffix}`));
    }
  });
});
