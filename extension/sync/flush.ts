// Sends the outbox to the server in batches and applies the verdicts. Runs in the service worker after
// a segment closes, on the sync alarm and before sign-out; failures back off, 401 stops (the client has
// marked the account as needing sign-in).
// Notes travel in the same requests (highlights/notes/note-sync.ts), with a cursor to receive changes.
import { storage } from 'wxt/utils/storage';
import {
  deviceIdItem,
  offeredItem,
  outboxItem,
  parkedItem,
  rejectedItem,
  sessionItem,
  syncStatusItem,
  type RejectedSegment,
} from '../storage/items.ts';
import { withStorageLock } from '../storage/lock.ts';
import { afterFailure, afterSuccess, isDue } from './backoff.ts';
import { ownerOf } from '../storage/owner.ts';
import { removeSettled, takeBatch } from './outbox.ts';
import { applyNoteExchange, notesToSend } from '../highlights/notes/note-sync.ts';
import { ServerError, type ServerClient } from './server-client.ts';

export interface FlushDeps {
  readonly client: ServerClient;
  readonly now: () => number;
  readonly random?: () => number;
  /** Called with the server's policy version after each answered batch, to refetch a changed policy. */
  readonly onPolicyVersion?: (version: number) => void;
}

export type FlushOutcome =
  | 'done' // the outbox is empty
  | 'signed-out' // no usable session: segments wait in the outbox
  | 'waiting' // backing off after failures
  | 'failed' // this attempt failed; the next one is scheduled
  | 'unauthorized'; // the server refused the token: the person must sign in again

export const SYNC_ALARM = 'sync-flush';
/** Retries after failures wait for this alarm, so backoff steps are never shorter than it. */
export const SYNC_INTERVAL_MINUTES = 1;

/** How many refused segments are remembered for the person to see. */
const REJECTED_KEPT = 50;

// Flushes run one at a time: two overlapping ones would send the same batch twice.
let queue: Promise<unknown> = Promise.resolve();

export function flushOutbox(deps: FlushDeps, options: { force?: boolean } = {}): Promise<FlushOutcome> {
  const run = queue.then(() => flushNow(deps, options.force ?? false));
  queue = run.catch(() => undefined);
  return run;
}

async function flushNow(deps: FlushDeps, force: boolean): Promise<FlushOutcome> {
  const session = await sessionItem.getValue();
  if (session === null || session.needsSignIn) return 'signed-out';
  if (!force && !isDue(await syncStatusItem.getValue(), deps.now())) return 'waiting';
  const deviceId = await deviceIdItem.getValue();
  const owner = ownerOf(session.server, session.user.id);
  let pulled = false;
  // The server pages other devices' changes: while it says more wait, ask again at once.
  let moreNotes = false;

  for (;;) {
    const batch = takeBatch(await outboxItem.getValue());
    const notes = await notesToSend(owner, deps.now(), pulled);
    if (batch.length === 0 && notes.notes.length === 0 && !notes.pull && !moreNotes) return 'done';
    pulled = true;
    // From now on the server may hold these segments, even if its answer never arrives.
    if (batch.length > 0) {
      await withStorageLock(async () => {
        await offeredItem.setValue([...new Set([...(await offeredItem.getValue()), ...batch.map((s) => s.id)])]);
      });
    }
    let response;
    try {
      response = await deps.client.sync(session.server, session.token, {
        deviceId,
        segments: batch,
        notes: notes.notes,
        cursor: notes.cursor,
      });
    } catch (error) {
      // The client has marked the account as needing sign-in: nothing is sent until then.
      if (error instanceof ServerError && error.kind === 'unauthorized') return 'unauthorized';
      await recordFailure(deps, error instanceof Error ? error.message : String(error));
      return 'failed';
    }

    const ids = new Set([...batch.map((s) => s.id), ...notes.notes.map((n) => n.id)]);
    const settled = [...response.accepted, ...response.rejected.map((r) => r.id)].filter((id) => ids.has(id));
    if (ids.size > 0 && settled.length === 0) {
      // Retrying at once would send the same batch forever.
      await recordFailure(deps, 'the server settled none of the segments sent');
      return 'failed';
    }
    const segmentIds = new Set(batch.map((s) => s.id));
    for (const r of response.rejected) {
      if (segmentIds.has(r.id)) console.warn(`[studytrail] segment ${r.id} rejected: ${r.code} (${r.message})`);
    }
    const at = deps.now();
    await applyNoteExchange(owner, notes.notes, response, at);
    // Only with a new cursor: asking again with the old one would get the same page forever.
    moreNotes = response.moreNotes === true && response.cursor !== undefined && response.cursor !== notes.cursor;
    await withStorageLock(async () => {
      const rejected: RejectedSegment[] = [
        ...response.rejected.filter((r) => segmentIds.has(r.id)).map((r) => ({ ...r, at })),
        ...(await rejectedItem.getValue()),
      ].slice(0, REJECTED_KEPT);
      const outbox = removeSettled(await outboxItem.getValue(), response);
      // Offered ids matter while their segment waits somewhere, here or parked for a signed-out person.
      const waiting = new Set([...outbox, ...(await parkedItem.getValue()).flatMap((p) => p.segments)].map((s) => s.id));
      await storage.setItems([
        { item: outboxItem, value: outbox },
        { item: offeredItem, value: (await offeredItem.getValue()).filter((id) => waiting.has(id)) },
        { item: rejectedItem, value: rejected },
        { item: syncStatusItem, value: afterSuccess(await syncStatusItem.getValue(), at) },
      ]);
    });
    if (response.policyVersion !== undefined) deps.onPolicyVersion?.(response.policyVersion);
  }
}

async function recordFailure(deps: FlushDeps, message: string): Promise<void> {
  console.warn(`[studytrail] sync failed: ${message}`);
  await withStorageLock(async () => {
    await syncStatusItem.setValue(afterFailure(await syncStatusItem.getValue(), deps.now(), message, deps.random));
  });
}
