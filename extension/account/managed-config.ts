// What the organisation's IT pushes by enterprise policy (Chrome/Edge managed storage, Firefox
// policies.json 3rdparty.Extensions): the server address staff cannot change, and the organisation's
// name. Read-only for the extension; absent on unpacked/dev installs and in Firefox without a policy.
import { z } from 'zod';
import { normaliseServerUrl } from '../sync/server-client.ts';
import { managedOrganisationNameItem, managedServerUrlItem } from '../storage/items.ts';

export interface ManagedConfig {
  /** Normalised base URL; when set, sign-in accepts this server only. */
  readonly serverUrl: string | null;
  readonly organisationName: string | null;
}

export const NO_MANAGED_CONFIG: ManagedConfig = { serverUrl: null, organisationName: null };

// Each value is checked on its own: one mistyped setting must not discard the other.
const text = z.string().trim().min(1).max(2048);

/** Pure: the managed values as stored by the browser → what the extension may rely on. */
export function parseManagedConfig(raw: Record<string, unknown>): ManagedConfig {
  const server = text.safeParse(raw.serverUrl);
  const name = text.max(200).safeParse(raw.organisationName);
  return {
    // An unusable address is ignored rather than locking everyone out of signing in; the options page
    // then behaves as without a policy.
    serverUrl: server.success ? normaliseServerUrl(server.data) : null,
    organisationName: name.success ? name.data : null,
  };
}

export async function readManagedConfig(): Promise<ManagedConfig> {
  try {
    const [serverUrl, organisationName] = await Promise.all([managedServerUrlItem.getValue(), managedOrganisationNameItem.getValue()]);
    return parseManagedConfig({ serverUrl, organisationName });
  } catch {
    // Firefox rejects when no policy names the extension; some browsers have no managed area at all.
    return NO_MANAGED_CONFIG;
  }
}
