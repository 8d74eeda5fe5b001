// Clipping on request, on any http(s) page: the context-menu items and the keyboard command. Either
// gesture grants activeTab for the tab, which lets us inject the highlighter there if it is not running.
import { browser, type Browser } from 'wxt/browser';
import { t } from '../i18n/t.ts';
import { HIGHLIGHTER_SCRIPT_FILE } from '../content/registration.ts';
import type { PageProtocol } from './page/page-protocol.ts';

export const CLIP_MENU_ID = 'studytrail-clip';
export const CLIP_WITH_COMMENT_MENU_ID = 'studytrail-clip-with-comment';
/** Declared in the manifest (wxt.config.ts) with its suggested keys. */
export const CLIP_COMMAND = 'clip-selection';

/** Creates the menu items; call on install and on browser start (Chrome keeps them, others may not). */
export async function createClipMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  const documentUrlPatterns = ['http://*/*', 'https://*/*'];
  browser.contextMenus.create({ id: CLIP_MENU_ID, title: t('clipMenu'), contexts: ['selection'], documentUrlPatterns });
  browser.contextMenus.create({ id: CLIP_WITH_COMMENT_MENU_ID, title: t('clipWithCommentMenu'), contexts: ['selection'], documentUrlPatterns });
}

async function send<K extends keyof PageProtocol>(tabId: number, request: PageProtocol[K]['request']): Promise<PageProtocol[K]['response'] | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, request)) as PageProtocol[K]['response'];
  } catch {
    return undefined; // no highlighter in the tab
  }
}

/** Asks the tab's highlighter to clip its selection, injecting the highlighter first if needed. */
export async function clipInTab(tab: Browser.tabs.Tab | undefined, withComment: boolean): Promise<boolean> {
  if (tab?.id === undefined || !/^https?:/.test(tab.url ?? '')) return false;
  if ((await send<'highlights.ping'>(tab.id, { type: 'highlights.ping' })) !== true) {
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [HIGHLIGHTER_SCRIPT_FILE] });
  }
  return (await send<'highlights.clip'>(tab.id, { type: 'highlights.clip', withComment })) === true;
}

/** Registers the listeners; call synchronously when the worker starts. */
export function listenForClipRequests(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CLIP_MENU_ID || info.menuItemId === CLIP_WITH_COMMENT_MENU_ID) {
      void clipInTab(tab, info.menuItemId === CLIP_WITH_COMMENT_MENU_ID).catch((e) => console.warn('[studytrail] clip failed', e));
    }
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CLIP_COMMAND) void clipInTab(tab, false).catch((e) => console.warn('[studytrail] clip failed', e));
  });
}
