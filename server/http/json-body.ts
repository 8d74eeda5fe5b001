// Reads and validates a JSON request body. Done by hand rather than with Hono's validator, which
// silently sees {} when the Content-Type is not application/json.
import type { Context } from 'hono';
import type { z } from 'zod';
import { describeIssues } from '../../shared/schemas/errors.ts';
import { badRequest, invalidJson, validationFailed } from './api-error.ts';
import { readBodyText } from './read-body.ts';

/**
 * Large enough for a full sync batch (500 segments with long URLs and titles, 200 notes), small enough
 * that a stray upload cannot exhaust memory.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Parses a value against a schema or throws 400 validation_failed. */
export function parseOrFail<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const checked = schema.safeParse(value);
  if (!checked.success) throw validationFailed(describeIssues(checked.error));
  return checked.data;
}

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw badRequest(
      `Send the body as JSON with the header Content-Type: application/json (got ${type === '' ? 'no Content-Type' : `"${type}"`})`,
    );
  }
  const text = await readBodyText(c, MAX_BODY_BYTES);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    // Asked only on failure: trimming every body first copied it.
    if (/^\s*$/.test(text)) throw invalidJson('The request body is empty: send a JSON object');
    throw invalidJson(`The request body is not valid JSON: ${(err as Error).message}`);
  }
  return parseOrFail(schema, raw);
}
