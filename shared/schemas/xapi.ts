// An xAPI 1.0.3 statement as `GET /api/people/{id}/xapi` and `/api/units/{id}/xapi` hand them out: the
// parts every statement has are checked; the rest travels untouched to the other learning system.
import { z } from 'zod';

export const xapiStatementSchema = z.looseObject({
  id: z.uuid(),
  actor: z.looseObject({}),
  verb: z.looseObject({ id: z.string() }),
  object: z.looseObject({ id: z.string() }),
  timestamp: z.string(),
});
export const xapiStatementsSchema = z.array(xapiStatementSchema);
export type XapiStatementWire = z.infer<typeof xapiStatementSchema>;
