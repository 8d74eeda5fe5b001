// Reports built from the learning logs: why seconds were discounted, and a unit's summary for a period.
import { z } from 'zod';
import { targetBasisSchema } from './figures.ts';
import { CATEGORIES, dateSchema, idSchema, roleSchema } from './domain.ts';

/** Every second sent but not credited has exactly one of these reasons. */
export const DISCOUNT_REASONS = ['overlap', 'daily_cap', 'outside_allowlist', 'invalid'] as const;
export const discountReasonSchema = z.enum(DISCOUNT_REASONS);
export type DiscountReason = z.infer<typeof discountReasonSchema>;

const seconds = z.number().int().min(0);

export const discountsSchema = z.record(discountReasonSchema, seconds);
export type Discounts = z.infer<typeof discountsSchema>;

export const personSummarySchema = z.object({
  personId: idSchema,
  name: z.string(),
  username: z.string(),
  role: roleSchema,
  unitId: idSchema.nullable(),
  /** Credited seconds in the range: online study under the programme's ratio and cap, plus sessions. */
  seconds,
  rawSeconds: seconds,
  /** Online study as counted (the learning log), and the credited hours of sessions attended, as seconds. */
  onlineSeconds: seconds,
  sessionSeconds: seconds,
  /** The person's effective target pro-rated to the days of the range elapsed, in tenths of an hour. */
  targetSeconds: seconds,
  targetBasis: targetBasisSchema,
  /** How far below target in tenths of an hour (0 when on or above); above 0 is "below target". */
  gapSeconds: seconds,
  notesCount: seconds,
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

/** `GET /api/units/{id}/summary`: everyone in the unit's subtree, ordered by name (never a ranking). */
export const unitSummarySchema = z.object({
  unitId: idSchema,
  from: dateSchema,
  to: dateSchema,
  totalSeconds: seconds,
  rawSeconds: seconds,
  targetSeconds: seconds,
  notesCount: seconds,
  days: z.array(z.object({ date: dateSchema, seconds })),
  byCategory: z.record(z.enum(CATEGORIES), seconds),
  people: z.array(personSummarySchema),
  /** People whose credited seconds are under their pro-rated target, ordered by name, with the gap. */
  belowTarget: z.array(personSummarySchema),
});
export type UnitSummary = z.infer<typeof unitSummarySchema>;

/** `GET /api/people/{id}/segments`: each accepted segment with what it was credited and why not more. */
export const segmentReportSchema = z.object({
  id: z.string(),
  resourceId: idSchema,
  url: z.string(),
  title: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  mode: z.enum(['reading', 'media']),
  deviceId: z.string(),
  rawSeconds: seconds,
  creditedSeconds: seconds,
  discounts: discountsSchema,
});
export type SegmentReport = z.infer<typeof segmentReportSchema>;
