// Which content scripts run where, registered at run time from the policy: the highlighter on every
// designated resource, and nowhere else unless the person explicitly asks (activeTab, commands.ts).
// Kept as a list so the tracking content script can join it (one registration for every script).
import { browser, type Browser } from 'wxt/browser';
import type { Policy } from '../../shared/schemas/policy.ts';

export const HIGHLIGHTER_SCRIPT_ID = 'studytrail-highlighter';
/** Where WXT puts the built highlighter (entrypoints/highlights.content.ts). */
export const HIGHLIGHTER_SCRIPT_FILE = '/content-scripts/highlights.js';

type ScriptRegistration = Browser.scripting.RegisteredContentScript;

/** The scripts this policy calls for: none without a policy or without designated resources. */
export function contentScriptsFor(policy: Policy | null): ScriptRegistration[] {
  const matches = [...new Set((policy?.resources ?? []).flatMap((r) => r.patterns))].sort();
  if (matches.length === 0) return [];
  return [
    {
      id: HIGHLIGHTER_SCRIPT_ID,
      js: [HIGHLIGHTER_SCRIPT_FILE],
      matches,
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ];
}

const OUR_IDS = [HIGHLIGHTER_SCRIPT_ID];

// Registrations run one at a time: two overlapping ones would both try to register the same id.
let queue: Promise<unknown> = Promise.resolve();

/** Replaces our registered scripts with those the policy calls for (idempotent). */
export function registerContentScripts(policy: Policy | null): Promise<void> {
  const run = queue.then(() => replaceRegistrations(policy));
  queue = run.catch((error) => console.warn('[studytrail] content script registration failed', error));
  return run;
}

async function replaceRegistrations(policy: Policy | null): Promise<void> {
  const wanted = contentScriptsFor(policy);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: OUR_IDS });
  if (JSON.stringify(normalise(existing)) === JSON.stringify(normalise(wanted))) return;
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (wanted.length > 0) await browser.scripting.registerContentScripts(wanted);
}

function normalise(scripts: readonly ScriptRegistration[]) {
  return scripts.map((s) => ({ id: s.id, js: s.js, matches: [...(s.matches ?? [])].sort() })).sort((a, b) => a.id.localeCompare(b.id));
}
