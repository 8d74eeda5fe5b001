// The one place the dashboard talks HTTP: adds the credentials (session cookie + CSRF token, or a
// bearer token), validates every response with its shared schema, and turns failures into ApiFailure.
import type { z } from 'zod';
import { errorBodySchema } from '../../../shared/schemas/errors.ts';

export type Credentials = { kind: 'cookie'; csrfToken: string } | { kind: 'bearer'; token: string } | { kind: 'none' };

/** A failed call: the server's error code and message, or a local code for network and shape problems. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The specifics the server sent with the refusal (`error.details`): which session clashes, which date is taken. */
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export interface RequestOptions {
  query?: Record<string, string>;
  body?: unknown;
}

export interface Http {
  credentials: Credentials;
  /** Validated JSON of a 2xx response. */
  json<S extends z.ZodType>(method: string, path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
  /** For calls answered with 204. */
  empty(method: string, path: string, options?: RequestOptions): Promise<void>;
}

export function createHttp(baseUrl: string, fetch_: typeof fetch = (...args) => fetch(...args)): Http {
  const http: Http = {
    credentials: { kind: 'none' },
    async json(method, path, schema, options = {}) {
      const res = await send(method, path, options);
      const body: unknown = await res.json().catch(() => {
        throw new ApiFailure(res.status, 'bad_response', `${method} ${path}: the response is not JSON`);
      });
      const checked = schema.safeParse(body);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new ApiFailure(res.status, 'bad_response', `${method} ${path}: unexpected response (${issue?.path.join('.') || 'body'}: ${issue?.message})`);
      }
      return checked.data;
    },
    async empty(method, path, options = {}) {
      await send(method, path, options);
    },
  };

  async function send(method: string, path: string, { query, body }: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const c = http.credentials;
    if (c.kind === 'bearer') headers.authorization = `Bearer ${c.token}`;
    if (c.kind === 'cookie' && method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = c.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const qs = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
    let res: Response;
    try {
      res = await fetch_(`${baseUrl}${path}${qs}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch (err) {
      throw new ApiFailure(0, 'network', `${method} ${path}: ${(err as Error).message}`);
    }
    if (res.ok) return res;
    const error = errorBodySchema.safeParse(await res.json().catch(() => null));
    throw error.success
      ? new ApiFailure(res.status, error.data.error.code, error.data.error.message, error.data.error.details)
      : new ApiFailure(res.status, 'http_error', `${method} ${path}: HTTP ${res.status}`);
  }

  return http;
}
