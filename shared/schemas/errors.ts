// The one error shape every failing API response uses, and the machine codes it carries.
import { z } from 'zod';

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The specifics a person needs to fix the request (which session clashes, which date is taken), when there are any. */
    details: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** "field.path: problem; ..." — names the field so the caller knows what to fix. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
}

/** Codes of whole-request failures; per-item rejection codes live beside the sync schema. */
export const ERROR_CODES = {
  badRequest: 'bad_request',
  invalidJson: 'invalid_json',
  validation: 'validation_failed',
  unauthenticated: 'unauthenticated',
  badCredentials: 'bad_credentials',
  forbidden: 'forbidden',
  csrfFailed: 'csrf_failed',
  notFound: 'not_found',
  conflict: 'conflict',
  bodyTooLarge: 'body_too_large',
  rateLimited: 'rate_limited',
  internal: 'internal_error',
  /** The store cannot save changes (a full or failing disk): 503 on writes and on /api/health. */
  storeReadOnly: 'store_read_only',
  // The learning programme's refusals (sessions and check-in).
  impossibleTimes: 'impossible_times',
  sessionClash: 'session_clash',
  wrongCode: 'wrong_code',
  checkInClosed: 'check_in_closed',
  alreadyCheckedIn: 'already_checked_in',
  notOnRoster: 'not_on_roster',
  // Who may change what counts, and records that stay as they were decided.
  ownRecord: 'own_record',
  organiserOutside: 'organiser_outside',
  tariffTooLong: 'tariff_too_long',
  implausibleDate: 'implausible_date',
  sessionCancelled: 'session_cancelled',
  yearClosed: 'year_closed',
  duplicateUnitName: 'duplicate_unit_name',
  unitNotEmpty: 'unit_not_empty',
  calendarTaken: 'calendar_taken',
  /** The holiday arrangement's text has bad lines (`details.lines`: "2, 5"). */
  holidaysInvalid: 'holidays_invalid',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
