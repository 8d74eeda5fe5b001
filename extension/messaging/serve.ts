// Receives messages in the background: validates each one, routes it to its handler and always replies,
// with the value or with a failure code. Only the extension's own pages may call.
import { browser, type Browser } from 'wxt/browser';
import { backgroundRequestSchema, BackgroundFailure, type Handlers, type Reply } from './protocol.ts';

export async function handleMessage(handlers: Handlers, message: unknown): Promise<Reply<unknown>> {
  const parsed = backgroundRequestSchema.safeParse(message);
  if (!parsed.success) return { ok: false, code: 'invalid_request', message: parsed.error.message };
  const request = parsed.data;
  try {
    // The schema and the Handlers type list the same request types; TS cannot correlate the union.
    const handler = handlers[request.type] as (r: typeof request) => Promise<unknown>;
    return { ok: true, value: await handler(request) };
  } catch (error) {
    if (error instanceof BackgroundFailure) return { ok: false, code: error.code, message: error.message };
    console.error('[studytrail] background handler failed', error);
    return { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Registers the one message listener of the background. Call while the worker starts. */
export function serveMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
      if (sender.id !== browser.runtime.id) return false;
      void handleMessage(handlers, message).then(sendResponse);
      // Keeps the channel open for the asynchronous reply (Chrome does not accept a returned promise everywhere).
      return true;
    },
  );
}
