// Every API call the dashboard makes, one typed function each, with the shared schema that checks the
// answer. Paths and shapes follow the contract and the API plan exactly.
import { z } from 'zod';
import { userSchema } from '../../../shared/schemas/auth.ts';
import { personFiguresSchema } from '../../../shared/schemas/figures.ts';
import { detailedLearningLogSchema } from '../../../shared/schemas/log.ts';
import { bulkReviewResponseSchema, reviewableNotesPageSchema, storedNoteSchema } from '../../../shared/schemas/notes.ts';
import {
  auditEntrySchema,
  deviceSchema,
  personSchema,
  unitSchema,
  type CreatePerson,
  type CreateUnit,
  type UpdatePerson,
  type UpdateUnit,
} from '../../../shared/schemas/organisation.ts';
import { managedResourceSchema, policySchema, type CreateResource, type UpdateResource } from '../../../shared/schemas/policy.ts';
import { segmentReportSchema, unitSummarySchema } from '../../../shared/schemas/reports.ts';
import { settingsSchema, type Settings } from '../../../shared/schemas/settings.ts';
import { eraseResultSchema, personalExportSchema, type EraseRequest } from '../../../shared/schemas/personal-data.ts';
import { xapiStatementsSchema } from '../../../shared/schemas/xapi.ts';
import type { Http } from './http.ts';
import { programmeEndpoints } from './programme-endpoints.ts';

export type { ManagedResource as ListedResource } from '../../../shared/schemas/policy.ts';

const id = (value: string) => encodeURIComponent(value);

export function endpoints(http: Http) {
  return {
    me: () => http.json('GET', '/api/me', userSchema),

    units: () => http.json('GET', '/api/units', z.array(unitSchema)),
    createUnit: (body: CreateUnit) => http.json('POST', '/api/units', unitSchema, { body }),
    updateUnit: (unitId: string, body: UpdateUnit) => http.json('PATCH', `/api/units/${id(unitId)}`, unitSchema, { body }),
    unitSummary: (unitId: string, range: Record<string, string>) =>
      http.json('GET', `/api/units/${id(unitId)}/summary`, unitSummarySchema, { query: range }),

    people: () => http.json('GET', '/api/people', z.array(personSchema)),
    createPerson: (body: CreatePerson) => http.json('POST', '/api/people', userSchema, { body }),
    updatePerson: (personId: string, body: UpdatePerson) =>
      http.json('PATCH', `/api/people/${id(personId)}`, personSchema, { body }),
    setPassword: (personId: string, body: { password: string; currentPassword?: string }) =>
      http.empty('POST', `/api/people/${id(personId)}/password`, { body }),
    personLog: (personId: string, range: { from: string; to: string }) =>
      http.json('GET', `/api/people/${id(personId)}/log`, detailedLearningLogSchema, { query: range }),
    /** Credited hours against the effective target: the one computation the overview and annual record use. */
    personFigures: (personId: string, range: { from: string; to: string }) =>
      http.json('GET', `/api/people/${id(personId)}/figures`, personFiguresSchema, { query: range }),
    personSegments: (personId: string, range: Record<string, string>) =>
      http.json('GET', `/api/people/${id(personId)}/segments`, z.array(segmentReportSchema), { query: range }),
    personalExport: (personId: string) => http.json('GET', `/api/people/${id(personId)}/export`, personalExportSchema),
    erasePersonData: (personId: string, body: EraseRequest) =>
      http.json('DELETE', `/api/people/${id(personId)}/data`, eraseResultSchema, { body }),
    personXapi: (personId: string, range: { from: string; to: string }) =>
      http.json('GET', `/api/people/${id(personId)}/xapi`, xapiStatementsSchema, { query: range }),
    unitXapi: (unitId: string, range: { from: string; to: string }) =>
      http.json('GET', `/api/units/${id(unitId)}/xapi`, xapiStatementsSchema, { query: range }),
    devices: (personId: string) => http.json('GET', `/api/people/${id(personId)}/devices`, z.array(deviceSchema)),
    revokeDevice: (personId: string, tokenId: string) =>
      http.empty('DELETE', `/api/people/${id(personId)}/devices/${id(tokenId)}`),

    resources: () => http.json('GET', '/api/resources', z.array(managedResourceSchema)),
    createResource: (body: CreateResource) => http.json('POST', '/api/resources', managedResourceSchema, { body }),
    updateResource: (resourceId: string, body: UpdateResource) =>
      http.json('PATCH', `/api/resources/${id(resourceId)}`, managedResourceSchema, { body }),
    policy: () => http.json('GET', '/api/policy', policySchema),

    settings: () => http.json('GET', '/api/settings', settingsSchema),
    saveSettings: (body: Settings) => http.json('PUT', '/api/settings', settingsSchema, { body }),

    notes: (query: Record<string, string>) => http.json('GET', '/api/notes', z.array(storedNoteSchema), { query }),
    reviewNote: (noteId: string, comment: string) =>
      http.json('PUT', `/api/notes/${id(noteId)}/review`, storedNoteSchema, { body: { comment } }),
    withdrawReview: (noteId: string) => http.empty('DELETE', `/api/notes/${id(noteId)}/review`),
    reviewableNotes: (query: Record<string, string>) =>
      http.json('GET', '/api/notes/reviewable', reviewableNotesPageSchema, { query }),
    reviewNotes: (noteIds: string[], comment: string) =>
      http.json('POST', '/api/notes/reviews', bulkReviewResponseSchema, { body: { noteIds, comment } }),

    audit: (query: { limit?: number; before?: string }) =>
      http.json('GET', '/api/audit', z.array(auditEntrySchema), {
        query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])),
      }),

    programme: programmeEndpoints(http),
  };
}

export type Api = ReturnType<typeof endpoints>;
