/**
 * Every request body is read through a counter, whoever reads it (a zod validator, a form, a file
 * upload) and however it is framed (a length, chunks, or neither): a declared length above the most
 * anyone may send to the route (body-limits.ts) is refused before a byte is read, and the stream
 * fails the moment what was read passes the caller's own limit. Its reader may make of that failure
 * what it likes (the JSON validator calls it malformed): the answer is 413 all the same. Never
 * trusting the length alone matters in-process, where nothing checks a body against its header.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './router.ts';
import { bodyLimit, mostAllowed } from './body-limits.ts';
import { errorBody, payloadTooLarge } from './errors.ts';

export function boundedBodies(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = c.req.raw;
    if (raw.body === null) return next();
    const header = c.req.header('content-length');
    const declared = header === undefined ? undefined : Number(header);
    if (declared !== undefined && !(declared <= mostAllowed(c.req.path))) return tooLarge();
    let refused = false;
    const body = counted(
      raw.body,
      declared,
      () => callerLimit(c),
      () => (refused = true),
    );
    c.req.raw = new Request(raw, { body, duplex: 'half' } as RequestInit);
    await next();
    if (refused) {
      // Cleared first: assigning over a response would carry its headers (a redirect's Location,
      // a length) into this one.
      c.res = undefined;
      c.res = tooLarge();
    }
  };
}

/**
 * Looked up on the first read, not on arrival: by then the session, or the tablet's token, has been
 * checked, and it decides which limit applies.
 */
const callerLimit = (c: Context<AppEnv>) =>
  bodyLimit(c.req.path, Boolean(c.get('auth')) || c.get('device') !== undefined);

/** The rest of the body is never read: the connection cannot carry another request. */
function tooLarge(): Response {
  const error = payloadTooLarge();
  return new Response(JSON.stringify(errorBody(error.code, error.message)), {
    status: error.status,
    headers: { 'Content-Type': 'application/json', Connection: 'close' },
  });
}

/** `source`, failing with a 413 once more than `limit()` bytes (or a larger declared length) come. */
function counted(
  source: ReadableStream<Uint8Array>,
  declared: number | undefined,
  limit: () => number,
  onRefused: () => void,
): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let max: number | undefined;
  let read = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        max ??= limit();
        if (declared === undefined || declared <= max) {
          reader ??= source.getReader();
          const { done, value } = await reader.read();
          if (done) return controller.close();
          read += value.byteLength;
          if (read <= max) return controller.enqueue(value);
        }
        onRefused();
        controller.error(payloadTooLarge());
        // Releases the source without reading on; what remains is left to the connection's close.
        void reader?.cancel().catch(() => undefined);
      },
      cancel: (reason) => (reader ?? source).cancel(reason),
    },
    // Read only when the consumer asks: nothing is buffered ahead of the limit check.
    { highWaterMark: 0 },
  );
}
