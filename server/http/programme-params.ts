// Path and query parameters of the programme's routes, checked with the shared schemas (400 with the
// field named when they are malformed).
import { z } from 'zod';
import { dateSchema } from '../../shared/schemas/domain.ts';
import { planStageSchema, planYearSchema } from '../../shared/schemas/programme-plans.ts';
import { parseOrFail } from './json-body.ts';

export const yearParam = (value: string | undefined) => parseOrFail(z.object({ year: z.coerce.number().pipe(planYearSchema) }), { year: value }).year;
export const stageParam = (value: string | undefined) => parseOrFail(z.object({ stage: planStageSchema }), { stage: value }).stage;
export const dateParam = (value: string | undefined) => parseOrFail(z.object({ date: dateSchema }), { date: value }).date;
export const monthParam = (value: string | undefined) =>
  parseOrFail(z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM') }), { month: value }).month;
