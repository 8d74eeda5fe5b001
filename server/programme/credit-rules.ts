// When the credit rules change: past figures keep the rules they were made under, and say which.
//
// The credit rules are the session tariff and the online credit (hours per online hour, yearly cap).
// They are kept as numbered versions, each in force from a date of the organisation's calendar:
//
//   version 1  from —           tariff 4/8, 1 h per h        (the rules before any change)
//   version 2  from 2026-03-09  tariff 4/8, 0.5 h per h      (an admin halved the ratio on 9 March)
//   version 3  from 2026-09-01  tariff 3/6, 0.5 h per h
//
// The one rule: a day's figures are credited under the version in force on that day. Online study on
// 8 March converts at 1 h per h for ever; on 9 March at 0.5. A session is credited under the version in
// force on its date (a session scheduled for next month before a tariff change is credited under the
// new tariff once the change is saved, since its day falls after it). A change takes effect on the day
// it is saved (that day included, the day being not yet over) and never reaches back: no day before it
// changes, whichever engine keeps the data and whether its raw segments are kept or folded away. Two
// changes saved on one day make two versions from that day; the later one is in force.
//
// Sessions recorded before versions were kept carry no version (`creditRule: null`) and keep the hours
// they were recorded with, until someone changes them (then they take the version of their date).
//
// The daily cap (policy, what extensions follow) is not a credit rule here: a day is counted under the
// policy version its segments were counted under (store/day-total.ts), which a later policy never changes.
import type { TariffKind } from '../../shared/schemas/programme-calendar.ts';
import type { CreditRule, CreditRuleRef, ProgrammeSettings, ProgrammeSettingsView } from '../../shared/schemas/programme-settings.ts';
import { sessionTariffHours } from './tariff.ts';

/** The settings as a store keeps them: with the versions of the credit rules (none in stores from before versions). */
type KeptSettings = ProgrammeSettings & { creditRules?: readonly CreditRule[] };

/** The settings with every version of the credit rules, oldest first; the current settings make version 1 when none was kept. */
export function withCreditRules(settings: KeptSettings): ProgrammeSettingsView {
  const { creditRules, ...rest } = settings;
  const rules = creditRules !== undefined && creditRules.length > 0 ? [...creditRules] : [{ version: 1, from: null, savedAt: null, tariff: rest.tariff, online: rest.online }];
  return { ...rest, creditRules: rules };
}

/** The version in force on `date`: the newest whose `from` is on or before it. */
export function ruleOn(rules: readonly CreditRule[], date: string): CreditRule {
  let found = rules[0];
  if (found === undefined) throw new Error('There are no credit rules: withCreditRules always gives one');
  for (const rule of rules) if (rule.from === null || rule.from <= date) found = rule;
  return found;
}

export function ruleRef(rule: CreditRule): CreditRuleRef {
  return { version: rule.version, from: rule.from };
}

/** The versions in force on some day of `from`–`to`, oldest first. */
export function rulesInRange(rules: readonly CreditRule[], from: string, to: string): CreditRuleRef[] {
  const first = ruleOn(rules, from);
  return rules.filter((r) => r === first || (r.version > first.version && r.from !== null && r.from <= to && ruleOn(rules, r.from) === r)).map(ruleRef);
}

/** What a session of this kind, length and date is credited, and under which version. */
export function sessionCredit(kind: TariffKind, durationMs: number, date: string, rules: readonly CreditRule[]): { creditedHours: number; creditRule: CreditRuleRef } {
  const rule = ruleOn(rules, date);
  return { creditedHours: sessionTariffHours(kind, durationMs, rule.tariff), creditRule: ruleRef(rule) };
}

interface CreditedSession {
  date: string;
  tariff: TariffKind;
  startsAt: string;
  endsAt: string;
  creditedHours: number;
  creditRule?: CreditRuleRef | null;
  updatedAt: string;
}

/** Whether saving `next` on `date` would make a new version: its tariff or online credit differs from the version in force then. */
export function changesCreditRules(rules: readonly CreditRule[], next: ProgrammeSettings, date: string): boolean {
  const inForce = ruleOn(rules, date);
  return JSON.stringify([inForce.tariff, inForce.online]) !== JSON.stringify([next.tariff, next.online]);
}

export interface SettingsChange<S> {
  settings: ProgrammeSettingsView;
  /** The version the change made, or null when the tariff and online credit stayed as they were. */
  added: CreditRule | null;
  /** The sessions dated on or after the new version's first day, credited under it. */
  recredited: S[];
}

/**
 * Saving `next` over `current` on `today` (at the instant `at`): a new version from today when the
 * tariff or the online credit differs from the version in force today, and the standing sessions dated
 * from today credited under it. `sessions` may hold any sessions; those dated before today are left.
 */
export function changeSettings<S extends CreditedSession>(current: KeptSettings, next: ProgrammeSettings, sessions: readonly S[], today: string, at: string): SettingsChange<S> {
  const rules = withCreditRules(current).creditRules;
  const last = rules[rules.length - 1]!;
  // A clock set back must not start a version before the one it follows.
  const from = last.from !== null && last.from > today ? last.from : today;
  if (!changesCreditRules(rules, next, from)) return { settings: { ...next, creditRules: rules }, added: null, recredited: [] };
  const added: CreditRule = { version: last.version + 1, from, savedAt: at, tariff: next.tariff, online: next.online };
  const recredited = sessions
    .filter((s) => s.date >= from)
    .map((s) => ({ ...s, creditedHours: sessionTariffHours(s.tariff, Date.parse(s.endsAt) - Date.parse(s.startsAt), added.tariff), creditRule: ruleRef(added), updatedAt: at }));
  return { settings: { ...next, creditRules: [...rules, added] }, added, recredited };
}
