/**
 * A connection closed while its request body is still arriving makes the kernel answer what keeps
 * arriving with a reset, and a client still sending then loses our answer with it: a phone posting
 * a form too large would show a network error, not the 413 that says why. So when Node ends such a
 * connection (after a refusal, see bounded-body.ts and unread-body.ts), we send our end after the
 * answer, then read and drop what the client still sends until it closes too, or LINGER_MAX_BYTES
 * arrived, or LINGER_MS passed, and only then close (Apache's lingering close). A body that was
 * read to its end closes at once, as before.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** Enough for a client to finish sending any body it started before it read our answer. */
export const LINGER_MAX_BYTES = 8 * 1024 * 1024;
export const LINGER_MS = 2_000;

const current = new WeakMap<Socket, IncomingMessage>();
const lingering = new WeakSet<Socket>();

interface RequestServer {
  prependListener(event: 'request', listener: (req: IncomingMessage) => void): unknown;
}

/** Makes `server` linger on every connection it ends with a request body unread. */
export function lingerOnClose(server: RequestServer): void {
  server.prependListener('request', (req) => {
    const socket = req.socket;
    if (!current.has(socket)) {
      const destroySoon = socket.destroySoon.bind(socket);
      // Node's HTTP server ends a connection that is not kept alive through this one method.
      socket.destroySoon = () => {
        const req = current.get(socket);
        if (req && !req.complete && !socket.destroyed) linger(socket, req);
        else destroySoon();
      };
    }
    current.set(socket, req);
  });
}

function linger(socket: Socket, req: IncomingMessage) {
  if (lingering.has(socket)) return;
  lingering.add(socket);
  let timer: NodeJS.Timeout | undefined;
  let closing = false;
  // Never before our answer has left: destroying the socket drops whatever it has not yet sent.
  const close = () => {
    if (closing) return;
    closing = true;
    clearTimeout(timer);
    if (socket.writableFinished) socket.destroy();
    else socket.once('finish', () => socket.destroy());
  };
  const startClock = () => (timer ??= setTimeout(close, LINGER_MS));
  const start = socket.bytesRead;
  // Our end goes after the answer: the client reads the answer, then learns nothing follows.
  socket.end();
  if (socket.writableFinished) startClock();
  else socket.once('finish', startClock);
  // The answer is out: whoever was reading the body has given up on it (a web stream that pauses
  // it whenever its own queue is full would stall this read), so from here its bytes are dropped.
  req.removeAllListeners('data');
  req.on('data', () => {
    if (socket.bytesRead - start > LINGER_MAX_BYTES) close();
  });
  // The whole body came, or the client closed its side: nothing is left to reset.
  req.once('end', close);
  socket.once('end', close);
  socket.once('close', () => clearTimeout(timer));
  req.resume();
}
