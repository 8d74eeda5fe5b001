// A year's holiday arrangement (放假安排) as the State Council publishes it: the holidays and the swapped
// working days (调休上班) on weekends. Entered as text by a clerk (`PUT /api/calendar/holidays/{year}`)
// and read back parsed; the rules it changes in the study calendar are in server/programme/.
import { z } from 'zod';
import { dateSchema, instantSchema } from './domain.ts';
import { planYearSchema } from './programme-plans.ts';

export const holidaySchema = z.object({
  /** 国庆节, 春节 …: as the clerk typed it. */
  name: z.string().min(1).max(50),
  from: dateSchema,
  /** Inclusive. */
  to: dateSchema,
});
export type Holiday = z.infer<typeof holidaySchema>;

/** A weekend day worked in exchange for a holiday (调休上班); `name` says for which holiday, or is empty. */
export const swappedWorkdaySchema = z.object({
  date: dateSchema,
  name: z.string().max(50),
});
export type SwappedWorkday = z.infer<typeof swappedWorkdaySchema>;

export const holidayArrangementSchema = z.object({
  year: planYearSchema,
  /** By date. */
  holidays: z.array(holidaySchema),
  /** By date. */
  workdays: z.array(swappedWorkdaySchema),
  /** When it was last saved; null for a year without an arrangement (an empty one). */
  updatedAt: instantSchema.nullable(),
});
export type HolidayArrangement = z.infer<typeof holidayArrangementSchema>;

/** `PUT /api/calendar/holidays/{year}`: the arrangement as text, one entry a line (see docs/programme.md). */
export const holidayArrangementInputSchema = z.object({ text: z.string().max(10_000) });
