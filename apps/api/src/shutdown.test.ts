/**
 * Stopping the real server process (`node --import tsx main.ts`, as `npm start` runs it) with SIGTERM while a
 * tablet's batch is on the wire: the listening socket closes at once, the batch still commits and
 * is answered 200, a request that arrives meanwhile on a connection still open gets 503 with
 * Retry-After, and the process exits 0 once the last connection is gone. A connection that never
 * finishes its request makes the stop time out: exit 1, said in the log.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../../../test/support/databases.ts';
import { rating, type TestDevice } from '../../../test/support/devices.ts';
import {
  freePort,
  startServer,
  stopServer,
  type ServerProcess,
} from '../../../test/support/server-process.ts';
import { openDatabase } from './db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from './demo/seed.service.ts';

const PASSWORD = 'dung-may-chu-an-toan-15';

describe('graceful shutdown of the server process', () => {
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let sectorId: string;
  let unitId: string;
  const servers: ServerProcess[] = [];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await freshDatabaseUrl('sqlite');
    const handle = await openDatabase(database.url);
    await handle.migrate();
    await seedDemoCatalogue(handle.repos, Date.now);
    await ensureFirstAdmin(handle.repos, Date.now, PASSWORD);
    const unit = (await handle.repos.catalogue.listUnits()).find((u) => u.code === 'so-tp')!;
    unitId = unit.id;
    sectorId = (await handle.repos.catalogue.listSectors(unit.id))[0]!.id;
    await handle.close();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => stopServer(s, 'SIGKILL')));
    await database?.dispose();
  });

  async function start(env: Record<string, string> = {}) {
    const server = await startServer(await freePort(), {
      DATABASE_URL: database.url,
      HAILONG_DEMO: '0',
      LOG_LEVEL: 'info',
      ...env,
    });
    servers.push(server);
    return server;
  }

  /** A raw connection, so that a request can be left half-sent across the signal. */
  async function open(server: ServerProcess) {
    const socket = connect(server.port, '127.0.0.1');
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve).once('error', reject);
    });
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    const closed = new Promise<Buffer>((resolve) =>
      socket.once('close', () => resolve(Buffer.concat(received))),
    );
    return { socket, closed };
  }

  /**
   * A whole request on a new connection, answered: by then the server has read every byte written
   * before it on the other connections (a half-sent request is busy, not idle, only once read).
   * A fixed sleep was not enough on a loaded CI machine: the half-sent request was still unread
   * at the signal, so the server closed its connection as idle.
   */
  async function servedAfter(server: ServerProcess) {
    const probe = await open(server);
    probe.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(parse(await probe.closed).status).toBe(200);
  }

  const signal = (server: ServerProcess) => {
    const exited = new Promise<number | null>((resolve) =>
      server.child.once('exit', (code) => resolve(code)),
    );
    process.kill(-server.child.pid!, 'SIGTERM');
    return exited;
  };
  const logged = (server: ServerProcess) =>
    server.output
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: string; msg: string });

  it('finishes the batch in flight, refuses what arrives meanwhile, and exits 0', async () => {
    const server = await start();
    const device = await enroll(server);
    const records = [1, 2, 3].map((seq) => rating(device, seq, { sectorId, level: 5 }));
    const body = Buffer.from(JSON.stringify({ protocol: 1, items: records }));
    const batch = await open(server);
    batch.socket.write(
      `POST /api/v1/sync HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Authorization: Bearer ${device.token}\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    batch.socket.write(body.subarray(0, 100));
    // A client half-way through its request line and headers: its request has not arrived yet.
    const late = await open(server);
    late.socket.write('GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await servedAfter(server);

    const exited = signal(server);
    await refused(server.port);
    batch.socket.write(body.subarray(100));
    const answer = parse(await batch.closed);
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe('close');
    const { results } = JSON.parse(answer.body) as { results: { status: string }[] };
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);

    late.socket.write('\r\n');
    const refusal = parse(await late.closed);
    expect(refusal.status).toBe(503);
    expect(refusal.headers['retry-after']).toBe('5');
    expect(JSON.parse(refusal.body)).toEqual({
      error: { code: 'shutting_down', message: expect.any(String) },
    });

    expect(await exited).toBe(0);
    expect(logged(server).map((l) => l.msg)).toEqual(
      expect.arrayContaining(['shutdown: draining', 'shutdown: done']),
    );
    // What was acknowledged is in the database the process closed.
    const handle = await openDatabase(database.url);
    const stored = await handle.db.selectFrom('ratings').select('id').execute();
    await handle.close();
    expect(stored).toHaveLength(3);
  });

  it('exits 1 when a connection is still open at the deadline', async () => {
    const server = await start({ HAILONG_SHUTDOWN_TIMEOUT_SECONDS: '1' });
    const stuck = await open(server);
    stuck.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await servedAfter(server);
    const started = Date.now();
    expect(await signal(server)).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(logged(server)).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'shutdown: timed out with requests still open',
      }),
    );
  });

  /** Enrolls a tablet through the API, as staff and the tablet would. */
  async function enroll(server: ServerProcess): Promise<TestDevice> {
    const headers = { origin: server.baseUrl, 'content-type': 'application/json' };
    const post = (path: string, body: unknown, cookie?: string) =>
      fetch(`${server.baseUrl}${path}`, {
        method: 'POST',
        headers: cookie ? { ...headers, cookie } : headers,
        body: JSON.stringify(body),
      });
    const login = await post('/api/v1/auth/login', { username: 'admin', password: PASSWORD });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const enrollment = await post('/api/v1/enrollments', { unitId, label: 'Q1' }, cookie);
    const { code } = (await enrollment.json()) as { code: string };
    const enrolled = await post('/api/v1/devices/enroll', { code });
    expect(enrolled.status).toBe(201);
    return (await enrolled.json()) as TestDevice;
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once connecting to `port` is refused: the server has stopped listening. */
async function refused(port: number): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const outcome = await new Promise<string>((resolve) => {
      const probe = connect(port, '127.0.0.1');
      probe.once('connect', () => {
        probe.destroy();
        resolve('connected');
      });
      probe.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    if (outcome === 'ECONNREFUSED') return;
    await sleep(100);
  }
  throw new Error(`port ${port} still accepts connections`);
}

/** One HTTP/1.1 response as read off a socket the server closed after it. */
function parse(raw: Buffer) {
  const split = raw.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = raw.subarray(0, split).toString().split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  let body = raw.subarray(split + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    // Chunk sizes count bytes: decode before turning the body into text.
    const chunks: Buffer[] = [];
    for (;;) {
      const end = body.indexOf('\r\n');
      const size = parseInt(body.subarray(0, end).toString(), 16);
      if (!size) break;
      chunks.push(body.subarray(end + 2, end + 2 + size));
      body = body.subarray(end + 2 + size + 2);
    }
    body = Buffer.concat(chunks);
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body: body.toString() };
}
