import type { MiddlewareHandler } from 'hono';
import { errorBody } from './errors.ts';

/** Seconds a client should wait before it tries again: long enough for systemd to restart us. */
export const DRAIN_RETRY_AFTER_SECONDS = '5';

/**
 * While the process stops (see shutdown.ts), the listening socket is closed but connections that
 * were busy stay open: a request that arrives on one of them is refused with 503 and Retry-After
 * (a tablet keeps its records and tries again; nothing was half-done). Requests already running
 * are left to finish. Every answer closes its connection, so that the drain ends once they have.
 */
export function refuseWhileDraining(draining: () => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (draining()) {
      c.header('Retry-After', DRAIN_RETRY_AFTER_SECONDS);
      c.header('Connection', 'close');
      return c.json(
        errorBody('shutting_down', 'Máy chủ đang khởi động lại. Vui lòng thử lại sau ít giây.'),
        503,
      );
    }
    await next();
    if (draining()) c.res.headers.set('Connection', 'close');
  };
}
