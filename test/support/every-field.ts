// A value for a zod schema with every field set, optional and nullable ones included, each to something
// other than its default: what a round-trip test writes so that a field added to a stored shape is
// covered without anyone listing it. Walks the schema's JSON Schema (zod's public z.toJSONSchema) and
// throws on anything it cannot fill (an unknown pattern, a refinement the JSON Schema cannot express,
// `unknown`), naming the path, so the test fails instead of writing a record with a field left out.
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  format?: string;
  pattern?: string;
  default?: unknown;
};

/** Values for paths (dotted, array items as `[]`: `note.selectors[].exact`) the walk cannot fill alone. */
export type Overrides = Record<string, unknown>;

const ID_PATTERN = '^[A-Za-z0-9_-]+$';
const DIGITS_PATTERN = '^\\d+$';

export class CannotFill extends Error {}

/** Every field of `schema` filled; parsed back by the schema unchanged (else CannotFill says where). */
export function everyField<S extends z.ZodType>(schema: S, overrides: Overrides = {}): z.output<S> {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  let counter = 0;
  const used = new Set<string>();

  function fill(s: JsonSchema, path: string): unknown {
    if (path in overrides) {
      used.add(path);
      return overrides[path];
    }
    const value = fillBare(s, path);
    if (s.default !== undefined && isDeepStrictEqual(value, s.default)) throw new CannotFill(`${path || '(root)'}: the value made equals the default; add an override`);
    return value;
  }

  function fillBare(s: JsonSchema, path: string): unknown {
    const where = path || '(root)';
    if (s.const !== undefined) return s.const;
    if (s.enum) return [...s.enum].reverse().find((v) => !isDeepStrictEqual(v, s.default)) ?? s.enum[0];
    const options = s.anyOf ?? s.oneOf;
    if (options) {
      const notNull = options.filter((o) => o.type !== 'null');
      if (notNull.length === 0) throw new CannotFill(`${where}: only null`);
      return fill(notNull[0]!, path);
    }
    const types = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null') : s.type === undefined ? [] : [s.type];
    const type = types[0];
    counter++;
    switch (type) {
      case 'string':
        return stringFor(s, where, counter);
      case 'integer':
      case 'number': {
        // Unbounded below (a year, say): start somewhere plausible rather than at -2^53.
        const lowest = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
        const min = lowest < -1e6 ? 2000 : lowest;
        const max = s.maximum ?? Number.MAX_SAFE_INTEGER;
        const n = Math.min(max, min + counter);
        return type === 'number' && n + 0.5 <= max ? n + 0.5 : n;
      }
      case 'boolean':
        return s.default === true ? false : true;
      case 'array': {
        if (s.prefixItems) return s.prefixItems.map((item, i) => fill(item, `${path}[${i}]`));
        if (!s.items) throw new CannotFill(`${where}: an array of anything`);
        return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => fill(s.items!, `${path}[]`));
      }
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [key, property] of Object.entries(s.properties ?? {})) out[key] = fill(property, path ? `${path}.${key}` : key);
        if (typeof s.additionalProperties === 'object') {
          const key = s.propertyNames ? (fill(s.propertyNames, `${path}{key}`) as string) : `key${counter}`;
          out[key] = fill(s.additionalProperties, `${path}{}`);
        }
        return out;
      }
      default:
        throw new CannotFill(`${where}: cannot fill a value of ${JSON.stringify(s).slice(0, 200)}; add an override`);
    }
  }

  const value = fill(json, '');
  const unused = Object.keys(overrides).filter((p) => !used.has(p));
  if (unused.length > 0) throw new CannotFill(`overrides for paths the schema does not have: ${unused.join(', ')}`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new CannotFill(`the value made does not parse (add overrides): ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (!isDeepStrictEqual(parsed.data, value)) throw new CannotFill('the schema changes the value made when parsing it (a transform): add overrides');
  return parsed.data;
}

function stringFor(s: JsonSchema, where: string, n: number): string {
  if (s.format === 'date-time') return new Date(Date.UTC(2026, 2, 1 + (n % 27), 8, n % 60, 0)).toISOString();
  if (s.format === 'date') return `2026-04-${String(1 + (n % 27)).padStart(2, '0')}`;
  if (s.format === 'uuid') return `0e3b6f0a-2222-4222-8222-${String(n).padStart(12, '0')}`;
  if (s.format === 'uri' || s.format === 'url') return `https://learn.example.org/page-${n}`;
  if (s.format === 'email') return `person${n}@example.org`;
  if (s.format !== undefined) throw new CannotFill(`${where}: cannot fill a string of format ${s.format}; add an override`);
  let text: string;
  if (s.pattern === undefined || s.pattern === ID_PATTERN) text = `f${n}`;
  else if (s.pattern === DIGITS_PATTERN) text = String(n);
  else throw new CannotFill(`${where}: cannot fill a string matching ${s.pattern}; add an override`);
  if (s.minLength !== undefined && text.length < s.minLength) text = text.padEnd(s.minLength, 'x');
  if (s.maxLength !== undefined && text.length > s.maxLength) throw new CannotFill(`${where}: no room for a value in ${s.maxLength} characters; add an override`);
  return text;
}
