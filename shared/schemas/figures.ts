// How a person's target for a range was arrived at, sent beside every target figure so a reader can
// see why it is what it is (server/programme/effective-target.ts).
import { z } from 'zod';
import { dateSchema } from './domain.ts';

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
