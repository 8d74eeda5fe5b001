// Turns what the tracking probe (the content script on designated pages) reports into engine signals,
// for the handler map. Its tab comes from the browser's sender information, never from the message
// itself.
import type { SenderInfo } from '../rpc/handler-map.ts';
import type { ProbeReportOf } from './probe-reports.ts';
import type { Signal } from './types.ts';

export function pageStateSignal(request: ProbeReportOf<'pageState'>, sender: SenderInfo): Signal | null {
  if (sender.tabId === undefined) return null;
  const { url, visible, mediaPlaying, lastInputAt } = request;
  return { type: 'pageReported', tabId: sender.tabId, report: { url, visible, mediaPlaying, lastInputAt } };
}

export function clockJumpedSignal(request: ProbeReportOf<'clockJumped'>): Signal {
  return { type: 'clockJumped', from: request.from, to: request.to };
}
