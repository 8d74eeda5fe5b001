// The background's whole API, as seen by the extension's own pages: each request type, its payload
// (validated on arrival) and its answer. Pages call it through client.ts; background-handlers.ts serves it.
import { z } from 'zod';
import type { User } from '../../shared/schemas/auth.ts';
import { noteRequestSchemas, type NotesProtocol } from '../highlights/notes/notes-protocol.ts';

export const backgroundRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('getStatus') }),
  z.object({
    type: z.literal('signIn'),
    server: z.string().min(1).max(2048),
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  }),
  z.object({ type: z.literal('signOut') }),
  ...noteRequestSchemas,
]);
export type BackgroundRequest = z.infer<typeof backgroundRequestSchema>;
export type BackgroundRequestType = BackgroundRequest['type'];
export type RequestOf<K extends BackgroundRequestType> = Extract<BackgroundRequest, { type: K }>;

export interface Status {
  readonly account: {
    readonly name: string;
    readonly username: string;
    readonly server: string;
    /** The server refused the saved token: counting continues, sending waits for a new sign-in. */
    readonly needsSignIn: boolean;
  } | null;
  /** Name of the designated resource being counted right now, null when not counting. */
  readonly countingResource: string | null;
  readonly todaySeconds: number;
  readonly lastSyncAt: number | null;
  readonly lastSyncError: string | null;
  /** Closed segments waiting to be sent. */
  readonly pendingCount: number;
  readonly rejectedCount: number;
  /** Host permissions the policy needs that the person has not granted (pages there cannot count). */
  readonly missingOrigins: readonly string[];
}

export interface SignInResult {
  readonly user: User;
  /** Host permissions to request from the person, in the page, while their click still counts. */
  readonly origins: readonly string[];
}

export interface SignOutResult {
  /** Segments that could not be sent and are kept for this person's next sign-in. */
  readonly keptCount: number;
}

export interface BackgroundProtocol extends NotesProtocol {
  getStatus: { request: RequestOf<'getStatus'>; response: Status };
  signIn: { request: RequestOf<'signIn'>; response: SignInResult };
  signOut: { request: RequestOf<'signOut'>; response: SignOutResult };
}

export const FAILURE_CODES = [
  'invalid_server', // not an http(s) URL
  'managed_server', // not the server the organisation's policy sets
  'bad_credentials',
  'unreachable', // no answer from the server
  'server_error', // an answer, but not a usable one
  'invalid_request', // a malformed message (a bug in the caller)
  'signed_out', // the request needs a signed-in person
  'not_found', // no such item (a note deleted on another device, say)
  'internal', // a bug in the background
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** A failure the background reports to the page by code, for the page to explain in its language. */
export class BackgroundFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'BackgroundFailure';
  }
}

export type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: FailureCode; readonly message: string };

export type Handlers = {
  [K in BackgroundRequestType]: (request: BackgroundProtocol[K]['request']) => Promise<BackgroundProtocol[K]['response']>;
};
