// The notes review screen's routes: pages through every note the caller may review with the true
// total (never the caller's own), and bulk 已阅 that is all-or-nothing and audited note by note.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bulkReviewResponseSchema, reviewableNotesPageSchema, type Note } from '../../shared/schemas/notes.ts';
import { auditEntrySchema } from '../../shared/schemas/organisation.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;
const written: Record<'leadCulture' | 'staffCulture' | 'staffResearch', string[]> = { leadCulture: [], staffCulture: [], staffResearch: [] };

const note = (day: number, comment: string): Note => {
  const at = `2026-03-${String(day).padStart(2, '0')}T01:00:00.000Z`;
  return {
    id: randomUUID(), url: null, canonicalUrl: null, title: '读书笔记', resourceId: null, selectors: [], quote: '', comment,
    tags: [], colour: 'yellow', mustRead: null, createdAt: at, updatedAt: at, deletedAt: null,
  };
};

beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-20T12:00:00+08:00') });
  org = await seedOrganisation(server);
  const counts = { leadCulture: 2, staffCulture: 7, staffResearch: 1 } as const;
  for (const who of ['leadCulture', 'staffCulture', 'staffResearch'] as const) {
    const notes = Array.from({ length: counts[who] }, (_, i) => note(i + 1, `${who} ${i}`));
    const res = await server.api.post('/api/sync', { deviceId: 'd', segments: [], notes }, org.people[who].token);
    expect(res.status).toBe(200);
    written[who] = notes.map((n) => n.id);
  }
});
afterAll(() => server.close());

const page = async (token: string, query: string) =>
  expectData(await server.api.get(`/api/notes/reviewable${query}`, token), reviewableNotesPageSchema);
const reviewAudit = async () =>
  expectData(await server.api.get('/api/audit?limit=500', org.adminToken), z.array(auditEntrySchema)).filter((a) => a.action === 'note.review');

describe('GET /api/notes/reviewable', () => {
  it('pages through all the notes a leader may review with the true total, never their own', async () => {
    const token = org.people.leadCulture.token;
    const seen: string[] = [];
    for (const offset of [0, 3, 6]) {
      const got = await page(token, `?limit=3&offset=${offset}`);
      expect(got.total).toBe(7);
      expect(got).toMatchObject({ offset, limit: 3 });
      seen.push(...got.notes.map((n) => n.note.id));
    }
    expect(seen.sort()).toEqual([...written.staffCulture].sort());
    expect((await page(token, '?limit=3&offset=9')).notes).toEqual([]);
    // The leader's own notes stay out, even when asked for by person.
    expect((await page(token, `?personId=${org.people.leadCulture.user.id}`)).total).toBe(0);
  });

  it('counts with the filters, and a leader over the whole office sees another leader’s notes but not their own', async () => {
    expect((await page(org.people.leadCulture.token, '?from=2026-03-05')).total).toBe(3);
    expect((await page(org.people.leadCulture.token, '?q=staffCulture%206')).notes.map((n) => n.note.id)).toEqual([written.staffCulture[6]]);
    const office = await page(org.people.leadOffice.token, '?limit=200');
    expect(office.total).toBe(10);
    expect(office.notes.map((n) => n.note.createdAt)).toEqual([...office.notes.map((n) => n.note.createdAt)].sort().reverse());
    expect((await page(org.adminToken, '')).total).toBe(10);
  });

  it('refuses staff and bad paging', async () => {
    expectError(await server.api.get('/api/notes/reviewable', org.people.staffCulture.token), 403, 'forbidden');
    expectError(await server.api.get('/api/notes/reviewable?limit=0', org.adminToken), 400, 'validation_failed');
    expectError(await server.api.get('/api/notes/reviewable?limit=201', org.adminToken), 400, 'validation_failed');
    expectError(await server.api.get('/api/notes/reviewable?offset=-1', org.adminToken), 400, 'validation_failed');
  });
});

describe('POST /api/notes/reviews', () => {
  it('marks the named notes 已阅, keeps an earlier review, and audits each mark like the single one', async () => {
    const token = org.people.leadCulture.token;
    const [first, second, third] = written.staffCulture;
    expectData(await server.api.put(`/api/notes/${first}/review`, { comment: '认真' }, token), z.unknown());
    const before = (await reviewAudit()).length;
    const res = expectData(await server.api.post('/api/notes/reviews', { noteIds: [first, second, third], comment: '已阅' }, token), bulkReviewResponseSchema);
    expect(res.marked).toBe(2);
    expect(res.notes.map((n) => [n.note.id, n.review?.comment])).toEqual([[first, '认真'], [second, '已阅'], [third, '已阅']]);
    expect(res.notes[1]!.review).toMatchObject({ reviewerId: org.people.leadCulture.user.id, reviewedAt: '2026-03-20T04:00:00.000Z' });
    const audit = await reviewAudit();
    expect(audit.length - before).toBe(2);
    expect(audit.slice(0, 2).every((a) => a.actorId === org.people.leadCulture.user.id)).toBe(true);
    expect((await page(token, '?reviewed=false')).total).toBe(4);
  });

  it('marks none when any named note may not be reviewed by the caller, or does not exist', async () => {
    const token = org.people.leadCulture.token;
    const [, , , fourth] = written.staffCulture;
    const before = (await page(token, '?reviewed=false')).total;
    expectError(await server.api.post('/api/notes/reviews', { noteIds: [fourth, written.leadCulture[0]] }, token), 403, 'forbidden');
    expectError(await server.api.post('/api/notes/reviews', { noteIds: [fourth, written.staffResearch[0]] }, token), 403, 'forbidden');
    expectError(await server.api.post('/api/notes/reviews', { noteIds: [fourth, randomUUID()] }, token), 404, 'not_found');
    expectError(await server.api.post('/api/notes/reviews', { noteIds: [fourth, fourth] }, token), 400, 'validation_failed');
    expectError(await server.api.post('/api/notes/reviews', { noteIds: [] }, token), 400, 'validation_failed');
    expectError(await server.api.post('/api/notes/reviews', { noteIds: [fourth] }, org.people.staffCulture.token), 403, 'forbidden');
    expect((await page(token, '?reviewed=false')).total).toBe(before);
  });
});
