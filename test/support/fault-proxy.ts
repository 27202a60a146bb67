/**
 * A fault-injecting HTTP proxy (in the spirit of Toxiproxy) between simulated tablets and the API.
 * Per request it picks, from a seeded generator: pass, delay, reset before the server sees the
 * request, reset AFTER the server answered (the server committed, the tablet never hears: where most
 * duplicates and losses come from), send the request twice at once, or answer 503 itself.
 */
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '@hailong/domain';

export type Fault = 'pass' | 'delay' | 'reset-before' | 'reset-after' | 'duplicate' | 'unavailable';

const WEIGHTS: [Fault, number][] = [
  ['pass', 40],
  ['delay', 15],
  ['reset-before', 10],
  ['reset-after', 15],
  ['duplicate', 10],
  ['unavailable', 10],
];

interface Upstream {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

function forward(port: number, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const out = request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: `127.0.0.1:${port}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 502,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

export class FaultProxy {
  readonly counts: Record<Fault, number> = {
    pass: 0,
    delay: 0,
    'reset-before': 0,
    'reset-after': 0,
    duplicate: 0,
    unavailable: 0,
  };
  private server: Server | undefined;
  private readonly random: () => number;

  constructor(
    /** Where each request goes; asked per request (a restart, several processes in turn). */
    private readonly upstreamPort: () => number,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  async start(): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server!.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private pick(): Fault {
    let roll = this.random() * 100;
    for (const [fault, weight] of WEIGHTS) {
      if ((roll -= weight) < 0) return fault;
    }
    return 'pass';
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const fault = this.pick();
    this.counts[fault]++;
    try {
      if (fault === 'reset-before') return void req.socket.destroy();
      if (fault === 'unavailable') {
        res.writeHead(503, { 'content-type': 'application/json' });
        return void res.end('{"error":{"code":"internal_error","message":"proxy: unavailable"}}');
      }
      if (fault === 'delay') await new Promise((r) => setTimeout(r, 50 + this.random() * 400));
      // A duplicate asks the upstream twice: with several, two of them at once.
      const answer =
        fault === 'duplicate'
          ? (
              await Promise.allSettled([
                forward(this.upstreamPort(), req, body),
                forward(this.upstreamPort(), req, body),
              ])
            ).find((r) => r.status === 'fulfilled')
          : { status: 'fulfilled' as const, value: await forward(this.upstreamPort(), req, body) };
      if (!answer || answer.status !== 'fulfilled') return void req.socket.destroy();
      if (fault === 'reset-after') return void req.socket.destroy();
      const headers = { ...answer.value.headers };
      delete headers['transfer-encoding'];
      delete headers.connection;
      res.writeHead(answer.value.status, headers);
      res.end(answer.value.body);
    } catch {
      req.socket.destroy(); // the API is down (restarting): the tablet sees a network error
    }
  }
}
