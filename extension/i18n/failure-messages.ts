// How each failure the background reports is explained to the person.
import type { FailureCode } from '../messaging/protocol.ts';
import type { MessageKey } from './t.ts';

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
