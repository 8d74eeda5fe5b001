// Turns what the tracking probe (the content script on designated pages) reports into engine signals,
// for the handler map. Its tab comes from the browser's sender information, never from the message
// itself. Here, not in tracking/, because it reads the protocol: the engine never imports messaging/.
import type { RequestOf, SenderInfo } from './protocol.ts';
import type { Signal } from '../tracking/types.ts';

export function pageStateSignal(request: RequestOf<'pageState'>, sender: SenderInfo): Signal | null {
  if (sender.tabId === undefined) return null;
  const { url, visible, mediaPlaying, lastInputAt } = request;
  return { type: 'pageReported', tabId: sender.tabId, report: { url, visible, mediaPlaying, lastInputAt } };
}

export function clockJumpedSignal(request: RequestOf<'clockJumped'>): Signal {
  return { type: 'clockJumped', from: request.from, to: request.to };
}
