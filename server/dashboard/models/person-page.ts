// What a person's page loads and sends: the learning log with its headline figures, the notes, the
// individual records, the devices (and revoking one), and the data downloads. Components render what
// these hand them; the loaders are plain functions so that tests see exactly which requests they make.
import type { Person } from '../../../shared/schemas/organisation.ts';
import type { DateRange } from '../../../shared/time/periods.ts';
import type { Api } from '../api/endpoints.ts';
import { personLogModel } from './person.ts';
import { useLoad } from './use-load.ts';

/**
 * The log over the range and the headline figures. The hours and target come from the figures route,
 * the one computation the overview, plan progress and annual record use; the log gives the online
 * detail behind them.
 */
export async function loadPersonLog(api: Api, personId: string, range: DateRange) {
  const days = { from: range.from, to: range.to };
  const [data, figures, resources] = await Promise.all([api.personLog(personId, range), api.personFigures(personId, days), api.resources()]);
  return { model: personLogModel(data, resources), figures };
}

export const usePersonLog = (api: Api, personId: string, range: DateRange) =>
  useLoad(() => loadPersonLog(api, personId, range), [api, personId, range.from, range.to]);

export const usePersonNotes = (api: Api, personId: string, range: DateRange) =>
  useLoad(() => api.notes({ personId, from: range.from, to: range.to }), [api, personId, range.from, range.to]);

/** The individual records of the range, with each resource's name by id (a deleted one has none). */
export async function loadPersonSegments(api: Api, personId: string, range: DateRange) {
  const [segments, resources] = await Promise.all([api.personSegments(personId, { from: range.from, to: range.to }), api.resources()]);
  return { segments, names: new Map(resources.map((r) => [r.id, r.name])) };
}

export const usePersonSegments = (api: Api, personId: string, range: DateRange) =>
  useLoad(() => loadPersonSegments(api, personId, range), [api, personId, range.from, range.to]);

export const useDevices = (api: Api, personId: string) => useLoad(() => api.devices(personId), [api, personId]);

export const revokeDevice = (api: Api, personId: string, tokenId: string) => api.revokeDevice(personId, tokenId);

/** The two downloads of the person's data, loaded when their button is pressed. */
export function personDataLoaders(api: Api, person: Person, range: DateRange) {
  return {
    everything: () => api.personalExport(person.id),
    xapi: () => api.personXapi(person.id, { from: range.from, to: range.to }),
  };
}
