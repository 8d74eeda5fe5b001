// The extension's one client for the StudyTrail server API: sign-in, policy, sync (segments and notes),
// the learning log and the programme (check-in, year plan). Every response is validated with the shared
// wire schemas; every failure becomes a ServerError saying what kind of failure it was; a token the
// server refuses (401) is reported once, here, so every caller marks the account as needing sign-in.
import { z } from 'zod';
import { loginResponseSchema, type LoginResponse } from '../../shared/schemas/auth.ts';
import { errorBodySchema } from '../../shared/schemas/errors.ts';
import { policySchema, type Policy } from '../../shared/schemas/policy.ts';
import { attendanceEntrySchema } from '../../shared/schemas/programme-attendance.ts';
import { sessionSchema } from '../../shared/schemas/programme-calendar.ts';
import { planProgressSchema, studyPlanSchema, type PlanProgress, type StudyPlan } from '../../shared/schemas/programme-plans.ts';
import { syncResponseSchema, type SyncRequest, type SyncResponse } from '../../shared/schemas/sync.ts';
import { learningLogSchema, type LearningLog } from '../../shared/schemas/log.ts';

export type ServerFailureKind =
  /** No HTTP answer at all: offline, wrong address, server down, CORS refused, timeout. */
  | 'unreachable'
  /** 401: bad credentials on sign-in, an expired or revoked token elsewhere (already reported as refused). */
  | 'unauthorized'
  /** Any other error status. */
  | 'http'
  /** A 2xx answer that is not what the contract promises (e.g. the URL is not a StudyTrail server). */
  | 'invalid-response';

export class ServerError extends Error {
  constructor(
    readonly kind: ServerFailureKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** The policy, or word that the one the client holds (named by its ETag) is still current. */
export type PolicyAnswer =
  | { readonly changed: true; readonly policy: Policy; readonly etag: string | null }
  | { readonly changed: false };

/** `POST /api/check-in`: the session checked in to and the person's attendance entry. */
const checkInResponseSchema = z.object({ session: sessionSchema, entry: attendanceEntrySchema });
export type CheckInResponse = z.infer<typeof checkInResponseSchema>;

export interface ServerClient {
  login(server: string, credentials: { username: string; password: string }): Promise<LoginResponse>;
  getPolicy(server: string, token: string): Promise<Policy>;
  /** With the ETag of the policy held, an unchanged policy costs the server a 304 and no body. */
  getPolicyIfChanged(server: string, token: string, etag: string | null): Promise<PolicyAnswer>;
  sync(server: string, token: string, body: SyncRequest): Promise<SyncResponse>;
  /** The person's learning log over [from, to] (dates YYYY-MM-DD). */
  getLog(server: string, token: string, personId: string, from: string, to: string): Promise<LearningLog>;
  /** Self check-in with a session's code; a refusal is a ServerError of kind 'http' carrying the code. */
  checkIn(server: string, token: string, code: string): Promise<CheckInResponse>;
  /** The person's year plan (targets and reading list) for a calendar year of the organisation. */
  getYearPlan(server: string, token: string, personId: string, year: number): Promise<StudyPlan>;
  getYearPlanProgress(server: string, token: string, personId: string, year: number): Promise<PlanProgress>;
}

export interface ServerClientDeps {
  /**
   * Called (and awaited) before a 401 to a request that carried a token is thrown: the account is marked
   * as needing sign-in (account/needs-sign-in.ts), whichever part of the extension made the request.
   * Injected so this module stays below account/ (which signs in through it).
   */
  readonly onTokenRefused: (token: string) => Promise<void>;
  readonly fetch?: typeof fetch;
}

// Long enough for a slow office network, short enough that a sign-in attempt does not hang.
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * The server's base URL as the person typed it, reduced to scheme, host, port and path without a
 * trailing slash; null when it is not an http(s) URL.
 */
export function normaliseServerUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function createServerClient(deps: ServerClientDeps): ServerClient {
  const fetchFn: typeof fetch = deps.fetch ?? ((...args) => fetch(...args));

  async function call<S extends z.ZodType>(
    schema: S,
    server: string,
    path: string,
    init: { method: 'GET' | 'POST'; token?: string; body?: unknown; ifNoneMatch?: string },
  ): Promise<{ data: z.infer<S>; etag: string | null } | 'not-modified'> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.ifNoneMatch !== undefined) headers['if-none-match'] = init.ifNoneMatch;
    let response: Response;
    try {
      response = await fetchFn(`${server}${path}`, {
        method: init.method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        // The extension keeps its own copy and ETag; the HTTP cache must not answer in the server's place.
        cache: 'no-store',
      });
    } catch (error) {
      throw new ServerError('unreachable', error instanceof Error ? error.message : String(error));
    }
    if (response.status === 304 && init.ifNoneMatch !== undefined) return 'not-modified';
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const body = errorBodySchema.safeParse(json);
      const code = body.success ? body.data.error.code : undefined;
      const message = body.success ? body.data.error.message : `HTTP ${response.status}`;
      if (response.status !== 401) throw new ServerError('http', message, response.status, code);
      // 401 to sign-in itself is wrong credentials: there is no token to refuse.
      if (init.token !== undefined) await deps.onTokenRefused(init.token);
      throw new ServerError('unauthorized', message, response.status, code);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ServerError('invalid-response', `unexpected answer from ${path}: ${parsed.error.message}`);
    }
    return { data: parsed.data, etag: response.headers.get('etag') };
  }

  /** Calls that never send If-None-Match, so never see 304. */
  async function plain<S extends z.ZodType>(...args: Parameters<typeof call<S>>): Promise<z.infer<S>> {
    const answer = await call(...args);
    if (answer === 'not-modified') throw new ServerError('invalid-response', 'unexpected 304');
    return answer.data;
  }

  return {
    login: (server, credentials) =>
      plain(loginResponseSchema, server, '/api/auth/login', { method: 'POST', body: credentials }),
    getPolicy: (server, token) => plain(policySchema, server, '/api/policy', { method: 'GET', token }),
    async getPolicyIfChanged(server, token, etag) {
      const ifNoneMatch = etag ?? undefined;
      const answer = await call(policySchema, server, '/api/policy', { method: 'GET', token, ifNoneMatch });
      return answer === 'not-modified' ? { changed: false } : { changed: true, policy: answer.data, etag: answer.etag };
    },
    sync: (server, token, body) => plain(syncResponseSchema, server, '/api/sync', { method: 'POST', token, body }),
    getLog: (server, token, personId, from, to) =>
      plain(learningLogSchema, server, `/api/people/${encodeURIComponent(personId)}/log?from=${from}&to=${to}`, { method: 'GET', token }),
    checkIn: (server, token, code) => plain(checkInResponseSchema, server, '/api/check-in', { method: 'POST', token, body: { code } }),
    getYearPlan: (server, token, personId, year) =>
      plain(studyPlanSchema, server, `/api/people/${encodeURIComponent(personId)}/plans/${year}/year`, { method: 'GET', token }),
    getYearPlanProgress: (server, token, personId, year) =>
      plain(planProgressSchema, server, `/api/people/${encodeURIComponent(personId)}/plans/${year}/year/progress`, { method: 'GET', token }),
  };
}
