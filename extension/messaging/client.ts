// How the extension's pages talk to the background: one typed call per request of the protocol.
import { browser } from 'wxt/browser';
import type { Reply } from '../rpc/failure.ts';
import type { BackgroundProtocol, BackgroundRequestType, RequestOf } from './protocol.ts';

export async function callBackground<K extends BackgroundRequestType>(
  request: RequestOf<K>,
): Promise<Reply<BackgroundProtocol[K]['response']>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<BackgroundProtocol[K]['response']> | undefined;
    // No reply means the worker died mid-request; the page can simply ask again.
    return reply ?? { ok: false, code: 'internal', message: 'no reply from the background' };
  } catch (error) {
    return { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) };
  }
}
