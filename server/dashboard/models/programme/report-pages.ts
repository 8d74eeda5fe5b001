// What the programme's read-only screens load: the month's calendar, the organisation's annual summary
// (with the units to name), and a unit's monthly bulletin. Components render what these hand them.
import type { Api } from '../../api/endpoints.ts';
import { useLoad } from '../use-load.ts';

export const useCalendar = (api: Api, from: string, to: string) => useLoad(() => api.programme.calendar(from, to), [api, from, to]);

/** The year's summary, for one unit (and those below it) or, with no unit, the whole organisation. */
export async function loadOrganisationSummary(api: Api, year: number, unitId: string) {
  const [summary, units] = await Promise.all([api.programme.organisationSummary(year, unitId || undefined), api.units()]);
  return { summary, units };
}

export const useOrganisationSummary = (api: Api, year: number, unitId: string) =>
  useLoad(() => loadOrganisationSummary(api, year, unitId), [api, year, unitId]);

export const useBulletin = (api: Api, unitId: string, month: string) => useLoad(() => api.programme.bulletin(unitId, month), [api, unitId, month]);
