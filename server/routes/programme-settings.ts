// The programme's settings: session tariff, online credit conversion and cap, check-in window, report
// target. Everyone signed in reads them (the dashboard shows the window); admins change them.
import { Hono } from 'hono';
import { programmeSettingsSchema, type ProgrammeSettings } from '../../shared/schemas/programme-settings.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { readJson } from '../http/json-body.ts';
import { signedIn } from '../http/signed-in.ts';

/** Each setting with a readable name, for the audit entry of a change. */
const LABELS: [string, (s: ProgrammeSettings) => unknown][] = [
  ['half-day hours', (s) => s.tariff.halfDayHours],
  ['whole-day hours', (s) => s.tariff.dayHours],
  ['credited hours per online hour', (s) => s.online.hoursPerHour],
  ['yearly online cap (h)', (s) => s.online.yearlyCapHours ?? 'none'],
  ['check-in opens (min before)', (s) => s.checkIn.opensMinutesBefore],
  ['late after (min)', (s) => s.checkIn.lateAfterMinutes],
  ['reports per year', (s) => `${s.reportTarget.min}–${s.reportTarget.max}`],
];

function describeSettingsChange(before: ProgrammeSettings, after: ProgrammeSettings): string {
  const changed = LABELS.filter(([, get]) => get(before) !== get(after)).map(([label, get]) => `${label}: ${String(get(before))} → ${String(get(after))}`);
  return changed.join('; ') || 'no change';
}

export function programmeSettingsRoutes(deps: AppDeps) {
  const { store } = deps;
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => c.json(await store.programme.settings()))
    .put('/', signedIn(deps, 'admin'), async (c) => {
      const next = await readJson(c, programmeSettingsSchema);
      return c.json(await store.programme.saveSettings(next, programmeAudit(c, 'programme_settings.update', 'programme-settings', describeSettingsChange(await store.programme.settings(), next))));
    });
}
