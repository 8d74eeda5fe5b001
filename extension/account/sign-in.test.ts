// Signing in and out: what is stored, how failures are explained, and that unsent segments always
// stay with the account that recorded them.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Policy } from '../../shared/schemas/policy.ts';
import type { Segment } from '../../shared/schemas/sync.ts';
import { outboxItem, parkedItem, policyItem, sessionItem, trackerItem } from '../storage/items.ts';
import { ServerError, type ServerClient } from '../sync/server-client.ts';
import { createRecorder } from '../tracking/recorder.ts';
import { signIn, signOut, type AccountDeps } from './sign-in.ts';

const SERVER = 'http://127.0.0.1:8787';
const POLICY: Policy = {
  version: 3,
  resources: [
    { id: 'res-a', name: '网上政协学习专栏', category: 'cppcc-theory', kind: 'reading', patterns: ['http://127.0.0.1/learn/*'] },
    { id: 'res-b', name: '理论', category: 'political-theory', kind: 'video', patterns: ['https://*.example.org/v/*', 'https://*.example.org/w/*'] },
  ],
  settings: { idleSeconds: 90 },
};
const person = (id: string, name: string) => ({ id, username: `user.${id}`, name, role: 'staff' as const, unitId: 'unit1' });
const seg = (n: number): Segment => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  resourceId: 'res-a',
  url: `http://127.0.0.1/learn/${n}`,
  title: '',
  startedAt: '2026-01-05T00:00:00.000Z',
  endedAt: '2026-01-05T00:00:30.000Z',
  mode: 'reading',
});

function deps(login: ServerClient['login'], flush: AccountDeps['flush'] = async () => 'done'): AccountDeps {
  const client: ServerClient = { login, getPolicy: async () => POLICY, getPolicyIfChanged: vi.fn(), sync: vi.fn(), getLog: vi.fn(), checkIn: vi.fn(), getYearPlan: vi.fn(), getYearPlanProgress: vi.fn() };
  const now = () => Date.UTC(2026, 0, 5, 2, 0, 0);
  return { client, now, flush, recorder: createRecorder({ now, onSegmentsClosed: () => undefined }) };
}
const as = (id: string, name: string): ServerClient['login'] => async () => ({ token: `token-${id}`, user: person(id, name) });
const form = { server: `${SERVER}/`, username: 'zhang.wei', password: 'pw' };

