// Every API call the dashboard makes, one typed function each, with the shared schema that checks the
// answer. Paths and shapes follow the contract and the API plan exactly.
import { z } from 'zod';
import { userSchema } from '../../../shared/schemas/auth.ts';
import {
  auditEntrySchema,
  deviceSchema,
  orgSettingsSchema,
  personRecordSchema,
  segmentDetailSchema,
  type OrgSettings,
  type UpdatePerson,
  type UpdateResource,
  type UpdateUnit,
} from '../../../shared/schemas/dashboard-api.ts';
import { detailedLearningLogSchema } from '../../../shared/schemas/log.ts';
import { storedNoteSchema } from '../../../shared/schemas/notes.ts';
import { unitSchema, type CreatePerson, type CreateUnit } from '../../../shared/schemas/organisation.ts';
import { policySchema, resourceSchema, type CreateResource } from '../../../shared/schemas/policy.ts';
import { unitSummarySchema } from '../../../shared/schemas/reports.ts';
import type { Http } from './http.ts';
import { programmeEndpoints } from './programme-endpoints.ts';

/** A resource as listed: inactive ones stay listed for admins (servers without the flag list only active ones). */
export const listedResourceSchema = resourceSchema.extend({ active: z.boolean().default(true) });
export type ListedResource = z.infer<typeof listedResourceSchema>;

const id = (value: string) => encodeURIComponent(value);

export function endpoints(http: Http) {
  return {
    me: () => http.json('GET', '/api/me', userSchema),

    units: () => http.json('GET', '/api/units', z.array(unitSchema)),
    createUnit: (body: CreateUnit) => http.json('POST', '/api/units', unitSchema, { body }),
    updateUnit: (unitId: string, body: UpdateUnit) => http.json('PATCH', `/api/units/${id(unitId)}`, unitSchema, { body }),
    unitSummary: (unitId: string, range: Record<string, string>) =>
      http.json('GET', `/api/units/${id(unitId)}/summary`, unitSummarySchema, { query: range }),

    people: () => http.json('GET', '/api/people', z.array(personRecordSchema)),
    createPerson: (body: CreatePerson) => http.json('POST', '/api/people', userSchema, { body }),
    updatePerson: (personId: string, body: UpdatePerson) =>
      http.json('PATCH', `/api/people/${id(personId)}`, personRecordSchema, { body }),
    setPassword: (personId: string, body: { password: string; currentPassword?: string }) =>
      http.empty('POST', `/api/people/${id(personId)}/password`, { body }),
    personLog: (personId: string, range: { from: string; to: string }) =>
      http.json('GET', `/api/people/${id(personId)}/log`, detailedLearningLogSchema, { query: range }),
    personSegments: (personId: string, range: Record<string, string>) =>
      http.json('GET', `/api/people/${id(personId)}/segments`, z.array(segmentDetailSchema), { query: range }),
    devices: (personId: string) => http.json('GET', `/api/people/${id(personId)}/devices`, z.array(deviceSchema)),
    revokeDevice: (personId: string, tokenId: string) =>
      http.empty('DELETE', `/api/people/${id(personId)}/devices/${id(tokenId)}`),

    resources: () => http.json('GET', '/api/resources', z.array(listedResourceSchema)),
    createResource: (body: CreateResource) => http.json('POST', '/api/resources', listedResourceSchema, { body }),
    updateResource: (resourceId: string, body: UpdateResource) =>
      http.json('PATCH', `/api/resources/${id(resourceId)}`, listedResourceSchema, { body }),
    policy: () => http.json('GET', '/api/policy', policySchema),

    settings: () => http.json('GET', '/api/settings', orgSettingsSchema),
    saveSettings: (body: OrgSettings) => http.json('PUT', '/api/settings', orgSettingsSchema, { body }),

    notes: (query: Record<string, string>) => http.json('GET', '/api/notes', z.array(storedNoteSchema), { query }),
    reviewNote: (noteId: string, comment: string) =>
      http.json('PUT', `/api/notes/${id(noteId)}/review`, storedNoteSchema, { body: { comment } }),
    withdrawReview: (noteId: string) => http.empty('DELETE', `/api/notes/${id(noteId)}/review`),

    audit: (query: { limit?: number; before?: string }) =>
      http.json('GET', '/api/audit', z.array(auditEntrySchema), {
        query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])),
      }),

    programme: programmeEndpoints(http),
  };
}

export type Api = ReturnType<typeof endpoints>;
