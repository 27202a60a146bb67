import type { MiddlewareHandler } from 'hono';

/** A body this small is read and dropped so the connection stays usable; a larger one is not. */
export const DRAIN_LIMIT_BYTES = 64 * 1024;
/** How long a slow client may take to finish a body we are only dropping. */
const DRAIN_TIMEOUT_MS = 5_000;

/**
 * A request answered before its body was read (401, 403, 413) leaves that body on the connection.
 * Unless it is consumed, the next request on a keep-alive connection is parsed from the middle of
 * it, or the server gives up and resets the socket under the client. So, after the answer is made:
 * a small body is read to its end before the answer goes out; anything else (too large, too slow,
 * or half-read by the body limit) gets `Connection: close`, and the client opens a new connection.
 */
export function settleUnreadBody(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
    const raw = c.req.raw;
    const declared = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (!chunked && (declared === undefined || Number(declared) === 0)) return;
    // Read by the handler (or buffered whole by the body limit, which then leaves a fresh copy
    // here), unless the body limit stopped half-way: a 413.
    if (raw.bodyUsed && c.res.status !== 413) return;
    const drained =
      !raw.bodyUsed &&
      (declared === undefined || Number(declared) <= DRAIN_LIMIT_BYTES) &&
      raw.body !== null &&
      (await drain(raw.body, DRAIN_LIMIT_BYTES, DRAIN_TIMEOUT_MS));
    if (!drained) c.res.headers.set('Connection', 'close');
  };
}

/** Reads a stream to its end; false if it runs past `limit` bytes or `timeoutMs`. */
async function drain(body: ReadableStream<Uint8Array>, limit: number, timeoutMs: number) {
  const reader = body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const read = (async () => {
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      bytes += value.byteLength;
      if (bytes > limit) return false;
    }
  })().catch(() => false);
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => undefined);
  }
}
