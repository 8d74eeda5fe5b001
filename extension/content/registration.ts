// The content scripts that run on designated pages, and only there: registered at run time for the
// current policy's patterns (never declared in the manifest for every site), and re-registered when the
// policy changes. Runs in the service worker.
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { Policy } from '../../shared/schemas/policy.ts';

/** Where WXT puts the built highlighter (entrypoints/highlights.content.ts). */
export const HIGHLIGHTER_SCRIPT_FILE = '/content-scripts/highlights.js' satisfies ScriptPublicPath;

/** Every script injected into designated pages. Add a script here to have it follow the policy too. */
export const DESIGNATED_PAGE_SCRIPTS: readonly { readonly id: string; readonly file: ScriptPublicPath }[] = [
  // Reports visibility, input and media to the tracking engine; shows the presence question.
  { id: 'tracking-probe', file: '/content-scripts/tracking-probe.js' },
  // Re-shows the person's highlights and offers clipping (also injected on request elsewhere: commands.ts).
  { id: 'studytrail-highlighter', file: HIGHLIGHTER_SCRIPT_FILE },
];

/** The policy's match patterns, distinct and sorted: where the scripts run. */
export function designatedMatches(policy: Policy | null): string[] {
  return [...new Set(policy?.resources.flatMap((r) => r.patterns) ?? [])].sort();
}

/**
 * Makes the registered scripts match the policy (none without one). Pages already open on a designated
 * resource get the scripts at once, so they need no reload.
 */
export function syncDesignatedPageScripts(policy: Policy | null): Promise<void> {
  const run = queue.then(() => replaceRegistrations(policy));
  queue = run.catch(() => undefined);
  return run;
}

// Registrations run one at a time: two overlapping ones would both try to register the same ids.
let queue: Promise<unknown> = Promise.resolve();

async function replaceRegistrations(policy: Policy | null): Promise<void> {
  const matches = designatedMatches(policy);
  const ids = DESIGNATED_PAGE_SCRIPTS.map((s) => s.id);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids });
  const current = registered.length === ids.length && registered.every((r) => sameList(r.matches ?? [], matches));
  if (current) return;
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: registered.map((r) => r.id) });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts(
    DESIGNATED_PAGE_SCRIPTS.map((s) => ({
      id: s.id,
      js: [s.file],
      matches,
      runAt: 'document_idle' as const,
      allFrames: false,
      persistAcrossSessions: true,
    })),
  );
  await injectIntoOpenPages(matches);
}

async function injectIntoOpenPages(matches: string[]): Promise<void> {
  // Only tabs the person granted access to are listed: exactly the designated pages.
  const tabs = await browser.tabs.query({ url: matches }).catch(() => []);
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    const files = DESIGNATED_PAGE_SCRIPTS.map((s) => s.file);
    // Each script guards against running twice; a tab that closed meanwhile is no error worth a word.
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files }).catch(() => undefined);
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((x, i) => x === b[i]);
}
