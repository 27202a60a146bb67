import type { MiddlewareHandler } from 'hono';

/** A body this small is read and dropped so the connection stays usable; a larger one is not. */
export const DRAIN_LIMIT_BYTES = 64 * 1024;
/** How long a slow client may take to finish a body we are only dropping. */
const DRAIN_TIMEOUT_MS = 5_000;

/**
 * A request answered before its body was read (401, 403, 413) leaves that body on the connection.
 * Unless it is consumed, the next request on a keep-alive connection is parsed from the middle of
 * it. So, after the answer is made: a small body is read to its end before the answer goes out;
 * anything else (too large, too slow) gets `Connection: close`, and the client opens a new
 * connection. A 413 closes anyway (bounded-body.ts). What is left on a closing connection is read
 * and dropped after the answer (lingering-close.ts), so that the client is not reset mid-send.
 */
export function settleUnreadBody(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
    // Already closing (every 413 says so): what is left is the connection's to discard.
    if (/close/i.test(c.res.headers.get('connection') ?? '')) return;
    const raw = c.req.raw;
    const declared = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (!chunked && (declared === undefined || Number(declared) === 0)) return;
    // Read by the handler, so off the connection (one the limit stopped was answered 413 above).
    if (raw.bodyUsed) return;
    const drained =
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
