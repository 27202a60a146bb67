/**
 * Bodies too large for their route, sent to the real server process (`node --import tsx main.ts`,
 * as `npm start` runs it) over real sockets, where what matters happens: how much the process reads
 * and keeps of a body it refuses, and whether the client gets to read the refusal before the
 * connection goes. Amounts are asserted in bytes (what the process read, what it holds), never in
 * time.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, freshDatabaseUrl } from '../../../../test/support/databases.ts';
import { testApp } from '../../../../test/support/api-client.ts';
import {
  freePort,
  startServer,
  stopServer,
  type ServerProcess,
} from '../../../../test/support/server-process.ts';
import { openDatabase } from '../db/connect.ts';

const MIB = 1024 * 1024;
/** The flood: 200 MB, as in the report that one such form post took the process to 1.6 GB. */
const FLOOD_BYTES = 200 * MIB;
/**
 * What the process may read of one refused flood (what the client wrote before it read the answer,
 * the route's limit, what the kernel had buffered), and how far its peak memory may rise meanwhile
 * (that, not yet collected).
 */
const READ_BOUND = 24 * MIB;
const PEAK_BOUND = 16 * MIB;
const PARALLEL = 8;

/** A figure of the process from /proc, in bytes. */
function proc(pid: number, file: 'status' | 'io', field: string): number {
  const line = readFileSync(`/proc/${pid}/${file}`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  const value = Number(/(\d+)/.exec(line ?? '')?.[1]);
  return file === 'status' ? value * 1024 : value;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Bytes the client handed to its socket before the answer came. */
  sent: number;
  errors: string[];
}

/**
 * A careful HTTP/1.1 client (RFC 9112 §9.5) posting `total` bytes: it writes as fast as the
 * connection takes them and stops once an answer arrives.
 */
function flood(
  server: ServerProcess,
  path: string,
  type: string,
  framing: 'length' | 'chunked',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const errors: string[] = [];
    let sent = 0;
    let answered = false;
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path,
      headers: {
        'content-type': type,
        origin: server.baseUrl,
        ...(framing === 'length' && { 'content-length': String(FLOOD_BYTES) }),
      },
    });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('error', (err) => errors.push(`response: ${err.message}`));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, headers: res.headers as never, body, sent, errors });
      });
    });
    req.on('error', (err) => {
      errors.push(`request: ${err.message}`);
      if (!answered) reject(err);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!answered && !req.destroyed && sent < FLOOD_BYTES) {
        sent += chunk.length;
        // Back to the event loop before the next write, as a client that watches for the answer
        // while it sends: a loop on `drain` alone never reads while the kernel takes every write.
        if (!req.write(chunk)) return void req.once('drain', () => setImmediate(pump));
      }
      if (!answered && !req.destroyed) req.end();
    };
    pump();
  });
}

/** Head and body in one write, as a client that never looks at the answer before it has sent. */
function rawPost(server: ServerProcess, path: string, body: Buffer, chunked: boolean) {
  return new Promise<{ raw: string; errors: string[] }>((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    const errors: string[] = [];
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', (err: NodeJS.ErrnoException) => errors.push(err.code ?? err.message));
    socket.on('close', () => resolve({ raw: Buffer.concat(received).toString(), errors }));
    socket.once('connect', () => {
      const framing = chunked
        ? 'Transfer-Encoding: chunked'
        : `Content-Length: ${String(body.length)}`;
      const head =
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
        `Origin: ${server.baseUrl}\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`;
      const payload = chunked
        ? [Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]
        : [body];
      socket.write(Buffer.concat([Buffer.from(head), ...payload]));
    });
    socket.once('timeout', () => reject(new Error('no answer')));
  });
}

function parse(raw: string) {
  const split = raw.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = raw.slice(0, split).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.slice(split + 4) };
}

describe('oversized bodies against the server process', () => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let server: ServerProcess;
  /** Routes outside /api that take a body, read from the app's own route table. */
  let pages: string[];

  beforeAll(async () => {
    database = await freshDatabaseUrl('sqlite');
    const handle = await openDatabase(database.url);
    await handle.migrate();
    await handle.close();
    server = await startServer(await freePort(), {
      DATABASE_URL: database.url,
      HAILONG_DEMO: '0',
      HAILONG_ADMIN_PASSWORD: 'giới-hạn-nội-dung-2026',
    });
    const scratch = await freshDatabase('sqlite');
    pages = testApp(scratch)
      .app.routes.filter((r) => !r.path.startsWith('/api/'))
      .filter((r) => !['GET', 'HEAD', 'ALL', 'OPTIONS'].includes(r.method))
      .map((r) => r.path);
    await scratch.close();
  });
  afterAll(async () => {
    if (server) await stopServer(server, 'SIGKILL');
    await database?.dispose();
  });

  it('finds the form posts outside /api', () => {
    expect(pages).toContain('/public/verdict');
  });

  it('refuses a 200 MB flood to every public body route, reading and keeping a few MB', async () => {
    const pid = server.child.pid!;
    const targets = [
      ...pages.map((path) => ({ path, type: 'application/x-www-form-urlencoded' })),
      { path: '/api/v1/auth/login', type: 'application/json' },
      // The largest body anyone may send without a session (photos): 3 MB.
      { path: '/api/v1/phone/units/x1/feedback', type: 'application/json' },
    ];
    const wrong: string[] = [];
    for (const { path, type } of targets) {
      for (const framing of ['length', 'chunked'] as const) {
        const [readBefore, peakBefore] = [proc(pid, 'io', 'rchar'), proc(pid, 'status', 'VmHWM')];
        const answer = await flood(server, path, type, framing);
        const read = proc(pid, 'io', 'rchar') - readBefore;
        const peak = proc(pid, 'status', 'VmHWM') - peakBefore;
        const code = answer.status === 413 ? JSON.parse(answer.body).error.code : undefined;
        if (code !== 'payload_too_large' || read > READ_BOUND || peak > PEAK_BOUND) {
          wrong.push(
            `${path} (${framing}): ${answer.status}; sent ${answer.sent} B, read ${read} B, peak +${peak} B`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses eight floods at once as it refuses one', async () => {
    const pid = server.child.pid!;
    const [readBefore, peakBefore] = [proc(pid, 'io', 'rchar'), proc(pid, 'status', 'VmHWM')];
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        flood(
          server,
          '/public/verdict',
          'application/x-www-form-urlencoded',
          i % 2 ? 'chunked' : 'length',
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(413));
    expect(proc(pid, 'io', 'rchar') - readBefore).toBeLessThan(PARALLEL * READ_BOUND);
    expect(proc(pid, 'status', 'VmHWM') - peakBefore).toBeLessThan(PARALLEL * PEAK_BOUND);
  });

  it.each([
    ['/api/v1/auth/login', false],
    ['/api/v1/public/feedback/ZZZZ-0000/verdict', false],
    ['/public/verdict', false],
    ['/api/v1/auth/login', true],
  ] as const)(
    'lets a client still sending 5 MB to %s (chunked: %s) read the whole 413',
    async (path, chunked) => {
      const body = Buffer.from(JSON.stringify({ username: 'x', pad: 'y'.repeat(5 * MIB) }));
      const { raw, errors } = await rawPost(server, path, body, chunked);
      expect(errors).toEqual([]);
      const answer = parse(raw);
      expect(answer.status).toBe(413);
      expect(answer.headers.connection).toBe('close');
      expect(JSON.parse(answer.body)).toEqual({
        error: { code: 'payload_too_large', message: expect.any(String) },
      });
    },
  );
});
