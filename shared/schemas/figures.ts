// How a person's target for a range was arrived at, sent beside every target figure so a reader can
// see why it is what it is (server/programme/effective-target.ts).
import { z } from 'zod';
import { dateSchema } from './domain.ts';
import { creditRuleRefSchema } from './programme-settings.ts';

export const TARGET_SOURCES = ['plan', 'unit', 'organisation'] as const;

export const targetBasisSchema = z.object({
  /** The person's own plan, the nearest unit's defaults, or the organisation's annual target. */
  source: z.enum(TARGET_SOURCES),
  /** The hours set: per calendar year, or over the plan's quarter for a quarter's progress. */
  setHours: z.number().min(0),
  /** The days the target is due for: the range up to today, from the person's first day; null before either. */
  dueFrom: dateSchema.nullable(),
  dueTo: dateSchema.nullable(),
});
export type TargetBasis = z.infer<typeof targetBasisSchema>;

/**
 * `GET /api/people/{id}/figures`: a person's credited hours against their effective target over a
 * range, computed exactly as the overview, plan progress, annual record and exports compute them.
 */
export const personFiguresSchema = z.object({
  personId: z.string(),
  from: dateSchema,
  to: dateSchema,
  /** Online study as counted (the learning log), before the programme's ratio and cap. */
  onlineSeconds: z.number().int().min(0),
  onlineCreditedHours: z.number().min(0),
  sessionHours: z.number().min(0),
  /** Online credited plus sessions. */
  totalSeconds: z.number().int().min(0),
  totalHours: z.number().min(0),
  adjustments: z.array(z.object({ reason: z.enum(['online_conversion', 'online_cap']), hours: z.number() })),
  /** The versions of the credit rules in force on some day of the range, oldest first: each day is credited under its own. */
  creditRules: z.array(creditRuleRefSchema).min(1),
  targetHours: z.number().min(0),
  targetBasis: targetBasisSchema,
  /** Below target by this much, in tenths of an hour; behind exactly when above 0. */
  gapHours: z.number().min(0),
  behind: z.boolean(),
});
export type PersonFigures = z.infer<typeof personFiguresSchema>;
