/**
 * In-process HTTP for API tests: requests go through `app.request()` exactly as a browser's would
 * (same-origin `Origin` header, the session cookie kept between calls), without opening a port.
 */
import { createApp, type AppDeps } from '../../apps/api/src/app.ts';
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

/** The app over `database`; `options` set what `main.ts` reads from the environment (proxy, origin). */
export function testApp(
  database: DatabaseHandle,
  clock = new TestClock(),
  options: Partial<
    Omit<AppDeps, 'repos' | 'dialect' | 'clock' | 'ping' | 'pendingMigrations'>
  > = {},
) {
  const app = createApp({
    repos: database.repos,
    dialect: database.dialect,
    clock: clock.read,
    ping: async () => void (await sql`select 1`.execute(database.db)),
    pendingMigrations: database.pendingMigrations,
    ...options,
  });
  return { app, clock };
}

type App = ReturnType<typeof testApp>['app'];

export interface SendOptions {
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body` (FormData with its own multipart type). */
  raw?: string | Uint8Array | FormData;
  headers?: Record<string, string>;
}

/** A response whose JSON body tests may probe freely (they assert its shape themselves). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

/** A browser-like session on a page of `origin`: remembers the cookie the server sets. */
export class Session {
  cookie: string | undefined;
  constructor(
    readonly app: App,
    readonly origin = ORIGIN,
  ) {}

  async send(method: string, path: string, options: SendOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = {
      origin: this.origin,
      host: new URL(this.origin).host,
      ...options.headers,
    };
    if (this.cookie) headers.cookie = this.cookie;
    let body: string | Uint8Array | FormData | undefined = options.raw;
    if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && !(body instanceof FormData)) {
      headers['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(`${this.origin}${path}`, { method, headers, body });
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
