// The organisation's time zone, as the policy held names it: every day and time the extension shows
// (today's and this week's totals, note times, the last sending) is in it, never the browser's zone, so
// "today" is the day the server's learning log counts.
import { DEFAULT_ORGANISATION_TIME_ZONE, type Policy } from '../../shared/schemas/policy.ts';
import { policyItem } from './items.ts';

/** The zone of the policy held; before any policy (or one from a server that sent none), the contract's default. */
export function organisationZone(stored: { readonly policy: Policy } | null): string {
  return stored?.policy.timeZone ?? DEFAULT_ORGANISATION_TIME_ZONE;
}

export async function readOrganisationZone(): Promise<string> {
  return organisationZone(await policyItem.getValue());
}
