// A person's unit and role over time (任职记录): dated periods, so a past session's roster, a closed
// month's bulletin and an attendance rate read the same whoever joins, leaves or moves later.
import { z } from 'zod';
import { dateSchema, idSchema, roleSchema } from './domain.ts';

export const membershipSchema = z.object({
  /** First day in this unit and role (the organisation's time zone). */
  from: dateSchema,
  /** Last day, inclusive; null while it lasts. */
  to: dateSchema.nullable(),
  unitId: idSchema.nullable(),
  role: roleSchema,
});
export type Membership = z.infer<typeof membershipSchema>;
