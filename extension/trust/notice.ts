// The first-run notice (notice.html): opened once when the extension is installed, and from the popup.
import { browser } from 'wxt/browser';

export const NOTICE_PAGE = '/notice.html';

/**
 * Retention of records on the server when the organisation has not set its own (the server's
 * `retentionDays` setting defaults to the same figure).
 */
export const DEFAULT_RETENTION_DAYS = 400;

export async function openNotice(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(NOTICE_PAGE) });
}

/** runtime.onInstalled listener: a new install opens the notice; updates and reloads do not. */
export function openNoticeOnInstall(details: { reason: string }): void {
  if (details.reason === 'install') void openNotice();
}
