// The server's figure for today (the person's learning log, all devices, credited seconds), for the
// popup to show beside this device's own count. Null when signed out or the server cannot say.
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { readOrganisationZone } from '../storage/organisation-zone.ts';
import { sessionItem } from '../storage/items.ts';
import type { ServerClient } from '../sync/server-client.ts';

export async function serverTodaySeconds(client: ServerClient, nowMs: number): Promise<number | null> {
  const session = await sessionItem.getValue();
  if (session === null || session.needsSignIn) return null;
  // The organisation's today, the day the server's log counts.
  const today = dateInZone(nowMs, await readOrganisationZone());
  try {
    return (await client.getLog(session.server, session.token, session.user.id, today, today)).totalSeconds;
  } catch {
    return null; // offline or refused: the popup shows this device's count alone
  }
}
