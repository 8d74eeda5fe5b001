// Flushing the outbox against a fake server: batches, verdicts, backoff and the 401 rule.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Segment, SyncRequest, SyncResponse } from '../../shared/schemas/sync.ts';
import { offeredItem, outboxItem, rejectedItem, sessionItem, syncStatusItem } from '../storage/items.ts';
import { flushOutbox } from './flush.ts';
import { markSignInNeeded } from '../account/needs-sign-in.ts';
import { createServerClient, ServerError, type ServerClient } from './server-client.ts';

const seg = (n: number): Segment => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  resourceId: 'res-a',
  url: `https://learn.example.org/a/${n}`,
  title: '',
  startedAt: '2026-01-05T00:00:00.000Z',
  endedAt: '2026-01-05T00:00:30.000Z',
  mode: 'reading',
});
const T0 = 1_760_000_000_000;

function fakeClient(sync: (body: SyncRequest) => Promise<SyncResponse>): ServerClient & { sync: ReturnType<typeof vi.fn> } {
  return {
    login: vi.fn(),
    getPolicy: vi.fn(),
    getPolicyIfChanged: vi.fn(),
    getLog: vi.fn(),
    checkIn: vi.fn(),
    getYearPlan: vi.fn(),
    getYearPlanProgress: vi.fn(),
    sync: vi.fn((_server: string, _token: string, body: SyncRequest) => sync(body)),
  };
}

async function signedIn(outbox: Segment[]) {
  await sessionItem.setValue({
    server: 'https://st.example.org',
    token: 'token-1',
    user: { id: 'u1', username: 'zhang.wei', name: '张伟', role: 'staff', unitId: 'unit1' },
    needsSignIn: false,
  });
  await outboxItem.setValue(outbox);
}

const acceptAll = async (body: SyncRequest): Promise<SyncResponse> => ({ accepted: body.segments.map((s) => s.id), rejected: [] });

describe('flushOutbox', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends the outbox in batches of at most 500 and empties it', async () => {
    await signedIn(Array.from({ length: 1201 }, (_, i) => seg(i + 1)));
    const client = fakeClient(acceptAll);
    expect(await flushOutbox({ client, now: () => T0 })).toBe('done');
    expect(client.sync.mock.calls.map((c) => (c[2] as SyncRequest).segments.length)).toEqual([500, 500, 201]);
    expect(client.sync.mock.calls[0]![0]).toBe('https://st.example.org');
    expect(client.sync.mock.calls[0]![1]).toBe('token-1');
    expect(await outboxItem.getValue()).toEqual([]);
    expect((await syncStatusItem.getValue()).lastSyncAt).toBe(T0);
  });

  it('removes rejected segments but remembers why they were refused', async () => {
    await signedIn([seg(1), seg(2)]);
    const client = fakeClient(async () => ({
      accepted: [seg(1).id],
      rejected: [{ id: seg(2).id, code: 'too_old', message: 'older than allowed' }],
    }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await flushOutbox({ client, now: () => T0 });
    expect(await outboxItem.getValue()).toEqual([]);
    expect(await rejectedItem.getValue()).toEqual([{ id: seg(2).id, code: 'too_old', message: 'older than allowed', at: T0 }]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('too_old'));
  });

  it('keeps the outbox and backs off when the server is unreachable', async () => {
    await signedIn([seg(1)]);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = fakeClient(async () => {
      throw new ServerError('unreachable', 'Failed to fetch');
    });
    let now = T0;
    expect(await flushOutbox({ client, now: () => now, random: () => 0 })).toBe('failed');
    expect(await outboxItem.getValue()).toEqual([seg(1)]);
    const status = await syncStatusItem.getValue();
    expect(status).toMatchObject({ failures: 1, lastError: 'Failed to fetch' });
    expect(status.nextAttemptAt).toBeGreaterThan(T0);

    now = T0 + 1000;
    expect(await flushOutbox({ client, now: () => now })).toBe('waiting');
    expect(client.sync).toHaveBeenCalledTimes(1);
    expect(await flushOutbox({ client, now: () => now }, { force: true })).toBe('failed');
    expect((await syncStatusItem.getValue()).failures).toBe(2);
  });

  it('on 401 keeps the outbox, marks the session (through the real client) and stops sending', async () => {
    await signedIn([seg(1)]);
    const fetchFn = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'unauthenticated', message: 'token expired' } }), { status: 401 }));
    const client = createServerClient({ fetch: fetchFn, onTokenRefused: markSignInNeeded });
    expect(await flushOutbox({ client, now: () => T0 })).toBe('unauthorized');
    expect((await sessionItem.getValue())?.needsSignIn).toBe(true);
    expect(await outboxItem.getValue()).toEqual([seg(1)]);
    expect(await syncStatusItem.getValue()).toMatchObject({ failures: 0 });
    expect(await flushOutbox({ client, now: () => T0 }, { force: true })).toBe('signed-out');
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it('backs off instead of looping when the server settles none of the batch', async () => {
    await signedIn([seg(1)]);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = fakeClient(async () => ({ accepted: [], rejected: [] }));
    expect(await flushOutbox({ client, now: () => T0 })).toBe('failed');
    expect(client.sync).toHaveBeenCalledTimes(1);
    expect(await outboxItem.getValue()).toEqual([seg(1)]);
  });

  it('remembers what was offered while the answer is outstanding, and forgets it once settled', async () => {
    await signedIn([seg(1), seg(2)]);
    const offeredDuringRequest: string[][] = [];
    const client = fakeClient(async () => {
      offeredDuringRequest.push(await offeredItem.getValue());
      return { accepted: [seg(1).id], rejected: [] };
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await flushOutbox({ client, now: () => T0 });
    expect(offeredDuringRequest[0]).toEqual([seg(1).id, seg(2).id]);
    // seg(2) got no verdict: it stays in the outbox and stays offered (the server may hold it).
    expect(await outboxItem.getValue()).toEqual([seg(2)]);
    expect(await offeredItem.getValue()).toEqual([seg(2).id]);
  });

  it('keeps segments offered when the answer never arrives', async () => {
    await signedIn([seg(1)]);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = fakeClient(async () => {
      throw new ServerError('unreachable', 'connection reset');
    });
    await flushOutbox({ client, now: () => T0 });
    expect(await offeredItem.getValue()).toEqual([seg(1).id]);
  });

  it('passes the server\'s policy version on, so a changed policy is fetched', async () => {
    await signedIn([seg(1)]);
    const onPolicyVersion = vi.fn();
    const client = fakeClient(async (body) => ({ accepted: body.segments.map((s) => s.id), rejected: [], policyVersion: 7 }));
    await flushOutbox({ client, now: () => T0, onPolicyVersion });
    expect(onPolicyVersion).toHaveBeenCalledWith(7);
  });

  it('sends nothing while signed out', async () => {
    await outboxItem.setValue([seg(1)]);
    const client = fakeClient(acceptAll);
    expect(await flushOutbox({ client, now: () => T0 })).toBe('signed-out');
    expect(client.sync).not.toHaveBeenCalled();
  });
});
