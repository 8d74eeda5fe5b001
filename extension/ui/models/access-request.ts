// Which designated sites a sign-in can ask for before its network calls, inside the person's click
// (the only moment Firefox lets an extension page ask): those of the policy this browser still holds.
import type { Status } from '../../status/read-status.ts';
import { normaliseServerUrl } from '../../sync/server-client.ts';

/**
 * The sites still missing under the remembered policy, when the person signs in again to the same
 * server after their sign-in expired; none otherwise (a first sign-in, or another server whose sites
 * are not known until it answers).
 */
export function originsToAskFirst(status: Status | null, server: string): readonly string[] {
  const account = status?.account ?? null;
  if (status === null || account === null || !account.needsSignIn) return [];
  if (normaliseServerUrl(server) !== account.server) return [];
  return status.missingOrigins;
}
