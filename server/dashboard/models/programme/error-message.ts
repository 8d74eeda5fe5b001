// A refusal in the reader's language: the server's error code (and, for some, the problem it names)
// picks the message, and the specifics it sends in `error.details` fill it in (which session clashes,
// which date is taken). Other failures (network, signed out, a server error) keep their general words.
import { ApiFailure } from '../../api/http.ts';
import type { MessageKey, Translate } from '../../i18n/t.ts';
import { tariffKindSchema } from '../../../../shared/schemas/programme-calendar.ts';

/** Codes whose message depends on the problem the server names in `details`. */
const BY_DETAIL: Record<string, { detail: string; values: readonly string[] }> = {
  impossible_times: { detail: 'problem', values: ['ends_before_start', 'too_short', 'too_long', 'spans_days'] },
  implausible_date: { detail: 'problem', values: ['too_far', 'in_future', 'before_session', 'not_started'] },
  own_record: { detail: 'record', values: ['attendance', 'report'] },
};

/** Codes with one message each, filled from `details`. */
const SINGLE: Record<string, MessageKey> = {
  bad_request: 'apiError.bad_request',
  invalid_json: 'apiError.invalid_json',
  validation_failed: 'apiError.validation_failed',
  bad_credentials: 'apiError.bad_credentials',
  csrf_failed: 'apiError.csrf_failed',
  conflict: 'apiError.conflict',
  body_too_large: 'apiError.body_too_large',
  rate_limited: 'apiError.rate_limited',
  unauthenticated: 'error.signedOut',
  forbidden: 'error.forbidden',
  not_found: 'error.notFound',
  internal_error: 'error.server',
  store_read_only: 'error.storeReadOnly',
  tariff_too_long: 'apiError.tariff_too_long',
  organiser_outside: 'apiError.organiser_outside',
  session_clash: 'apiError.session_clash',
  session_cancelled: 'apiError.session_cancelled',
  calendar_taken: 'apiError.calendar_taken',
  holidays_invalid: 'apiError.holidays_invalid',
  year_closed: 'apiError.year_closed',
  duplicate_unit_name: 'apiError.duplicate_unit_name',
  unit_not_empty: 'apiError.unit_not_empty',
  wrong_code: 'checkIn.error.wrong_code',
  check_in_closed: 'checkIn.error.check_in_closed',
  already_checked_in: 'checkIn.error.already_checked_in',
  not_on_roster: 'checkIn.error.not_on_roster',
};

/** The message key for a refusal the server named, or null when the code is not one it names. */
export function refusalKey(error: ApiFailure): MessageKey | null {
  const byDetail = BY_DETAIL[error.code];
  if (byDetail) {
    const value = error.details[byDetail.detail];
    if (value !== undefined && byDetail.values.includes(value)) return `apiError.${error.code}.${value}` as MessageKey;
    return SINGLE.validation_failed!;
  }
  return SINGLE[error.code] ?? null;
}

/** The refusal in words, or null for failures that are not the server's refusals (network, unknown codes). */
export function refusalMessage(error: unknown, t: Translate): string | null {
  if (!(error instanceof ApiFailure)) return null;
  const key = refusalKey(error);
  if (key === null) return null;
  const vars: Record<string, string> = { ...error.details };
  // A tariff is a code on the wire: show it by its name.
  const tariff = tariffKindSchema.safeParse(vars.tariff);
  if (tariff.success) vars.tariff = t(`tariff.${tariff.data}`);
  return t(key, vars);
}
