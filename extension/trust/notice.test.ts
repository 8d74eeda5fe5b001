// The notice opens by itself exactly once, on a new install; never on an update or a browser update.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NOTICE_PAGE, openNoticeOnInstall } from './notice.ts';

describe('openNoticeOnInstall', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('opens the notice page in a tab on a new install', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    openNoticeOnInstall({ reason: 'install' });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]![0].url).toBe(fakeBrowser.runtime.getURL(NOTICE_PAGE));
  });

  it.each(['update', 'browser_update', 'chrome_update', 'shared_module_update'])('stays closed on %s', async (reason) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    openNoticeOnInstall({ reason });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(create).not.toHaveBeenCalled();
  });
});
