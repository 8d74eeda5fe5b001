// Learning records → xAPI 1.0.3 statements, for another learning system (an LRS) to take in. Pure: the
// route loads the records; this maps them. One statement per record, with a stable id derived from
// the record's id, so sending the same export twice to an LRS stores nothing twice.
//
//   record                    verb        object                         result.duration
//   segment, mode reading     read        the page (type page)           credited time (none: left out)
//   segment, mode media       watched     the page (type video)          credited time (none: left out)
//   note (clipped or free)    annotated   the page, or the note itself   (comment as response)
//   attendance                attended    the session (type meeting)     -
//   submission                submitted   the report (type document)     -
import { createHash } from 'node:crypto';
import type { Category, SegmentMode } from '../../shared/schemas/domain.ts';
import { instantInZone } from '../../shared/time/zoned-days.ts';

export const XAPI_VERSION = '1.0.3';

/** The verbs, from ADL's and the Activity Streams vocabularies in the xAPI registry. */
export const XAPI_VERBS = {
  read: { id: 'http://activitystrea.ms/schema/1.0/read', display: { 'en-US': 'read', 'zh-CN': '阅读' } },
  watched: { id: 'http://activitystrea.ms/schema/1.0/watch', display: { 'en-US': 'watched', 'zh-CN': '观看' } },
  annotated: { id: 'http://risc-inc.com/annotator/verbs/annotated', display: { 'en-US': 'annotated', 'zh-CN': '批注' } },
  attended: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'attended', 'zh-CN': '出席' } },
  submitted: { id: 'http://activitystrea.ms/schema/1.0/submit', display: { 'en-US': 'submitted', 'zh-CN': '提交' } },
} as const;

export const XAPI_ACTIVITY_TYPES = {
  page: 'http://activitystrea.ms/schema/1.0/page',
  video: 'https://w3id.org/xapi/video/activity-type/video',
  note: 'http://activitystrea.ms/schema/1.0/note',
  meeting: 'http://adlnet.gov/expapi/activities/meeting',
  document: 'http://id.tincanapi.com/activitytype/document',
  resource: 'http://id.tincanapi.com/activitytype/resource',
  category: 'http://id.tincanapi.com/activitytype/category',
} as const;

/** Namespace of StudyTrail's UUID v5 statement ids (a fixed random UUID; never change it). */
const STATEMENT_NAMESPACE = '5b0c7f0e-8a2d-4c55-9f43-6c3f2f1d9a11';

export type LanguageMap = Record<string, string>;

export interface XapiStatement {
  id: string;
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { type: string; name?: LanguageMap; extensions?: Record<string, unknown> };
  };
  result?: { duration?: string; response?: string; extensions?: Record<string, unknown> };
  context: {
    platform: string;
    language: string;
    contextActivities?: {
      parent?: XapiActivity[];
      category?: XapiActivity[];
    };
  };
  timestamp: string;
  version: typeof XAPI_VERSION;
}

interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition: { type: string; name?: LanguageMap };
}

export interface XapiPerson {
  username: string;
  name: string;
}

export interface XapiResource {
  id: string;
  name: string;
  category: Category;
}

/** The records of one person that become statements; each kind is mapped in the table above. */
export type XapiRecord =
  | {
      kind: 'segment';
      id: string;
      resourceId: string;
      url: string;
      title: string;
      startMs: number;
      mode: SegmentMode;
      /** What the segment was credited, by the same rule as the learning logs (aggregation/split-day-seconds.ts). */
      creditedSeconds: number;
    }
  | { kind: 'note'; id: string; url: string | null; title: string; resourceId: string | null; quote: string; comment: string; createdAt: string }
  | { kind: 'attendance'; id: string; sessionId: string; sessionTitle: string; at: string }
  | { kind: 'submission'; id: string; title: string; submittedAt: string };

export interface XapiOptions {
  /** The office's StudyTrail address, e.g. https://studytrail.example.org/ (the actor's account home). */
  homePage: string;
  timeZone: string;
  resourceOf: (id: string) => XapiResource | undefined;
}

/** RFC 4122 version 5 (SHA-1, name-based) UUID. */
export function uuidV5(name: string, namespace: string = STATEMENT_NAMESPACE): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** ISO 8601 duration of whole seconds: PT1H2M3S, PT45S, PT0S. */
export function isoDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts = `${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}${rest > 0 ? `${rest}S` : ''}`;
  return `PT${parts === '' ? '0S' : parts}`;
}

const name = (text: string): LanguageMap | undefined => (text.trim() === '' ? undefined : { 'zh-CN': text });

