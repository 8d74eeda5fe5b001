// What the background asks of the tracking probe (the content script on designated pages). The probe
// answers nothing; it reports to the background through the background protocol (its part in
// probe-reports.ts). Beside the engine's presence effects, which send it.
import { browser } from 'wxt/browser';

export type ProbeRequest =
  /** Show the "are you still studying?" question. */
  | { readonly type: 'askPresence' }
  /** Take the question away (answered elsewhere, or the time to answer is over). */
  | { readonly type: 'dismissPresence' };

/** The probe's check of what arrives (it carries no validation library, to stay small). */
export function isProbeRequest(message: unknown): message is ProbeRequest {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'askPresence' || type === 'dismissPresence';
}

/** Sends to the probe in a tab; a tab without one (closed, not loaded yet) is not an error. */
export async function sendToProbe(tabId: number, request: ProbeRequest): Promise<void> {
  await browser.tabs.sendMessage(tabId, request).catch(() => undefined);
}
