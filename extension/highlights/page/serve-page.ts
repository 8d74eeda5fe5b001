// The content script's message listener: only the extension itself may ask, every request is validated.
import { browser, type Browser } from 'wxt/browser';
import type { Highlighter } from './highlighter.ts';
import { pageRequestSchema } from './page-protocol.ts';

export function servePage(highlighter: Highlighter): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return false;
    const parsed = pageRequestSchema.safeParse(message);
    if (!parsed.success) return false;
    const request = parsed.data;
    switch (request.type) {
      case 'highlights.ping':
        sendResponse(true);
        return false;
      case 'highlights.clip':
        sendResponse(highlighter.clipSelection(request.withComment));
        return false;
      case 'highlights.status':
        sendResponse(highlighter.status());
        return false;
      case 'highlights.scrollTo':
        sendResponse(highlighter.scrollTo(request.id));
        return false;
    }
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
