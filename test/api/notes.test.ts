// Notes on the server: sync with a cursor, the one merge rule, ownership, the notes list and reviews.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { storedNoteSchema, type Note } from '../../shared/schemas/notes.ts';
import { syncResponseSchema } from '../../shared/schemas/sync.ts';
import { expectData, expectError } from '../support/api-client.ts';
import { startApiServer, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer({ nowMs: Date.parse('2026-03-10T12:00:00+08:00') });
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

const note = (overrides: Partial<Note> = {}): Note => ({
  id: randomUUID(),
  url: 'https://www.example.org/learn/x',
  canonicalUrl: null,
  title: '学习材料',
  resourceId: org.resources.theory.id,
  selectors: [{ type: 'TextQuoteSelector', exact: '实事求是', prefix: '坚持', suffix: '的' }],
  quote: '实事求是',
  comment: '体会',
  tags: ['理论'],
  colour: 'yellow',
  mustRead: null,
  createdAt: '2026-03-09T01:00:00.000Z',
  updatedAt: '2026-03-09T01:00:00.000Z',
  deletedAt: null,
  ...overrides,
});
const sync = async (token: string, body: Record<string, unknown>) =>
  expectData(await server.api.post('/api/sync', { deviceId: 'd', segments: [], ...body }, token), syncResponseSchema);
const list = async (token: string, query = '') => expectData(await server.api.get(`/api/notes${query}`, token), z.array(storedNoteSchema));

describe('notes in sync', () => {
  it('accepts notes one by one, returns changes since the cursor, and converges two devices', async () => {
    const me = org.people.staffResearch.token;
    const a = note();
    const bad = { ...note(), quote: '', comment: '' };
    const first = await sync(me, { notes: [a, bad, { id: 'not-a-uuid' }], cursor: null });
    expect(first.accepted).toEqual([a.id]);
    expect(first.rejected.map((r) => [r.id, r.code])).toEqual([[bad.id, 'invalid_note'], ['not-a-uuid', 'invalid_note']]);
    expect(first.notes!.map((n) => n.note.id)).toEqual([a.id]);
    // Another device edits later; the first device, syncing with its cursor, learns of it.
    const edited = { ...a, comment: '修改', updatedAt: '2026-03-09T02:00:00.000Z' };
    const second = await sync(me, { notes: [edited], cursor: null });
    expect(second.notes!.find((n) => n.note.id === a.id)!.note.comment).toBe('修改');
    const third = await sync(me, { cursor: first.cursor });
    expect(third.notes!.map((n) => n.note.comment)).toEqual(['修改']);
    expect((await sync(me, { cursor: third.cursor })).notes).toEqual([]);
    // An older version sent late loses the merge and the newer one comes back.
    const late = await sync(me, { notes: [a], cursor: third.cursor });
    expect(late.accepted).toEqual([a.id]);
    expect(late.notes!.map((n) => n.note.comment)).toEqual(['修改']);
    // Without a cursor the response carries no notes.
    expect((await sync(me, { notes: [] })).notes).toBeUndefined();
  });

  it('refuses a note from the future (it would win every merge) and one with credentials in its address, and keeps the stored version', async () => {
    const me = org.people.staffResearch.token;
    const a = note();
    await sync(me, { notes: [a] });
    const future = { ...a, comment: '来自未来', updatedAt: '9999-12-31T23:59:59.000Z' };
    const withCredentials = note({ url: 'https://user:secret@www.example.org/learn/x' });
    const answer = await sync(me, { notes: [future, withCredentials], cursor: null });
    expect(answer.rejected.map((r) => [r.id, r.code])).toEqual([[a.id, 'in_future'], [withCredentials.id, 'invalid_note']]);
    expect(answer.notes!.find((n) => n.note.id === a.id)!.note.comment).toBe('体会');
    expect(answer.notes!.some((n) => n.note.id === withCredentials.id)).toBe(false);
  });

  it('refuses another person’s note id, and a cursor it never gave out', async () => {
    const mine = note();
    await sync(org.people.staffResearch.token, { notes: [mine] });
    const stolen = await sync(org.people.staffCulture.token, { notes: [{ ...mine, comment: 'x', updatedAt: '2026-03-09T05:00:00.000Z' }] });
    expect(stolen.rejected).toEqual([{ id: mine.id, code: 'id_reused', message: expect.any(String) }]);
    expect(expectError(await server.api.post('/api/sync', { deviceId: 'd', segments: [], cursor: 'abc' }, org.people.staffResearch.token), 400, 'validation_failed')).toContain('cursor');
  });

  it('carries deletions (tombstones) to other devices but leaves them out of lists', async () => {
    const me = org.people.leadCulture.token;
    const n = note({ tags: ['删除'] });
    const { cursor } = await sync(me, { notes: [n], cursor: null });
    await sync(me, { notes: [{ ...n, deletedAt: '2026-03-09T03:00:00.000Z' }] });
    const after = await sync(me, { cursor });
    expect(after.notes!.map((s) => s.note.deletedAt)).toEqual(['2026-03-09T03:00:00.000Z']);
    expect((await list(me, '?tag=删除')).length).toBe(0);
  });
});

describe('notes list and reviews', () => {
  it('shows each role what it may see, newest first, with filters', async () => {
    const culture = note({ comment: 'culture note', tags: ['文化'], createdAt: '2026-03-08T01:00:00.000Z', updatedAt: '2026-03-08T01:00:00.000Z' });
    await sync(org.people.staffCulture.token, { notes: [culture] });
    const own = await list(org.people.staffCulture.token);
    expect(own.every((n) => n.personId === org.people.staffCulture.user.id)).toBe(true);
    const leader = await list(org.people.leadCulture.token);
    expect(leader.map((n) => n.note.id)).toContain(culture.id);
    expect(leader.some((n) => n.personId === org.people.staffResearch.user.id)).toBe(false);
    const all = await list(org.adminToken);
    expect(all.map((n) => n.note.createdAt)).toEqual([...all.map((n) => n.note.createdAt)].sort().reverse());
    expect((await list(org.adminToken, `?unitId=${org.units.culture.id}`)).every((n) => n.personId !== org.people.staffResearch.user.id)).toBe(true);
    expect((await list(org.adminToken, '?q=CULTURE')).map((n) => n.note.id)).toEqual([culture.id]);
    expect((await list(org.adminToken, '?tag=文化&from=2026-03-08&to=2026-03-08')).map((n) => n.note.id)).toEqual([culture.id]);
    expect((await list(org.adminToken, '?from=2026-03-09')).map((n) => n.note.id)).not.toContain(culture.id);
    expect(await list(org.adminToken, `?personId=${org.people.staffCulture.user.id}&reviewed=true`)).toEqual([]);
    expectError(await server.api.get('/api/notes?reviewed=maybe', org.adminToken), 400, 'validation_failed');
    expectError(await server.api.get('/api/notes?limit=5000', org.adminToken), 400, 'validation_failed');
  });

  it('a leader over the author reviews a note; the author sees it in the next sync; the review can be withdrawn', async () => {
    const author = org.people.staffCulture;
    const n = note({ comment: 'review me' });
    const { cursor } = await sync(author.token, { notes: [n], cursor: null });
    const reviewed = expectData(await server.api.put(`/api/notes/${n.id}/review`, { comment: '认真' }, org.people.leadCulture.token), storedNoteSchema);
    expect(reviewed.review).toMatchObject({ reviewerId: org.people.leadCulture.user.id, comment: '认真', reviewedAt: '2026-03-10T04:00:00.000Z' });
    expect((await sync(author.token, { cursor })).notes!.find((s) => s.note.id === n.id)!.review!.comment).toBe('认真');
    expect((await list(org.people.leadCulture.token, '?reviewed=true')).map((s) => s.note.id)).toContain(n.id);
    expect((await server.api.send('DELETE', `/api/notes/${n.id}/review`, { token: org.adminToken })).status).toBe(204);
    expect((await list(org.adminToken, '?reviewed=true')).map((s) => s.note.id)).not.toContain(n.id);
    expectError(await server.api.put('/api/notes/00000000-0000-4000-8000-000000000000/review', { comment: '' }, org.adminToken), 404, 'not_found');
    expectError(await server.api.put(`/api/notes/${n.id}/review`, { comment: 5 }, org.adminToken), 400, 'validation_failed');
  });
});
