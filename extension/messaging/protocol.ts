// The background's whole API, as seen by the extension's own pages and by content scripts: each request
// type, who may send it, its payload (validated on arrival) and its answer. Pages call it through
// client.ts; background-handlers.ts serves it.
import { z } from 'zod';
import type { SignInResult, SignOutResult } from '../account/sign-in.ts';
import { noteRequestSchemas, type NotesProtocol } from '../highlights/notes/notes-protocol.ts';
import { programmeRequestSchemas, type ProgrammeProtocol } from '../programme/programme-protocol.ts';
import type { HandlersOf } from '../rpc/handler-map.ts';
import type { Status } from '../status/read-status.ts';
import { probeReportSchemas, type ProbeReportProtocol } from '../tracking/probe-reports.ts';

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
  ...probeReportSchemas,
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

export interface BackgroundProtocol extends NotesProtocol, ProgrammeProtocol, ProbeReportProtocol {
  getStatus: { request: RequestOf<'getStatus'>; response: Status };
  /** The server's credited seconds for today (all devices), null when it cannot say. */
  getServerToday: { request: RequestOf<'getServerToday'>; response: number | null };
  signIn: { request: RequestOf<'signIn'>; response: SignInResult };
  signOut: { request: RequestOf<'signOut'>; response: SignOutResult };
  setPaused: { request: RequestOf<'setPaused'>; response: Status };
}

export type Handlers = HandlersOf<BackgroundProtocol>;
