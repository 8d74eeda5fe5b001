// The background's whole API, as seen by the extension's own pages and by content scripts: each request
// type, who may send it, its payload (validated on arrival) and its answer. Pages call it through
// client.ts; background-handlers.ts serves it.
import { z } from 'zod';
import type { User } from '../../shared/schemas/auth.ts';
import { noteRequestSchemas, type NotesProtocol } from '../highlights/notes/notes-protocol.ts';
import type { CountingStatus } from '../tracking/counting.ts';
import { programmeRequestSchemas, type ProgrammeProtocol } from '../programme/programme-protocol.ts';

/** Epoch milliseconds as a page reports them. */
const instantMs = z.number().int().min(0).max(8.64e15);

export const backgroundRequestSchema = z.discriminatedUnion('type', [
  // The popup names its window: while it asks, that window is in front of the person.
  z.object({ type: z.literal('getStatus'), popupWindowId: z.number().int().min(0).optional() }),
  z.object({
    type: z.literal('signIn'),
    server: z.string().min(1).max(2048),
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  }),
  z.object({ type: z.literal('signOut') }),
  z.object({ type: z.literal('getServerToday') }),
  ...noteRequestSchemas,
  ...programmeRequestSchemas,
  z.object({ type: z.literal('setPaused'), paused: z.boolean() }),
  // From the tracking probe on designated pages (content script).
  z.object({
    type: z.literal('pageState'),
    url: z.string().max(8192),
    visible: z.boolean(),
    mediaPlaying: z.boolean(),
    lastInputAt: instantMs.nullable(),
  }),
  z.object({ type: z.literal('presenceConfirmed') }),
  z.object({ type: z.literal('clockJumped'), from: instantMs, to: instantMs }),
]);
export type BackgroundRequest = z.infer<typeof backgroundRequestSchema>;
export type BackgroundRequestType = BackgroundRequest['type'];
export type RequestOf<K extends BackgroundRequestType> = Extract<BackgroundRequest, { type: K }>;

/**
 * Who may send each request: the extension's own pages (options, popup), or a content script in a
 * web page's tab. A request from the wrong kind of sender is refused before any handler runs.
 */
type SenderKinds = readonly ('extension-page' | 'content-script')[];
const PAGES: SenderKinds = ['extension-page'];
const CONTENT: SenderKinds = ['content-script'];
const BOTH: SenderKinds = ['extension-page', 'content-script'];

export const REQUEST_SENDERS: Record<BackgroundRequestType, SenderKinds> = {
  getStatus: PAGES,
  getServerToday: PAGES,
  signIn: PAGES,
  signOut: PAGES,
  setPaused: PAGES,
  pageState: CONTENT,
  presenceConfirmed: CONTENT,
  clockJumped: CONTENT,
  // Notes: the side panel (a page) manages them all; the highlighter in a tab clips and edits in place.
  listNotes: PAGES,
  writeNote: PAGES,
  restoreNote: PAGES,
  refreshNotes: PAGES,
  notesForPage: BOTH,
  clipNote: BOTH,
  updateNote: BOTH,
  deleteNote: BOTH,
  // The learning programme: from the popup, and the must-read books for the note editor anywhere.
  checkIn: PAGES,
  planProgress: PAGES,
  mustReadBooks: BOTH,
};

/** What the background knows of a sender: the tab of a content script. */
export interface SenderInfo {
  readonly tabId?: number;
}

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
  /** Counting now and in which mode, or why not. */
  readonly counting: CountingStatus;
  /** The presence question is waiting for an answer in the page. */
  readonly presencePending: boolean;
  readonly todaySeconds: number;
  /** Since Monday, on this browser. */
  readonly weekSeconds: number;
  readonly lastSyncAt: number | null;
  readonly lastSyncError: string | null;
  /** The organisation's zone (the policy's): the days above are its days, and times show in it. */
  readonly timeZone: string;
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

export interface BackgroundProtocol extends NotesProtocol, ProgrammeProtocol {
  getStatus: { request: RequestOf<'getStatus'>; response: Status };
  /** The server's credited seconds for today (all devices), null when it cannot say. */
  getServerToday: { request: RequestOf<'getServerToday'>; response: number | null };
  signIn: { request: RequestOf<'signIn'>; response: SignInResult };
  signOut: { request: RequestOf<'signOut'>; response: SignOutResult };
  setPaused: { request: RequestOf<'setPaused'>; response: Status };
  pageState: { request: RequestOf<'pageState'>; response: null };
  presenceConfirmed: { request: RequestOf<'presenceConfirmed'>; response: null };
  clockJumped: { request: RequestOf<'clockJumped'>; response: null };
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
  'forbidden', // a request from a sender that may not make it
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
  [K in BackgroundRequestType]: (
    request: BackgroundProtocol[K]['request'],
    sender: SenderInfo,
  ) => Promise<BackgroundProtocol[K]['response']>;
};
