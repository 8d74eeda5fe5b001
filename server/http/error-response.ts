// The one place errors become HTTP responses, all in the contract's shape
// {"error":{"code","message"}}. Unexpected errors are logged and answered without internals.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '../../shared/schemas/errors.ts';
import { ConflictError, DuplicateError, MissingReferenceError, NotFoundError, StoreReadOnlyError } from '../store/store-contract.ts';
import { ApiError } from './api-error.ts';

function errorJson(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, details?: Record<string, string>): Response {
  const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } };
  return c.json(body, status);
}

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: ERROR_CODES.badRequest,
  401: ERROR_CODES.unauthenticated,
  403: ERROR_CODES.forbidden,
  404: ERROR_CODES.notFound,
  409: ERROR_CODES.conflict,
  413: ERROR_CODES.bodyTooLarge,
  429: ERROR_CODES.rateLimited,
};

export function errorResponse(err: unknown, c: Context): Response {
  if (err instanceof ApiError) {
    if (err.options.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.options.retryAfterSeconds));
    return errorJson(c, err.status, err.code, err.message, err.details);
  }
  if (err instanceof DuplicateError || err instanceof ConflictError) return errorJson(c, 409, ERROR_CODES.conflict, err.message);
  if (err instanceof NotFoundError) return errorJson(c, 404, ERROR_CODES.notFound, err.message);
  // Not a bug but a state (a full disk): said plainly, and worth retrying later.
  if (err instanceof StoreReadOnlyError) {
    c.header('Retry-After', '5');
    return errorJson(c, 503, ERROR_CODES.storeReadOnly, err.message);
  }
  if (err instanceof MissingReferenceError) {
    return errorJson(c, 400, ERROR_CODES.validation, `${err.field}: ${err.message}`);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const status = err.status as ContentfulStatusCode;
    return errorJson(c, status, CODE_BY_STATUS[status] ?? ERROR_CODES.badRequest, err.message || 'Bad request');
  }
  console.error(`${c.req.method} ${c.req.path} failed:`, err);
  return errorJson(c, 500, ERROR_CODES.internal, 'Internal server error; the details are in the server log');
}

export function notFoundResponse(c: Context): Response {
  return errorJson(c, 404, ERROR_CODES.notFound, `No such endpoint: ${c.req.method} ${c.req.path}`);
}
