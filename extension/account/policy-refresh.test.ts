// Policy refresh: conditional on the ETag held, applied only when the policy changed, and triggered by
// a newer version named in a sync answer.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Policy } from '../../shared/schemas/policy.ts';
import { policyItem, sessionItem, trackerItem } from '../storage/items.ts';
import type { ServerClient } from '../sync/server-client.ts';
import { createRecorder } from '../tracking/recorder.ts';
import { refreshIfNewer, refreshPolicy } from './policy-refresh.ts';

const POLICY: Policy = {
  version: 4,
  resources: [{ id: 'res-a', name: 'A', category: 'other', kind: 'video', patterns: ['https://v.example.org/*'] }],
  settings: { idleSeconds: 60, mediaPresenceSeconds: 900 },
};

function deps(getPolicyIfChanged: ServerClient['getPolicyIfChanged']) {
  const client: ServerClient = { login: vi.fn(), getPolicy: vi.fn(), getPolicyIfChanged: vi.fn(getPolicyIfChanged), sync: vi.fn(), getLog: vi.fn(), checkIn: vi.fn(), getYearPlan: vi.fn(), getYearPlanProgress: vi.fn() };
  const now = () => 1_000;
  return { client, now, recorder: createRecorder({ now, onSegmentsClosed: () => undefined }) };
}

describe('policy refresh', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.spyOn(fakeBrowser.idle, 'setDetectionInterval').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.idle, 'queryState').mockResolvedValue('active');
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([]);
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    await sessionItem.setValue({
      server: 'https://st.example.org',
      token: 't',
      user: { id: 'u1', username: 'zhang.wei', name: '张伟', role: 'staff', unitId: 'unit1' },
      needsSignIn: false,
    });
  });

  it('stores a changed policy with its ETag and applies it (rules and content scripts)', async () => {
    const d = deps(async () => ({ changed: true, policy: POLICY, etag: '"p4"' }));
    expect(await refreshPolicy(d)).toBe('updated');
    expect(d.client.getPolicyIfChanged).toHaveBeenCalledWith('https://st.example.org', 't', null);
    expect(await policyItem.getValue()).toEqual({ policy: POLICY, fetchedAt: 1_000, etag: '"p4"' });
    expect((await trackerItem.getValue()).rules?.mediaPresenceSeconds).toBe(900);
    expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalled();
  });

  it('sends the ETag held, and a 304 changes nothing', async () => {
    await policyItem.setValue({ policy: POLICY, fetchedAt: 5, etag: '"p4"' });
    const d = deps(async () => ({ changed: false }));
    expect(await refreshPolicy(d)).toBe('unchanged');
    expect(d.client.getPolicyIfChanged).toHaveBeenCalledWith('https://st.example.org', 't', '"p4"');
    expect(await policyItem.getValue()).toEqual({ policy: POLICY, fetchedAt: 5, etag: '"p4"' });
    expect(fakeBrowser.scripting.registerContentScripts).not.toHaveBeenCalled();
  });

  it('refetches when a sync answer names another version, and not when it names the one held', async () => {
    await policyItem.setValue({ policy: POLICY, fetchedAt: 5, etag: '"p4"' });
    const d = deps(async () => ({ changed: true, policy: { ...POLICY, version: 5 }, etag: '"p5"' }));
    expect(await refreshIfNewer(d, 4)).toBe('current');
    expect(d.client.getPolicyIfChanged).not.toHaveBeenCalled();
    expect(await refreshIfNewer(d, 5)).toBe('updated');
    expect((await policyItem.getValue())?.policy.version).toBe(5);
  });
});
