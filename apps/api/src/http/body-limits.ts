/**
 * How much a request may send, decided before its body is read. Staff and tablets may send up to
 * 1 MiB (a sync batch of 500 records). Callers who are not signed in can only log in or enroll a
 * tablet, which takes a few hundred bytes: their bodies are held to 16 KiB, so that nobody without
 * an account can make the server buffer and parse large JSON.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { payloadTooLarge, sendError } from './errors.ts';
import type { AppEnv } from './router.ts';

export const MAX_BODY_BYTES = 1024 * 1024;
export const ANONYMOUS_MAX_BODY_BYTES = 16 * 1024;

const limit = (maxSize: number) =>
  bodyLimit({ maxSize, onError: (c) => sendError(c, payloadTooLarge()) });

/**
 * One limit per request, chosen once the session is known (nothing before reads the body): the
 * small one without a session, except on device paths, whose token the route checks before the
 * body is parsed. One middleware rather than two in a row, because Hono's bodyLimit buffers a body
 * sent without a length up to its limit: a general limit first would read 1 MiB before the small
 * one could refuse it.
 */
export function requestBodyLimit(
  devicePaths: RegExp,
  /** Signed-in routes that set their own (larger) limit, such as the catalogue import. */
  ownLimitPaths: readonly string[] = [],
  /** Routes without a session that take a larger body (the phone page's photos), and its size. */
  anonymousLarge?: { paths: RegExp; maxBytes: number },
): MiddlewareHandler<AppEnv> {
  const general = limit(MAX_BODY_BYTES);
  const small = limit(ANONYMOUS_MAX_BODY_BYTES);
  const large = anonymousLarge && limit(anonymousLarge.maxBytes);
  return async (c, next) => {
    if (c.get('auth') && ownLimitPaths.includes(c.req.path)) return next();
    if (large && anonymousLarge.paths.test(c.req.path)) return large(c, next);
    return c.get('auth') || devicePaths.test(c.req.path) ? general(c, next) : small(c, next);
  };
}
