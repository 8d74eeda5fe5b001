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
import { organisationZone } from '../storage/organisation-zone.ts';
import { secondsCountedThisWeek, secondsCountedToday } from '../tracking/daily-total.ts';
import { originsForPolicy } from '../tracking/rules.ts';
import { countingStatus, type CountingStatus } from '../tracking/counting.ts';

/** The answer to getStatus and setPaused (the background protocol). */
export interface Status {
  readonly account: {
    readonly name: string;
    readonly username: string;
    readonly server: string;
    /** The server refused the saved token: counting continues, sending waits for a new sign-in. */
    readonly needsSignIn: boolean;
  } | null;
  /** Name of the designated resource being counted right now, null when not counting. */
  readonly countingResource: string | null;
  /** Counting now and in which mode, or why not. */
  readonly counting: CountingStatus;
  /** The presence question is waiting for an answer in the page. */
  readonly presencePending: boolean;
  readonly todaySeconds: number;
  /** Since Monday, on this browser. */
  readonly weekSeconds: number;
  readonly lastSyncAt: number | null;
  readonly lastSyncError: string | null;
  /** The organisation's zone (the policy's): the days above are its days, and times show in it. */
  readonly timeZone: string;
  /** Closed segments waiting to be sent. */
  readonly pendingCount: number;
  readonly rejectedCount: number;
  /** Host permissions the policy needs that the person has not granted (pages there cannot count). */
  readonly missingOrigins: readonly string[];
}

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
