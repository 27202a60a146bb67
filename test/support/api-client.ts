/**
 * In-process HTTP for API tests: requests go through `app.request()` exactly as a browser's would
 * (same-origin `Origin` header, the session cookie kept between calls), without opening a port.
 */
import { createApp } from '../../apps/api/src/app.ts';
import type { DatabaseHandle } from '../../apps/api/src/db/connect.ts';
import { sql } from 'kysely';

export const ORIGIN = 'http://hailong.test';

export class TestClock {
  constructor(public now = Date.UTC(2026, 10, 23, 2, 0)) {}
  readonly read = () => this.now;
  advance(ms: number) {
    this.now += ms;
  }
}

/** The app over `database`; `options` are extra dependencies, e.g. a configured `publicUrl`. */
export function testApp(
  database: DatabaseHandle,
  clock = new TestClock(),
  options: { publicUrl?: string } = {},
) {
  const app = createApp({
    repos: database.repos,
    dialect: database.dialect,
    clock: clock.read,
    ping: async () => void (await sql`select 1`.execute(database.db)),
    ...options,
  });
  return { app, clock };
}

type App = ReturnType<typeof testApp>['app'];

export interface SendOptions {
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  raw?: string;
  headers?: Record<string, string>;
}

/** A response whose JSON body tests may probe freely (they assert its shape themselves). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

/** A browser-like session: remembers the cookie the server sets. */
export class Session {
  cookie: string | undefined;
  constructor(readonly app: App) {}

  async send(method: string, path: string, options: SendOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = {
      origin: ORIGIN,
      host: 'hailong.test',
      ...options.headers,
    };
    if (this.cookie) headers.cookie = this.cookie;
    let body: string | undefined = options.raw;
    if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await this.app.request(`${ORIGIN}${path}`, { method, headers, body });
    const set = res.headers.get('set-cookie');
    if (set) {
      const pair = set.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    return res;
  }

  get = (path: string, options?: SendOptions) => this.send('GET', path, options);
  post = (path: string, body?: unknown, options?: SendOptions) =>
    this.send('POST', path, { ...options, body });
  patch = (path: string, body?: unknown, options?: SendOptions) =>
    this.send('PATCH', path, { ...options, body });

  async login(username: string, password: string): Promise<TestResponse> {
    return this.post('/api/v1/auth/login', { username, password });
  }
}
