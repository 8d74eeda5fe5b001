// What happens when the server refuses the saved token: the session is kept (the outbox belongs to
// this person and counting goes on) but marked, so nothing is sent until they sign in again.
import { sessionItem } from '../storage/items.ts';
import { withStorageLock } from '../storage/lock.ts';

export async function markSignInNeeded(refusedToken: string): Promise<void> {
  await withStorageLock(async () => {
    const current = await sessionItem.getValue();
    // A sign-in that happened while the refused request was in flight has a new, valid token.
    if (current !== null && current.token === refusedToken) await sessionItem.setValue({ ...current, needsSignIn: true });
  });
}
