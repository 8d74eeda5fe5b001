// The programme's rules an admin may tune: the session tariff, how online study converts to credited
// hours (学时) and its cap, the check-in window, and the yearly report target.
import { z } from 'zod';
import { dateSchema, instantSchema } from './domain.ts';
import { DEFAULT_REPORT_TARGET, reportTargetSchema } from './programme-research.ts';

export const tariffSchema = z.object({
  /** Credited hours for a half-day session (default 4). */
  halfDayHours: z.number().finite().min(0).max(24),
  /** Credited hours for a full-day session (default 8). */
  dayHours: z.number().finite().min(0).max(24),
});
export type Tariff = z.infer<typeof tariffSchema>;

export const onlineCreditSchema = z.object({
  /** Credited hours per hour of counted online study (1 = hour for hour). */
  hoursPerHour: z.number().finite().min(0).max(10),
  /** At most this many online hours count towards a year's credit; null = no cap. */
  yearlyCapHours: z.number().finite().min(0).max(8784).nullable(),
});
export type OnlineCredit = z.infer<typeof onlineCreditSchema>;

export const checkInWindowSchema = z.object({
  /** Check-in opens this long before the start. */
  opensMinutesBefore: z.number().int().min(0).max(240),
  /** Checking in later than this after the start records "late". */
  lateAfterMinutes: z.number().int().min(0).max(240),
});
export type CheckInWindow = z.infer<typeof checkInWindowSchema>;

export const programmeSettingsSchema = z.object({
  tariff: tariffSchema,
  online: onlineCreditSchema,
  checkIn: checkInWindowSchema,
  reportTarget: reportTargetSchema,
});
export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;

export const DEFAULT_PROGRAMME_SETTINGS: ProgrammeSettings = {
  tariff: { halfDayHours: 4, dayHours: 8 },
  online: { hoursPerHour: 1, yearlyCapHours: null },
  checkIn: { opensMinutesBefore: 15, lateAfterMinutes: 10 },
  reportTarget: DEFAULT_REPORT_TARGET,
};

/**
 * Which credit rules (tariff and online credit) a figure was made under: version N, in force from the
 * date `from` (the organisation's calendar) until the next version's; version 1's `from` is null (it
 * covers every day before version 2). See server/programme/credit-rules.ts.
 */
export const creditRuleRefSchema = z.object({
  version: z.number().int().min(1),
  from: dateSchema.nullable(),
});
export type CreditRuleRef = z.infer<typeof creditRuleRefSchema>;

/** One version of the credit rules: what changed the tariff or the online credit, and from when. */
export const creditRuleSchema = creditRuleRefSchema.extend({
  /** When an admin saved it; null for version 1 when it stands for the rules kept before versions were. */
  savedAt: instantSchema.nullable(),
  tariff: tariffSchema,
  online: onlineCreditSchema,
});
export type CreditRule = z.infer<typeof creditRuleSchema>;

/** `GET /api/programme/settings`: the settings, and every version of the credit rules, oldest first. */
export const programmeSettingsViewSchema = programmeSettingsSchema.extend({
  creditRules: z.array(creditRuleSchema).min(1),
});
export type ProgrammeSettingsView = z.infer<typeof programmeSettingsViewSchema>;
