// What the overview screen loads: the units to choose from, the chosen unit's summary for the range, and
// the unit's xAPI statements when asked for. Components render what these hand them.
import type { DateRange } from '../../../shared/time/periods.ts';
import type { Api } from '../api/endpoints.ts';
import { useLoad } from './use-load.ts';

/** The unit's summary for the range the URL names (its query parameters, passed on as they are). */
export function useUnitSummary(api: Api, unitId: string, rangeQuery: Record<string, string>) {
  const key = JSON.stringify(rangeQuery);
  return useLoad(() => api.unitSummary(unitId, rangeQuery), [api, unitId, key]);
}

/** The download's loader: called when the button is pressed, not before. */
export const unitXapiLoader = (api: Api, unitId: string, range: DateRange) => () => api.unitXapi(unitId, { from: range.from, to: range.to });
