// Signing in and out on this browser. Segments always stay with the account that recorded them: a
// different person signing in, or a sign-out while the server is unreachable, parks them for later.
import {
  dailyTotalItem,
  outboxItem,
  parkedItem,
  policyItem,
  rejectedItem,
  sessionItem,
  syncStatusItem,
  writeItems,
} from '../storage/items.ts';
import { withStorageLock } from '../storage/lock.ts';
import { readManagedConfig } from './managed-config.ts';
import { ownerOf } from '../storage/owner.ts';
import { appendSegments, park, unpark } from '../sync/outbox.ts';
import { normaliseServerUrl, ServerError, type ServerClient } from '../sync/server-client.ts';
import type { FlushOutcome } from '../sync/flush.ts';
import type { Recorder } from '../tracking/recorder.ts';
import { originsForPolicy } from '../tracking/rules.ts';
import { applyPolicy } from './apply-policy.ts';
import type { User } from '../../shared/schemas/auth.ts';
import { BackgroundFailure } from '../rpc/failure.ts';

export interface SignInResult {
  readonly user: User;
  /** Host permissions to request from the person, in the page, while their click still counts. */
  readonly origins: readonly string[];
}

export interface SignOutResult {
  /** Segments that could not be sent and are kept for this person's next sign-in. */
  readonly keptCount: number;
}

export interface AccountDeps {
  readonly client: ServerClient;
  readonly recorder: Recorder;
  readonly now: () => number;
  readonly flush: (options?: { force?: boolean }) => Promise<FlushOutcome>;
}

export async function signIn(
  deps: AccountDeps,
  input: { server: string; username: string; password: string },
): Promise<SignInResult> {
  const server = normaliseServerUrl(input.server);
  if (server === null) throw new BackgroundFailure('invalid_server', 'the server address must start with http:// or https://');
  // The page locks the field, but the page is not the boundary: a managed address is enforced here.
  const managed = await readManagedConfig();
  if (managed.serverUrl !== null && server !== managed.serverUrl) {
    throw new BackgroundFailure('managed_server', `your organisation manages this browser: sign in to ${managed.serverUrl}`);
  }
  const { token, user } = await explainFailures(() =>
    deps.client.login(server, { username: input.username, password: input.password }),
  );
  const policy = await explainFailures(() => deps.client.getPolicy(server, token));
  const owner = ownerOf(server, user.id);

  // Whatever was being counted belongs to the previous sign-in: close it before the account changes.
  if ((await sessionItem.getValue()) !== null) await deps.recorder.dispatch(() => ({ type: 'signedOut' }));
  await withStorageLock(async () => {
    const previous = await sessionItem.getValue();
    let outbox = await outboxItem.getValue();
    let parked = await parkedItem.getValue();
    if (previous !== null && ownerOf(previous.server, previous.user.id) !== owner) {
      parked = park(parked, ownerOf(previous.server, previous.user.id), outbox);
      outbox = [];
    }
    const returning = unpark(parked, owner);
    const status = await syncStatusItem.getValue();
    await writeItems([
      { item: sessionItem, value: { server, token, user, needsSignIn: false } },
      { item: policyItem, value: { policy, fetchedAt: deps.now() } },
      { item: outboxItem, value: appendSegments(returning.segments, outbox) },
      { item: parkedItem, value: returning.parked },
      // A fresh sign-in is a fresh chance: do not keep waiting out the previous backoff.
      { item: syncStatusItem, value: { ...status, failures: 0, nextAttemptAt: null } },
    ]);
  });
  await applyPolicy(deps.recorder, policy);
  void deps.flush();
  return { user, origins: originsForPolicy(policy) };
}

export async function signOut(deps: AccountDeps): Promise<SignOutResult> {
  const session = await sessionItem.getValue();
  if (session === null) return { keptCount: 0 };
  await deps.recorder.dispatch(() => ({ type: 'signedOut' }));
  await applyPolicy(deps.recorder, null);
  await deps.flush({ force: true });
  const keptCount = await withStorageLock(async () => {
    const outbox = await outboxItem.getValue();
    await writeItems([
      { item: parkedItem, value: park(await parkedItem.getValue(), ownerOf(session.server, session.user.id), outbox) },
      { item: outboxItem, value: [] },
      { item: sessionItem, value: null },
      { item: policyItem, value: null },
      { item: syncStatusItem, value: null },
      // Per-person views: the next person to sign in on this browser must not see them.
      { item: dailyTotalItem, value: null },
      { item: rejectedItem, value: null },
    ]);
    return outbox.length;
  });
  return { keptCount };
}

/** Runs a server call, turning its failures into codes the sign-in page can explain. */
async function explainFailures<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ServerError)) throw error;
    switch (error.kind) {
      case 'unreachable':
        throw new BackgroundFailure('unreachable', error.message);
      case 'unauthorized':
        throw new BackgroundFailure('bad_credentials', error.message);
      case 'http':
      case 'invalid-response':
        throw new BackgroundFailure('server_error', error.message);
    }
  }
}
