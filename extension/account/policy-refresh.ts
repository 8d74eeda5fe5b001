// Keeps the designated-resource policy current: fetched at browser start, after install and on a
// periodic alarm. A failed fetch keeps the last policy, so counting goes on offline.
import { policyItem, sessionItem } from '../storage/items.ts';
import { withStorageLock } from '../storage/lock.ts';
import { ServerError, type ServerClient } from '../sync/server-client.ts';
import type { Recorder } from '../tracking/recorder.ts';
import { applyRules } from '../tracking/browser-signals.ts';
import { rulesFromPolicy } from '../tracking/rules.ts';
import { markSignInNeeded } from './needs-sign-in.ts';

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
  let policy;
  try {
    policy = await deps.client.getPolicy(session.server, session.token);
  } catch (error) {
    if (error instanceof ServerError && error.kind === 'unauthorized') await markSignInNeeded(session.token);
    else console.warn('[studytrail] policy refresh failed', error);
    return 'failed';
  }
  const changed = await withStorageLock(async () => {
    // The person may have signed out or switched accounts while the request was in flight.
    if ((await sessionItem.getValue())?.token !== session.token) return null;
    const stored = await policyItem.getValue();
    await policyItem.setValue({ policy, fetchedAt: deps.now() });
    return stored === null || JSON.stringify(stored.policy) !== JSON.stringify(policy);
  });
  if (changed === null) return 'signed-out';
  if (!changed) return 'unchanged';
  await applyRules(deps.recorder, rulesFromPolicy(policy));
  return 'updated';
}
