// Content scripts follow the policy: registered for its patterns only, re-registered when they change,
// removed without a policy, and injected into designated pages that are already open.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { Policy } from '../../shared/schemas/policy.ts';
import { DESIGNATED_PAGE_SCRIPTS, designatedMatches, syncDesignatedPageScripts } from './registration.ts';

const policy = (patterns: string[][]): Policy => ({
  version: 1,
  resources: patterns.map((p, i) => ({ id: `r${i}`, name: `R${i}`, category: 'other', kind: 'reading', patterns: p })),
  settings: { idleSeconds: 120 },
});

describe('designated page scripts', () => {
  // The fake's own type for a registered script (the polyfill's), which the spies must return.
  type Registered = Awaited<ReturnType<typeof fakeBrowser.scripting.getRegisteredContentScripts>>[number];
  let registered: Registered[];

  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    registered = [];
    const s = fakeBrowser.scripting;
    vi.spyOn(s, 'getRegisteredContentScripts').mockImplementation(async (filter) =>
      registered.filter((r) => filter?.ids?.includes(r.id) ?? true),
    );
    vi.spyOn(s, 'registerContentScripts').mockImplementation(async (scripts) => {
      registered.push(...scripts);
    });
    vi.spyOn(s, 'unregisterContentScripts').mockImplementation(async (filter) => {
      registered = registered.filter((r) => !filter?.ids?.includes(r.id));
    });
    vi.spyOn(s, 'executeScript').mockResolvedValue([]);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4 } as Browser.tabs.Tab]);
  });

  it('matches exactly the policy\'s patterns, each once', () => {
    expect(designatedMatches(policy([['https://b.example.org/*', 'https://a.example.org/x/*'], ['https://b.example.org/*']]))).toEqual([
      'https://a.example.org/x/*',
      'https://b.example.org/*',
    ]);
    expect(designatedMatches(null)).toEqual([]);
  });

  it('registers every script for the designated patterns only, and injects into open designated pages', async () => {
    await syncDesignatedPageScripts(policy([['https://a.example.org/learn/*']]));
    expect(registered).toEqual(
      DESIGNATED_PAGE_SCRIPTS.map((s) => expect.objectContaining({ id: s.id, js: [s.file], matches: ['https://a.example.org/learn/*'], allFrames: false })),
    );
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ url: ['https://a.example.org/learn/*'] });
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 4 }, files: DESIGNATED_PAGE_SCRIPTS.map((s) => s.file) });
  });

  it('leaves a registration that already matches the policy alone', async () => {
    await syncDesignatedPageScripts(policy([['https://a.example.org/*']]));
    await syncDesignatedPageScripts(policy([['https://a.example.org/*']]));
    expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('follows a changed policy, and unregisters everything without one', async () => {
    await syncDesignatedPageScripts(policy([['https://a.example.org/*']]));
    await syncDesignatedPageScripts(policy([['https://a.example.org/*'], ['https://c.example.org/*']]));
    expect(registered.map((r) => r.matches)).toEqual(DESIGNATED_PAGE_SCRIPTS.map(() => ['https://a.example.org/*', 'https://c.example.org/*']));
    await syncDesignatedPageScripts(null);
    expect(registered).toEqual([]);
  });
});
