// The words for a refused check-in: the server's error code picks the message; other failures
// (network, signed out) fall through to the generic error state.
import { ApiFailure } from '../../api/http.ts';
import type { MessageKey } from '../../i18n/t.ts';

const CODES = ['wrong_code', 'check_in_closed', 'already_checked_in', 'not_on_roster'] as const;

export function checkInMessage(error: unknown): MessageKey | null {
  if (!(error instanceof ApiFailure)) return null;
  const code = (CODES as readonly string[]).includes(error.code) ? (error.code as (typeof CODES)[number]) : null;
  return code === null ? null : `checkIn.error.${code}`;
}
