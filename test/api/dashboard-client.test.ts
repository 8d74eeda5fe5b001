// The dashboard's API client against the real server: what exists on this server today must work
// through it exactly as the browser will use it (sign-in, who am I, units, resources, policy).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createHttp } from '../../server/dashboard/api/http.ts';
import { endpoints } from '../../server/dashboard/api/endpoints.ts';
import { resumeSession, signIn, signOut } from '../../server/dashboard/api/session.ts';
import { startApiServer, TEST_ADMIN, type ApiServer } from '../support/api-server.ts';
import { seedOrganisation, PASSWORD } from '../support/organisation.ts';

let server: ApiServer;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeAll(async () => {
  server = await startApiServer();
  org = await seedOrganisation(server);
});
afterAll(() => server.close());

/** fetch with a cookie jar, as the browser has: the session cookie comes back on later requests. */
function browserLikeFetch(): typeof fetch {
  let cookie = '';
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (cookie !== '') headers.set('cookie', cookie);
    const res = await fetch(input, { ...init, headers });
    const set = res.headers.get('set-cookie');
    if (set !== null) cookie = set.split(';')[0]!;
    return res;
  };
}

function memoryStore() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

describe('dashboard client against the server', () => {
  it('signs a leader in, resumes the session in a reloaded page, and signs out', async () => {
    const fetch_ = browserLikeFetch();
    const tokens = memoryStore();
    const http = createHttp(server.url, fetch_);
    const user = await signIn(http, tokens, 'lead.office', PASSWORD);
    expect(user).toMatchObject({ id: org.people.leadOffice.user.id, role: 'leader' });

    const reloaded = createHttp(server.url, fetch_);
    expect(await resumeSession(reloaded, tokens)).toEqual(user);
    expect(await endpoints(reloaded).me()).toEqual(user);

    await signOut(reloaded, tokens);
    expect(await resumeSession(createHttp(server.url, fetch_), tokens)).toBeNull();
  });

  it('reads units, resources and the policy, validated by the shared schemas', async () => {
    const http = createHttp(server.url, browserLikeFetch());
    await signIn(http, memoryStore(), 'lead.office', PASSWORD);
    const api = endpoints(http);
    expect((await api.units()).map((u) => u.id)).toEqual(expect.arrayContaining([org.units.office.id, org.units.research.id]));
    const resources = await api.resources();
    expect(resources.map((r) => [r.id, r.active])).toEqual([
      [org.resources.theory.id, true],
      [org.resources.law.id, true],
    ]);
    expect((await api.policy()).resources).toHaveLength(2);
  });

  it('lets an admin add a resource that the policy then lists, and refuses a leader', async () => {
    const admin = createHttp(server.url, browserLikeFetch());
    await signIn(admin, memoryStore(), TEST_ADMIN.username, TEST_ADMIN.password);
    const created = await endpoints(admin).createResource({ name: '学习强国 Study', category: 'cppcc-theory', kind: 'video', patterns: ['https://study.example.net/*'] });
    expect((await endpoints(admin).policy()).resources.map((r) => r.id)).toContain(created.id);

    const leader = createHttp(server.url, browserLikeFetch());
    await signIn(leader, memoryStore(), 'lead.office', PASSWORD);
    await expect(endpoints(leader).createResource({ name: 'x', category: 'other', kind: 'reading', patterns: ['https://x.example/*'] })).rejects.toMatchObject({
      status: 403,
    });
  });

  it('reads every report and list the pages show, each answer valid by its shared schema (a device not yet synced included)', async () => {
    const staff = org.people.staffResearch;
    const at = (offsetMs: number) => new Date(server.nowMs + offsetMs).toISOString();
    const noteId = randomUUID();
    await server.api.post(
      '/api/sync',
      {
        deviceId: 'client-test-device',
        segments: [{ id: randomUUID(), resourceId: org.resources.theory.id, url: 'https://a.example.org/learn/1', title: 'T', startedAt: at(-3_600_000), endedAt: at(-600_000), mode: 'reading' }],
        notes: [{ id: noteId, url: 'https://a.example.org/learn/1', canonicalUrl: null, title: 'T', resourceId: org.resources.theory.id, selectors: [], quote: 'q', comment: 'c', tags: ['t'], colour: 'yellow', createdAt: at(-60_000), updatedAt: at(-60_000), deletedAt: null }],
        cursor: null,
      },
      staff.token,
    );
    await server.signIn(staff.user.username, PASSWORD); // a second extension, not synced yet
    const http = createHttp(server.url, browserLikeFetch());
    await signIn(http, memoryStore(), 'lead.office', PASSWORD);
    const api = endpoints(http);
    const range = { period: 'month' };
    const summary = await api.unitSummary(org.units.office.id, range);
    expect(summary.people.map((p) => p.username)).toContain(staff.user.username);
    expect((await api.people()).map((p) => p.id)).toContain(staff.user.id);
    const log = await api.personLog(staff.user.id, { from: summary.from, to: summary.to });
    expect(log.totalSeconds).toBe(3000);
    expect(await api.personSegments(staff.user.id, range)).toHaveLength(1);
    // One device synced (deviceId known), one signed in and never synced (deviceId null).
    expect((await api.devices(staff.user.id)).map((d) => d.deviceId).sort()).toEqual(['client-test-device', null]);
    const notes = await api.notes({ personId: staff.user.id });
    expect(notes.map((n) => n.note.id)).toEqual([noteId]);
    expect((await api.reviewNote(noteId, '已阅')).review?.comment).toBe('已阅');
    expect((await api.personXapi(staff.user.id, { from: summary.from, to: summary.to })).length).toBe(2);
    await expect(api.personalExport(staff.user.id)).rejects.toMatchObject({ status: 403 });

    const admin = createHttp(server.url, browserLikeFetch());
    await signIn(admin, memoryStore(), TEST_ADMIN.username, TEST_ADMIN.password);
    const adminApi = endpoints(admin);
    const settings = await adminApi.settings();
    expect(await adminApi.saveSettings({ ...settings, annualTargetHours: 60 })).toMatchObject({ annualTargetHours: 60 });
    expect((await adminApi.audit({ limit: 5 })).map((e) => e.action)).toContain('settings.update');
    expect((await adminApi.personalExport(staff.user.id)).person.id).toBe(staff.user.id);
  });
});
