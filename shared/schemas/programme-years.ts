// Closing a year (年度关账): once the assessment is signed, an admin closes the year and its records become
// read-only; reopening it needs a reason. Both are in the audit log.
import { z } from 'zod';
import { idSchema, instantSchema } from './domain.ts';

export const closedYearViewSchema = z.object({
  year: z.number().int(),
  closedAt: instantSchema,
  closedById: idSchema,
  closedByName: z.string(),
});
export type ClosedYearView = z.infer<typeof closedYearViewSchema>;

/** `PUT /api/programme/years/{year}/closed`: a note for the audit log, optional. */
export const closeYearInputSchema = z.object({ reason: z.string().trim().max(500).default('') });
/** `DELETE /api/programme/years/{year}/closed`: reopening always says why. */
export const reopenYearInputSchema = z.object({ reason: z.string().trim().min(1).max(500) });
