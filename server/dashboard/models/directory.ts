// The lists the screens name things from (units, designated resources, people), loaded here so that
// the components showing them only render.
import type { Api } from '../api/endpoints.ts';
import { useLoad } from './use-load.ts';

export const useUnits = (api: Api) => useLoad(() => api.units(), [api]);
export const useResources = (api: Api) => useLoad(() => api.resources(), [api]);

export async function loadPeopleAndUnits(api: Api) {
  const [people, units] = await Promise.all([api.people(), api.units()]);
  return { people, units };
}

/** Everyone the caller may see, with the units to name theirs. */
export const usePeopleAndUnits = (api: Api) => useLoad(() => loadPeopleAndUnits(api), [api]);
