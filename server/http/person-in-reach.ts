// The person a route names, when an access rule (access/access-rules.ts) lets the caller at them:
// 404 when there is no such person, 403 with the route's own words when the rule says no.
import { forbidden, notFound } from './api-error.ts';

export function personInReach<P>(person: P | null | undefined, id: string, allowed: (person: P) => boolean, refusal: string): P {
  if (person === undefined || person === null) throw notFound(`There is no person with id "${id}"`);
  if (!allowed(person)) throw forbidden(refusal);
  return person;
}
