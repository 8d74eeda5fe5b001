// Keeps the designated-resource policy current: fetched at browser start, after install, on a periodic
// alarm and when a sync answer names a newer version. The ETag of the policy held makes an unchanged
// policy a 304; a failed fetch keeps the last policy, so counting goes on offline.
import { policyItem, sessionItem } from '../storage/items.ts';
import { withStorageLock } from '../storage/lock.ts';
import { ServerError, type ServerClient } from '../sync/server-client.ts';
import type { Recorder } from '../tracking/recorder.ts';
import { applyPolicy } from './apply-policy.ts';

export const POLICY_ALARM = 'policy-refresh';
export const POLICY_REFRESH_MINUTES = 30;

export type RefreshOutcome = 'updated' | 'unchanged' | 'signed-out' | 'failed';

export async function refreshPolicy(deps: {
  client: ServerClient;
  recorder: Recorder;
  now: () => number;
}): Promise<RefreshOutcome> {
  const session = await sessionItem.getValue();
  if (session === null || session.needsSignIn) return 'signed-out';
  const held = await policyItem.getValue();
  let answer;
  try {
    answer = await deps.client.getPolicyIfChanged(session.server, session.token, held?.etag ?? null);
  } catch (error) {
    // A refused token: the client has marked the account as needing sign-in; nothing more to say.
    if (!(error instanceof ServerError && error.kind === 'unauthorized')) console.warn('[studytrail] policy refresh failed', error);
    return 'failed';
  }
  if (!answer.changed) return 'unchanged';
  const { policy, etag } = answer;
  const changed = await withStorageLock(async () => {
    // The person may have signed out or switched accounts while the request was in flight.
    if ((await sessionItem.getValue())?.token !== session.token) return null;
    const stored = await policyItem.getValue();
    await policyItem.setValue({ policy, fetchedAt: deps.now(), ...(etag === null ? {} : { etag }) });
    return stored === null || JSON.stringify(stored.policy) !== JSON.stringify(policy);
  });
  if (changed === null) return 'signed-out';
  if (!changed) return 'unchanged';
  await applyPolicy(deps.recorder, policy);
  return 'updated';
}

/** Refreshes when the server's policy version (from a sync answer) differs from the one held. */
export async function refreshIfNewer(
  deps: Parameters<typeof refreshPolicy>[0],
  serverVersion: number,
): Promise<RefreshOutcome | 'current'> {
  const held = await policyItem.getValue();
  if (held !== null && held.policy.version === serverVersion) return 'current';
  return refreshPolicy(deps);
}
