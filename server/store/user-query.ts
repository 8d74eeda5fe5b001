// The filters a route may put on a read of people, so an engine over a database runs them there
// (WHERE unit_id = ANY(…) / id = ANY(…)) instead of handing every person to the route. The pure matcher
// is the one meaning of each filter; the embedded store applies it in memory.
import { z } from 'zod';
import { dateSchema, idSchema } from '../../shared/schemas/domain.ts';
import { belongedDuring } from '../programme/membership-history.ts';
import type { UserRecord } from './store-contract.ts';

export const userQuerySchema = z
  .object({
    /** Only people whose current unit is one of these. */
    unitIds: z.array(idSchema).optional(),
    /** Only these people. */
    ids: z.array(idSchema).optional(),
    /**
     * Only people who belonged to one of these units on some day of [from, to] by their membership
     * history, or, with no history kept (stored before it was), whose current unit is one of them: who
     * a unit's report over a range counts (unit-summary-inputs.ts), read without the whole organisation.
     */
    belongedTo: z.object({ unitIds: z.array(idSchema), from: dateSchema, to: dateSchema }).strict().optional(),
  })
  .strict();
export type UserQuery = z.input<typeof userQuerySchema>;

/** A test for "matches every filter of the query" (validated here), with its lookups built once. */
export function userMatcher(input: UserQuery): (user: UserRecord) => boolean {
  const query = userQuerySchema.parse(input);
  const units = query.unitIds === undefined ? null : new Set(query.unitIds);
  const ids = query.ids === undefined ? null : new Set(query.ids);
  const belonged = query.belongedTo;
  const belongedUnits = new Set(belonged?.unitIds);
  const inBelongedUnits = (unitId: string | null) => unitId !== null && belongedUnits.has(unitId);
  return (user) =>
    (units === null || (user.unitId !== null && units.has(user.unitId))) &&
    (ids === null || ids.has(user.id)) &&
    (belonged === undefined ||
      (user.memberships.length === 0 ? inBelongedUnits(user.unitId) : belongedDuring(user.memberships, belonged.from, belonged.to, inBelongedUnits)));
}
