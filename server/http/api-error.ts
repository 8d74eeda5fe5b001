// The one error type route code throws; app.onError turns it into the contract's error body.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES, type ErrorCode } from '../../shared/schemas/errors.ts';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    /** Specifics for the person's own-language message (names, dates, times), sent as `error.details`. */
    readonly details?: Record<string, string>,
    /** For 429: sent as `Retry-After`, so a route that throws need not hold the context. */
    readonly options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string) => new ApiError(400, ERROR_CODES.badRequest, message);
export const invalidJson = (message: string) => new ApiError(400, ERROR_CODES.invalidJson, message);
export const validationFailed = (message: string) => new ApiError(400, ERROR_CODES.validation, message);
export const unauthenticated = (message: string) => new ApiError(401, ERROR_CODES.unauthenticated, message);
export const forbidden = (message: string) => new ApiError(403, ERROR_CODES.forbidden, message);
export const notFound = (message: string) => new ApiError(404, ERROR_CODES.notFound, message);
export const conflict = (message: string) => new ApiError(409, ERROR_CODES.conflict, message);