/** Statements for one person's records, oldest first. Segments credited nothing (overlapped, capped) are left out. */
export function xapiStatements(person: XapiPerson, records: readonly XapiRecord[], options: XapiOptions): XapiStatement[] {
  const home = options.homePage.endsWith('/') ? options.homePage : `${options.homePage}/`;
  const iri = (path: string) => `${home}xapi/${path}`;
  const actor: XapiStatement['actor'] = { objectType: 'Agent', name: person.name, account: { homePage: home, name: person.username } };
  const at = (instant: string | number) => instantInZone(typeof instant === 'number' ? instant : Date.parse(instant), options.timeZone);
  const context = (resourceId: string | null): XapiStatement['context'] => {
    const resource = resourceId === null ? undefined : options.resourceOf(resourceId);
    const base = { platform: 'StudyTrail', language: 'zh-CN' };
    if (!resource) return base;
    return {
      ...base,
      contextActivities: {
        parent: [{ objectType: 'Activity', id: iri(`resources/${resource.id}`), definition: { type: XAPI_ACTIVITY_TYPES.resource, name: { 'zh-CN': resource.name } } }],
        category: [{ objectType: 'Activity', id: iri(`categories/${resource.category}`), definition: { type: XAPI_ACTIVITY_TYPES.category } }],
      },
    };
  };

  const out: { sortMs: number; statement: XapiStatement }[] = [];
  for (const record of records) {
    switch (record.kind) {
      case 'segment': {
        const seconds = record.creditedSeconds;
        // Time another segment already accounts for: reporting it again would count it twice.
        if (seconds <= 0) continue;
        const video = record.mode === 'media';
        out.push({
          sortMs: record.startMs,
          statement: {
            id: uuidV5(`segment:${record.id}`),
            actor,
            verb: video ? XAPI_VERBS.watched : XAPI_VERBS.read,
            object: {
              objectType: 'Activity',
              id: record.url,
              definition: { type: video ? XAPI_ACTIVITY_TYPES.video : XAPI_ACTIVITY_TYPES.page, ...(name(record.title) && { name: name(record.title) }) },
            },
            result: { duration: isoDuration(seconds) },
            context: context(record.resourceId),
            timestamp: at(record.startMs),
            version: XAPI_VERSION,
          },
        });
        break;
      }
      case 'note': {
        const title = name(record.title);
        const result = {
          ...(record.comment !== '' && { response: record.comment }),
          ...(record.quote !== '' && { extensions: { [iri('extensions/quote')]: record.quote } }),
        };
        out.push({
          sortMs: Date.parse(record.createdAt),
          statement: {
            id: uuidV5(`note:${record.id}`),
            actor,
            verb: XAPI_VERBS.annotated,
            object:
              record.url !== null
                ? { objectType: 'Activity', id: record.url, definition: { type: XAPI_ACTIVITY_TYPES.page, ...(title && { name: title }) } }
                : { objectType: 'Activity', id: iri(`notes/${record.id}`), definition: { type: XAPI_ACTIVITY_TYPES.note, ...(title && { name: title }) } },
            ...(Object.keys(result).length > 0 && { result }),
            context: context(record.resourceId),
            timestamp: at(record.createdAt),
            version: XAPI_VERSION,
          },
        });
        break;
      }
      case 'attendance':
        out.push({
          sortMs: Date.parse(record.at),
          statement: {
            id: uuidV5(`attendance:${record.id}`),
            actor,
            verb: XAPI_VERBS.attended,
            object: { objectType: 'Activity', id: iri(`sessions/${record.sessionId}`), definition: { type: XAPI_ACTIVITY_TYPES.meeting, name: { 'zh-CN': record.sessionTitle } } },
            context: context(null),
            timestamp: at(record.at),
            version: XAPI_VERSION,
          },
        });
        break;
      case 'submission':
        out.push({
          sortMs: Date.parse(record.submittedAt),
          statement: {
            id: uuidV5(`submission:${record.id}`),
            actor,
            verb: XAPI_VERBS.submitted,
            object: { objectType: 'Activity', id: iri(`reports/${record.id}`), definition: { type: XAPI_ACTIVITY_TYPES.document, name: { 'zh-CN': record.title } } },
            context: context(null),
            timestamp: at(record.submittedAt),
            version: XAPI_VERSION,
          },
        });
        break;
    }
  }
  return out.sort((a, b) => a.sortMs - b.sortMs || (a.statement.id < b.statement.id ? -1 : 1)).map((o) => o.statement);
}
