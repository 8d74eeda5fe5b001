// A tiny fetch client for API tests: every call returns status, headers and the parsed body, and
// helpers turn a response into typed data or into the contract's error shape.
import { expect } from 'vitest';
import type { z } from 'zod';
import { errorBodySchema } from '../../shared/schemas/errors.ts';

export interface ApiResult {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON (null when empty). */
  body: unknown;
}

export interface SendOptions {
  token?: string;
  /** Sent as JSON with Content-Type: application/json. */
  json?: unknown;
  /** Sent verbatim, for malformed bodies; set the headers yourself. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiClient {
  readonly baseUrl: string;
  send(method: string, path: string, options?: SendOptions): Promise<ApiResult>;
  get(path: string, token?: string): Promise<ApiResult>;
  post(path: string, json: unknown, token?: string): Promise<ApiResult>;
  put(path: string, json: unknown, token?: string): Promise<ApiResult>;
  patch(path: string, json: unknown, token?: string): Promise<ApiResult>;
  delete(path: string, json: unknown, token?: string): Promise<ApiResult>;
}

export function apiClient(baseUrl: string): ApiClient {
  async function send(method: string, path: string, options: SendOptions = {}): Promise<ApiResult> {
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers: { ...headers, ...options.headers }, body });
    const text = await res.text();
    let parsed: unknown = text === '' ? null : text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }
  return {
    baseUrl,
    send,
    get: (path, token) => send('GET', path, { token }),
    post: (path, json, token) => send('POST', path, { json, token }),
    put: (path, json, token) => send('PUT', path, { json, token }),
    patch: (path, json, token) => send('PATCH', path, { json, token }),
    delete: (path, json, token) => send('DELETE', path, { json, token }),
  };
}

/** Asserts the status and parses the body with the schema. */
export function expectData<S extends z.ZodType>(res: ApiResult, schema: S, status = 200): z.output<S> {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return schema.parse(res.body);
}

/** Asserts the contract's error shape with this status and code; returns the message. */
export function expectError(res: ApiResult, status: number, code: string): string {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const { error } = errorBodySchema.parse(res.body);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  return error.message;
}
