// The learning log of one person over a date range.
import { z } from 'zod';
import { CATEGORIES, dateSchema, idSchema, reportDateSchema } from './domain.ts';
import { discountsSchema } from './reports.ts';

export const logQuerySchema = z
  .object({ from: reportDateSchema, to: reportDateSchema })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type LogQuery = z.infer<typeof logQuerySchema>;

export const learningLogSchema = z.object({
  personId: idSchema,
  from: dateSchema,
  to: dateSchema,
  totalSeconds: z.number().int().min(0),
  days: z.array(z.object({ date: dateSchema, seconds: z.number().int().min(0) })),
  byCategory: z.record(z.enum(CATEGORIES), z.number().int().min(0)),
  byResource: z.array(z.object({ resourceId: idSchema, seconds: z.number().int().min(0) })),
});
export type LearningLog = z.infer<typeof learningLogSchema>;

/**
 * The log as the server returns it: the contract's fields plus raw seconds, the reason for every
 * discounted second, and the notes written in the range.
 */
export const detailedLearningLogSchema = learningLogSchema.extend({
  rawSeconds: z.number().int().min(0),
  discounts: discountsSchema,
  notesCount: z.number().int().min(0),
  days: z.array(
    z.object({ date: dateSchema, seconds: z.number().int().min(0), rawSeconds: z.number().int().min(0) }),
  ),
});
export type DetailedLearningLog = z.infer<typeof detailedLearningLogSchema>;
