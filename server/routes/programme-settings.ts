// The programme's settings: session tariff, online credit conversion and cap, check-in window, report
// target. Everyone signed in reads them (the dashboard shows the window); admins change them. A change
// to the tariff or the online credit is a new version of the credit rules from today: earlier days keep
// theirs (programme/credit-rules.ts). Such a change is refused while the year it starts in, or a later
// one, is closed: it would change that year's credited hours.
import { Hono } from 'hono';
import { programmeSettingsSchema, type ProgrammeSettings } from '../../shared/schemas/programme-settings.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { changesCreditRules, type SettingsChange } from '../programme/credit-rules.ts';
import { assertYearsOpen } from '../http/year-lock.ts';
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

function describeSettingsChange(before: ProgrammeSettings, change: SettingsChange<unknown>): string {
  const after = change.settings;
  const changed = LABELS.filter(([, get]) => get(before) !== get(after)).map(([label, get]) => `${label}: ${String(get(before))} → ${String(get(after))}`);
  const rules = change.added === null ? [] : [`credit rules version ${change.added.version} from ${change.added.from}, earlier days keep theirs; ${change.recredited.length} session(s) from that day credited under it`];
  return [...changed, ...rules].join('; ') || 'no change';
}

export function programmeSettingsRoutes(deps: AppDeps) {
  const { store } = deps;
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => c.json(await store.programme.settings()))
    .put('/', signedIn(deps, 'admin'), async (c) => {
      const next = await readJson(c, programmeSettingsSchema);
      const before = await store.programme.settings();
      const nowMs = deps.clock();
      const when = { today: dateInZone(nowMs, deps.config.timeZone), at: new Date(nowMs).toISOString() };
      if (changesCreditRules(before.creditRules, next, when.today)) {
        const thisYear = Number(when.today.slice(0, 4));
        await assertYearsOpen(store.programme, ...(await store.programme.closedYears()).map((y) => y.year).filter((year) => year >= thisYear));
      }
      const change = await store.programme.saveSettings(next, when, (ch) => programmeAudit(c, 'programme_settings.update', 'programme-settings', describeSettingsChange(before, ch)));
      return c.json(change.settings);
    });
}
