import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '@hailong/contracts';
import { loggedPath, type Logger } from './logger.ts';

/** A failure a service reports to its caller; routes turn it into `{"error":{…}}` with `status`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} không tồn tại.`);
export const forbidden = () =>
  new ApiError(403, 'forbidden', 'Bạn không có quyền thực hiện thao tác này.');

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function sendError(c: Context, error: ApiError) {
  return c.json(errorBody(error.code, error.message, error.details), error.status);
}

/**
 * Turns anything thrown into the error shape. Client mistakes that Hono reports as HTTPException
 * (malformed JSON is a 400 from its validator) keep their 4xx; only the unexpected becomes a 500,
 * logged with its stack and answered without internals.
 */
export function handleError(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiError) return sendError(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      if (err.status === 400 && /JSON/i.test(err.message)) {
        return c.json(errorBody('malformed_json', 'Nội dung gửi lên không phải JSON hợp lệ.'), 400);
      }
      if (err.status === 413) return sendError(c, payloadTooLarge());
      return c.json(
        errorBody('validation_failed', err.message || 'Yêu cầu không hợp lệ.'),
        err.status,
      );
    }
    logger.error('unhandled error', {
      path: loggedPath(c.req.path),
      error: err.stack ?? String(err),
    });
    return c.json(errorBody('internal_error', 'Lỗi máy chủ. Vui lòng thử lại sau.'), 500);
  };
}

export const payloadTooLarge = () =>
  new ApiError(413, 'payload_too_large', 'Dữ liệu gửi lên quá lớn.');

export function routeNotFound(c: Context) {
  return c.json(errorBody('not_found', `Không có đường dẫn ${c.req.method} ${c.req.path}.`), 404);
}
