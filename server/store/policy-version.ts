// When a change makes a new policy version: whenever what extensions follow (the active resources, in
// the order they were created, and the tracking settings) differs from the current version. Both
// engines ask this one function.
import type { Settings } from '../../shared/schemas/settings.ts';
import type { PolicySettings, PolicyVersionRecord, ResourceRecord } from './store-contract.ts';

export function policySettingsOf(settings: Settings): PolicySettings {
  return {
    idleSeconds: settings.idleSeconds,
    mediaPresenceSeconds: settings.mediaPresenceSeconds,
    dailyCapSeconds: settings.dailyCapSeconds,
  };
}

/** The version to add after a change, or null when extensions would follow the same as before. */
export function nextPolicyVersion(current: PolicyVersionRecord, resources: Iterable<ResourceRecord>, settings: Settings, at: string): PolicyVersionRecord | null {
  const active = [...resources]
    .filter((r) => r.active)
    .map(({ id, name, category, kind, patterns }) => ({ id, name, category, kind, patterns: [...patterns] }));
  const policySettings = policySettingsOf(settings);
  if (JSON.stringify({ resources: active, settings: policySettings }) === JSON.stringify({ resources: current.resources, settings: current.settings })) return null;
  return { version: current.version + 1, at, settings: policySettings, resources: active };
}