describe('sign-in and sign-out', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.idle, 'setDetectionInterval').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.idle, 'queryState').mockResolvedValue('active');
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([]);
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
  });

  it('stores the session and the policy, applies the rules and lists the origins to request', async () => {
    const result = await signIn(deps(as('u1', '张伟')), form);
    expect(result).toEqual({
      user: person('u1', '张伟'),
      origins: ['http://127.0.0.1/*', 'https://*.example.org/*'],
    });
    expect(await sessionItem.getValue()).toEqual({ server: SERVER, token: 'token-u1', user: person('u1', '张伟'), needsSignIn: false });
    expect((await policyItem.getValue())?.policy).toEqual(POLICY);
    expect((await trackerItem.getValue()).rules).toEqual({
      resources: POLICY.resources.map((r) => ({ id: r.id, patterns: r.patterns })),
      idleSeconds: 90,
      mediaPresenceSeconds: 1800, // the policy names none: the default
    });
    expect(fakeBrowser.idle.setDetectionInterval).toHaveBeenCalledWith(90);
    const matches = ['http://127.0.0.1/learn/*', 'https://*.example.org/v/*', 'https://*.example.org/w/*'];
    expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenLastCalledWith([
      expect.objectContaining({ id: 'tracking-probe', matches }),
      expect.objectContaining({ id: 'studytrail-highlighter', matches }),
    ]);
  });

  it.each([
    ['bad credentials', new ServerError('unauthorized', 'nope', 401, 'bad_credentials'), 'bad_credentials'],
    ['an unreachable server', new ServerError('unreachable', 'Failed to fetch'), 'unreachable'],
    ['a server error', new ServerError('http', 'HTTP 500', 500), 'server_error'],
    ['something that is not a StudyTrail server', new ServerError('invalid-response', 'bad shape'), 'server_error'],
  ])('explains %s and stores nothing', async (_what, error, code) => {
    const login = async () => Promise.reject(error);
    await expect(signIn(deps(login), form)).rejects.toMatchObject({ name: 'BackgroundFailure', code });
    expect(await sessionItem.getValue()).toBeNull();
    expect(await policyItem.getValue()).toBeNull();
  });

  it('refuses a server address that is not an http(s) URL', async () => {
    const login = vi.fn(as('u1', '张伟'));
    await expect(signIn(deps(login), { ...form, server: 'st.example.org' })).rejects.toMatchObject({ code: 'invalid_server' });
    expect(login).not.toHaveBeenCalled();
  });

  it('refuses any server but the one the organisation\'s policy sets, before contacting it', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: 'https://st.example.org/' });
    const login = vi.fn(as('u1', '张伟'));
    await expect(signIn(deps(login), form)).rejects.toMatchObject({ code: 'managed_server' });
    expect(login).not.toHaveBeenCalled();
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('signs in to the managed server however its address is written', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: SERVER });
    expect((await signIn(deps(as('u1', '张伟')), form)).user).toEqual(person('u1', '张伟'));
    expect((await sessionItem.getValue())?.server).toBe(SERVER);
  });

  it('signs out cleanly when everything was sent', async () => {
    await signIn(deps(as('u1', '张伟')), form);
    vi.mocked(fakeBrowser.scripting.getRegisteredContentScripts).mockResolvedValue([{ id: 'tracking-probe', js: [], matches: ['http://127.0.0.1/learn/*'] }]);
    expect(await signOut(deps(as('u1', '张伟')))).toEqual({ keptCount: 0 });
    expect(await sessionItem.getValue()).toBeNull();
    expect(await policyItem.getValue()).toBeNull();
    expect((await trackerItem.getValue()).rules).toBeNull();
    expect(await parkedItem.getValue()).toEqual([]);
    expect(fakeBrowser.scripting.unregisterContentScripts).toHaveBeenCalledWith({ ids: ['tracking-probe'] });
  });

  it('flushes before signing out and keeps what could not be sent for the same person only', async () => {
    await signIn(deps(as('u1', '张伟')), form);
    await outboxItem.setValue([seg(1), seg(2)]);
    const flush = vi.fn<AccountDeps['flush']>(async () => 'failed');
    expect(await signOut(deps(as('u1', '张伟'), flush))).toEqual({ keptCount: 2 });
    expect(flush).toHaveBeenCalledWith({ force: true });
    expect(await outboxItem.getValue()).toEqual([]);

    await signIn(deps(as('u2', '李娜')), form);
    expect(await outboxItem.getValue()).toEqual([]);
    await signOut(deps(as('u2', '李娜')));

    await signIn(deps(as('u1', '张伟')), form);
    expect(await outboxItem.getValue()).toEqual([seg(1), seg(2)]);
    expect(await parkedItem.getValue()).toEqual([]);
  });

  it('parks the previous account\'s unsent segments when another person signs in over it', async () => {
    await signIn(deps(as('u1', '张伟')), form);
    await outboxItem.setValue([seg(1)]);
    await sessionItem.setValue({ ...(await sessionItem.getValue())!, needsSignIn: true });
    await signIn(deps(as('u2', '李娜')), form);
    expect(await outboxItem.getValue()).toEqual([]);
    expect((await parkedItem.getValue()).map((p) => p.segments)).toEqual([[seg(1)]]);
  });

  it('keeps the outbox when the same person signs in again after their token expired', async () => {
    await signIn(deps(as('u1', '张伟')), form);
    await outboxItem.setValue([seg(1)]);
    await sessionItem.setValue({ ...(await sessionItem.getValue())!, needsSignIn: true });
    await signIn(deps(as('u1', '张伟')), form);
    expect(await outboxItem.getValue()).toEqual([seg(1)]);
    expect((await sessionItem.getValue())?.needsSignIn).toBe(false);
  });
});
