// What following a policy means on this browser: the engine's rules, and the content scripts of
// designated pages. Called at sign-in, at every refresh that changed it, at start and at sign-out.
import type { Policy } from '../../shared/schemas/policy.ts';
import { syncDesignatedPageScripts } from '../content/registration.ts';
import { applyRules } from '../tracking/browser-signals.ts';
import type { Recorder } from '../tracking/recorder.ts';
import { rulesFromPolicy } from '../tracking/rules.ts';

export async function applyPolicy(recorder: Recorder, policy: Policy | null): Promise<void> {
  await applyRules(recorder, rulesFromPolicy(policy));
  await syncDesignatedPageScripts(policy).catch((error: unknown) => {
    // Counting still works without the scripts (pages count as visible and silent).
    console.warn('[studytrail] content script registration failed', error);
  });
}
