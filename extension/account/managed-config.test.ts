// Managed settings: valid values are taken (the address normalised), anything unusable is ignored,
// and a browser without a managed area or without a policy reads as "no policy".
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NO_MANAGED_CONFIG, parseManagedConfig, readManagedConfig } from './managed-config.ts';

describe('parseManagedConfig', () => {
  it('takes both settings, normalising the address like the sign-in form does', () => {
    expect(parseManagedConfig({ serverUrl: ' https://st.example.org/ ', organisationName: ' 市政协机关 ' })).toEqual({
      serverUrl: 'https://st.example.org',
      organisationName: '市政协机关',
    });
  });

  it('keeps a path under which the server is published', () => {
    expect(parseManagedConfig({ serverUrl: 'https://intranet.example.org/studytrail/' }).serverUrl).toBe(
      'https://intranet.example.org/studytrail',
    );
  });

  it.each([
    ['nothing', {}],
    ['an empty address', { serverUrl: '  ' }],
    ['an address that is not http(s)', { serverUrl: 'ftp://st.example.org' }],
    ['a value that is not text', { serverUrl: 42, organisationName: ['x'] }],
  ])('ignores %s', (_what, raw) => {
    expect(parseManagedConfig(raw)).toEqual(NO_MANAGED_CONFIG);
  });

  it('keeps a valid name when the address is unusable', () => {
    expect(parseManagedConfig({ serverUrl: 'nonsense', organisationName: '办公室' })).toEqual({
      serverUrl: null,
      organisationName: '办公室',
    });
  });
});

describe('readManagedConfig', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what the policy put in managed storage', async () => {
    await fakeBrowser.storage.managed.set({ serverUrl: 'http://10.0.0.5:8787', organisationName: '市政协机关' });
    expect(await readManagedConfig()).toEqual({ serverUrl: 'http://10.0.0.5:8787', organisationName: '市政协机关' });
  });

  it('reads no policy as no managed settings', async () => {
    expect(await readManagedConfig()).toEqual(NO_MANAGED_CONFIG);
  });

  it('treats a rejected read (Firefox without a policy) as no managed settings', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    expect(await readManagedConfig()).toEqual(NO_MANAGED_CONFIG);
  });
});
