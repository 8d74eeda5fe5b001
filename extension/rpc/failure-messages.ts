// How each failure the background reports is explained to the person (beside the codes, so a new code
// cannot go without its message). Read by the extension pages and the note editor in the page.
import type { FailureCode } from './failure.ts';
import type { MessageKey } from '../i18n/t.ts';

export const FAILURE_MESSAGES: Record<FailureCode, MessageKey> = {
  invalid_server: 'errorInvalidServer',
  managed_server: 'errorManagedServer',
  bad_credentials: 'errorBadCredentials',
  unreachable: 'errorUnreachable',
  server_error: 'errorServerError',
  invalid_request: 'errorInternal',
  signed_out: 'errorSignedOut',
  not_found: 'errorNotFound',
  forbidden: 'errorInternal',
  internal: 'errorInternal',
};
