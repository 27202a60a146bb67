/**
 * The app behind a real node HTTP server on a loopback port, for what `app.request()` cannot show:
 * socket addresses, keep-alive connections, request bodies that arrive in pieces over time.
 */
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { App } from '../../apps/api/src/app.ts';
import { lingerOnClose } from '../../apps/api/src/http/lingering-close.ts';

export interface LiveServer {
  port: number;
  origin: string;
  close(): Promise<void>;
}

export async function listen(app: App): Promise<LiveServer> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  // As main.ts does: a refused body's sender still reads the refusal.
  lingerOnClose(server);
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would otherwise hold close() open until they time out.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

export interface Exchange {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** Local port of the client's socket: the same port means the same TCP connection. */
  socketPort: number | undefined;
  /** Socket or request errors, including those that arrive after the response. */
  errors: string[];
}

export interface LiveRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Written one piece at a time, `gapMs` apart, so the server sees the body arrive over time. */
  body?: Buffer[];
  gapMs?: number;
  agent?: Agent;
  /** Source address of the connection (any 127.x.y.z works on loopback). */
  localAddress?: string;
}

/**
 * One request as a careful HTTP/1.1 client makes it (RFC 9112 §9.5): the body keeps streaming after
 * an early answer, unless that answer says the connection will close, when sending stops.
 */
export function exchange(server: LiveServer, options: LiveRequest): Promise<Exchange> {
  const errors: string[] = [];
  return new Promise((resolve, reject) => {
    let settled = false;
    let answered = false;
    let stop = false;
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: options.agent,
        localAddress: options.localAddress,
      },
      (res) => {
        answered = true;
        if (/close/i.test(res.headers.connection ?? '')) stop = true;
        const socketPort = req.socket?.localPort;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('error', (err) => errors.push(`response: ${err.message}`));
        res.on('end', () => {
          // The answer said the connection closes: stop sending and close our side, as a client should.
          if (stop) req.destroy();
          // Errors that follow the answer (a reset while the body was still streaming) still count.
          setTimeout(() => {
            settled = true;
            resolve({ status: res.statusCode!, headers: res.headers, body, socketPort, errors });
          }, 50);
        });
      },
    );
    req.on('error', (err) => {
      errors.push(`request: ${err.message}`);
      if (!settled && !answered) {
        settled = true;
        reject(err);
      }
    });
    void (async () => {
      for (const piece of options.body ?? []) {
        if (stop || req.destroyed) break;
        req.write(piece);
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
      if (!stop) req.end();
    })();
  });
}
