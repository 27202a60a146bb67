import type { Hook } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './router.ts';
import { errorBody } from './errors.ts';

/**
 * The answer to a request that fails its zod schema: 422 with each problem's path and message,
 * so a client can point at the field.
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return;
  const details = result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  return c.json(errorBody('validation_failed', 'Dữ liệu không hợp lệ.', details), 422);
};

/** `%00`, also escaped again (`%2500`…): the router decodes a path once and its parameters again. */
const ESCAPED_NUL = /%(?:25)*00/i;

/**
 * U+0000 anywhere in a path or query is refused before any route reads it: PostgreSQL rejects it
 * in text while SQLite stores it, so one that reached a query would be a 500 on one dialect only,
 * and every route would have to remember each of its parameters.
 */
export function refuseNulInUrl(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const target = url.slice(url.indexOf('/', url.indexOf('//') + 2));
    if (ESCAPED_NUL.test(target)) {
      return c.json(
        errorBody('validation_failed', 'Địa chỉ yêu cầu chứa ký tự không hợp lệ.', [
          { path: 'url', message: 'U+0000 is not allowed in a path or query' },
        ]),
        400,
      );
    }
    await next();
  };
}
