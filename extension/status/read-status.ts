// Assembles what the popup and options page show: who is signed in, whether time counts right now (and
// why not), today's and this week's counted time on this browser and how sending is going.
import { browser } from 'wxt/browser';
import {
  dailyTotalItem,
  outboxItem,
  policyItem,
  rejectedItem,
  sessionItem,
  syncStatusItem,
  trackerItem,
} from '../storage/items.ts';
import { organisationZone } from '../account/organisation-zone.ts';
import { secondsCountedThisWeek, secondsCountedToday } from '../tracking/daily-total.ts';
import { countingStatus } from '../tracking/counting.ts';
import { originsForPolicy } from '../tracking/rules.ts';
import type { Status } from '../messaging/protocol.ts';

export async function readStatus(nowMs: number): Promise<Status> {
  const [session, stored, tracker, total, outbox, rejected, sync] = await Promise.all([
    sessionItem.getValue(),
    policyItem.getValue(),
    trackerItem.getValue(),
    dailyTotalItem.getValue(),
    outboxItem.getValue(),
    rejectedItem.getValue(),
    syncStatusItem.getValue(),
  ]);
  const open = tracker.open;
  const timeZone = organisationZone(stored);
  const missingOrigins: string[] = [];
  for (const origin of originsForPolicy(stored?.policy ?? null)) {
    if (!(await browser.permissions.contains({ origins: [origin] }))) missingOrigins.push(origin);
  }
  return {
    account: session && {
      name: session.user.name,
      username: session.user.username,
      server: session.server,
      needsSignIn: session.needsSignIn,
    },
    countingResource:
      open === null ? null : (stored?.policy.resources.find((r) => r.id === open.resourceId)?.name ?? open.resourceId),
    counting: countingStatus(tracker),
    presencePending: tracker.presence !== null && !tracker.presence.unanswered,
    todaySeconds: secondsCountedToday(total, open, nowMs, timeZone),
    weekSeconds: secondsCountedThisWeek(total, open, nowMs, timeZone),
    timeZone,
    lastSyncAt: sync.lastSyncAt,
    lastSyncError: sync.lastError,
    pendingCount: outbox.length,
    rejectedCount: rejected.length,
    missingOrigins,
  };
}
