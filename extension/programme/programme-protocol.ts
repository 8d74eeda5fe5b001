// The programme requests the background serves to the popup (joined into messaging/protocol.ts):
// check in to a session with its code, this year's plan progress, and a year's must-read books (the
// note editor's picker, in the page and the side panel).
import { z } from 'zod';
import type { ReadingItem } from '../../shared/schemas/programme-plans.ts';

export const programmeRequestSchemas = [
  z.object({ type: z.literal('checkIn'), code: z.string().trim().min(1).max(32) }),
  z.object({ type: z.literal('planProgress') }),
  // The instant the note was written: its year is the organisation's, which only the background knows.
  z.object({ type: z.literal('mustReadBooks'), writtenAt: z.number().int().nonnegative() }),
] as const;

type ProgrammeRequest = z.infer<(typeof programmeRequestSchemas)[number]>;
type ProgrammeRequestOf<K extends ProgrammeRequest['type']> = Extract<ProgrammeRequest, { type: K }>;

/** Why the server refused a check-in: each is explained to the person in their language. */
export const CHECK_IN_REFUSALS = ['wrong_code', 'check_in_closed', 'already_checked_in', 'not_on_roster'] as const;
export type CheckInRefusal = (typeof CHECK_IN_REFUSALS)[number];

export type CheckInResult =
  | { readonly outcome: 'checked-in'; readonly topic: string; readonly late: boolean }
  | { readonly outcome: 'refused'; readonly reason: CheckInRefusal };

/** The year plan's progress as the popup shows it; null when not signed in. */
export interface PlanSummary {
  readonly year: number;
  readonly targetHours: number;
  readonly achievedSeconds: number;
  readonly readingDone: number;
  readonly readingTotal: number;
}

/**
 * A book on the person's must-read list (their year plan: unit items and their own), as the picker lists
 * it. Derived from the wire type, so storage/ keeps the list without importing programme/.
 */
export type MustReadBook = Readonly<Pick<ReadingItem, 'id' | 'title'>>;

export interface ProgrammeProtocol {
  checkIn: { request: ProgrammeRequestOf<'checkIn'>; response: CheckInResult };
  planProgress: { request: ProgrammeRequestOf<'planProgress'>; response: PlanSummary | null };
  /** The year's must-read books; the last list fetched when the server cannot be reached; null when signed out. */
  mustReadBooks: { request: ProgrammeRequestOf<'mustReadBooks'>; response: readonly MustReadBook[] | null };
}
