// For the models' tests: an Api whose every endpoint (the programme's too) records its call and answers
// with a marker naming it, so a test sees exactly which requests a form sends and with what.
import type { Api } from '../api/endpoints.ts';
import { fieldsFromData, type FormFields } from './form-fields.ts';

export interface RecordedCall {
  endpoint: string;
  args: unknown[];
}

export function recordingApi(): { api: Api; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const group = (prefix: string): object =>
    new Proxy(
      {},
      {
        get: (_target, key) => {
          const endpoint = `${prefix}${String(key)}`;
          if (endpoint === 'programme') return group('programme.');
          return (...args: unknown[]) => {
            calls.push({ endpoint, args });
            return Promise.resolve({ answeredBy: endpoint });
          };
        },
      },
    );
  return { api: group('') as Api, calls };
}

/** A submitted form holding these name/value pairs (a name given twice is a multiple select). */
export function fields(entries: readonly (readonly [string, string])[]): FormFields {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return fieldsFromData(data);
}
