// Receives messages in the background: checks who sent each one, validates it, routes it to its handler
// and always replies, with the value or with a failure code. Only this extension's own pages and its
// content scripts can reach it at all (no externally_connectable); REQUEST_SENDERS says which may ask what.
import { browser, type Browser } from 'wxt/browser';
import { BackgroundFailure, type Reply } from '../rpc/failure.ts';
import type { SenderInfo } from '../rpc/handler-map.ts';
import { backgroundRequestSchema, REQUEST_SENDERS, type Handlers } from './protocol.ts';

export type SenderKind = 'extension-page' | 'content-script';

/** What kind of sender this is, from what the browser says about it; null for anything else. */
export function senderKind(
  sender: { readonly id?: string; readonly url?: string; readonly tab?: { readonly id?: number } },
  extensionId: string,
  extensionBaseUrl: string,
): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionBaseUrl)) return 'extension-page';
  return sender.tab?.id !== undefined ? 'content-script' : null;
}

export async function handleMessage(
  handlers: Handlers,
  message: unknown,
  from: SenderKind = 'extension-page',
  sender: SenderInfo = {},
): Promise<Reply<unknown>> {
  const parsed = backgroundRequestSchema.safeParse(message);
  if (!parsed.success) return { ok: false, code: 'invalid_request', message: parsed.error.message };
  const request = parsed.data;
  if (!REQUEST_SENDERS[request.type].includes(from)) {
    return { ok: false, code: 'forbidden', message: `${request.type} may not be sent from a ${from}` };
  }
  try {
    // The schema and the Handlers type list the same request types; TS cannot correlate the union.
    const handler = handlers[request.type] as (r: typeof request, s: SenderInfo) => Promise<unknown>;
    return { ok: true, value: await handler(request, sender) };
  } catch (error) {
    if (error instanceof BackgroundFailure) return { ok: false, code: error.code, message: error.message };
    console.error('[studytrail] background handler failed', error);
    return { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Registers the one message listener of the background. Call while the worker starts. */
export function serveMessages(handlers: Handlers): void {
  const baseUrl = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
      const kind = senderKind(sender, browser.runtime.id, baseUrl);
      if (kind === null) return false;
      void handleMessage(handlers, message, kind, { tabId: sender.tab?.id }).then(sendResponse);
      // Keeps the channel open for the asynchronous reply (Chrome does not accept a returned promise everywhere).
      return true;
    },
  );
}
