// Shows and takes away the presence question in the page, following the engine's state: asked when a
// question appears, dismissed when it is answered, given up, or replaced.
import { sendToProbe, type ProbeRequest } from './probe-protocol.ts';
import type { TrackerState } from '../storage/tracker-state.ts';

export function presenceRequests(before: TrackerState, after: TrackerState): { tabId: number; request: ProbeRequest }[] {
  const was = before.presence !== null && !before.presence.unanswered ? before.presence : null;
  const is = after.presence !== null && !after.presence.unanswered ? after.presence : null;
  if (was?.askedAt === is?.askedAt) return [];
  const requests: { tabId: number; request: ProbeRequest }[] = [];
  if (was !== null) requests.push({ tabId: was.tabId, request: { type: 'dismissPresence' } });
  if (is !== null) requests.push({ tabId: is.tabId, request: { type: 'askPresence' } });
  return requests;
}

export async function showPresence(before: TrackerState, after: TrackerState): Promise<void> {
  for (const { tabId, request } of presenceRequests(before, after)) await sendToProbe(tabId, request);
}
