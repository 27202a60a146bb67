/**
 * One size policy for every route that takes a body, inside and outside /api. The routes are read
 * from the app itself (its route table, with the OpenAPI document saying who may call each), so a
 * route added later is covered without anyone listing it here. Each one, called by the caller it is
 * meant for:
 * - with a declared length above anything the route allows: 413 `payload_too_large`, nothing read;
 * - with a body streamed without a length, far larger than its limit: 413 if the route reads a
 *   body, and never more than the caller's limit read from the stream either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@hailong/contracts';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { ORIGIN, Session, testApp } from '../../../../test/support/api-client.ts';
import { enrollDevice, type TestDevice } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';
import { bodyLimit, mostAllowed } from './body-limits.ts';
import { DRAIN_LIMIT_BYTES } from './unread-body.ts';

const PASSWORD = 'giới-hạn-nội-dung-2026';
const CHUNK = 16 * 1024;
/** More than any route allows: what a streamed body would reach if nobody stopped reading it. */
const FLOOD_BYTES = 64 * 1024 * 1024;

type Caller = 'anyone' | 'staff' | 'tablet';
interface BodyRoute {
  method: string;
  /** OpenAPI form, `{name}` for each parameter. */
  path: string;
  caller: Caller;
  /** The route reads a body: a declared JSON body, a form, or a file. */
  readsBody: boolean;
  /** The path with a value for each parameter that its schema accepts. */
  url: string;
}

interface Parameter {
  in: string;
  name: string;
  schema?: { format?: string };
}
interface Operation {
  security?: Record<string, unknown>[];
  parameters?: Parameter[];
  requestBody?: unknown;
  summary?: string;
  description?: string;
}

/** A value the parameter's schema accepts, so that the route gets as far as its body. */
function sample(parameter: Parameter | undefined): string {
  if (parameter?.schema?.format === 'uuid') return '00000000-0000-4000-8000-000000000001';
  if (parameter?.name === 'date') return '2026-12-31';
  if (parameter?.name === 'language') return 'km';
  return 'x1';
}
const urlOf = (path: string, op: Operation | undefined) =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    sample(op?.parameters?.find((p) => p.in === 'path' && p.name === name)),
  );
const honoToOpenApi = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

/** Every route that is not a plain read, with who may call it. */
async function bodyRoutes(app: ReturnType<typeof testApp>['app']): Promise<BodyRoute[]> {
  const doc = (await (await app.request(`${ORIGIN}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  const seen = new Set<string>();
  return app.routes
    .filter((r) => !['GET', 'HEAD', 'ALL', 'OPTIONS'].includes(r.method))
    .map((r) => ({ method: r.method, path: honoToOpenApi(r.path) }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    .map(({ method, path }) => {
      const op = doc.paths[path]?.[method.toLowerCase()];
      if (!path.startsWith('/api/')) {
        return { method, path, caller: 'anyone', readsBody: true, url: path };
      }
      if (!op) throw new Error(`${method} ${path} is not in the OpenAPI document`);
      const scheme = Object.keys(op.security?.[0] ?? {})[0];
      const caller: Caller =
        scheme === 'session' ? 'staff' : scheme === 'device' ? 'tablet' : 'anyone';
      // A file route (the imports) declares its body in words: raw bytes or multipart.
      const readsBody =
        op.requestBody !== undefined ||
        /multipart|raw bytes/.test(`${op.summary ?? ''} ${op.description ?? ''}`);
      return { method, path, caller, readsBody, url: urlOf(path, op) };
    });
}

/** A body of `total` bytes, pulled one chunk at a time; `pulled` says how far the server read. */
function flood(total: number, first: string) {
  const state = { pulled: 0 };
  const head = new TextEncoder().encode(first);
  const chunk = new Uint8Array(CHUNK).fill(0x61);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= total) return controller.close();
        const piece = state.pulled === 0 ? head : chunk;
        state.pulled += piece.byteLength;
        controller.enqueue(piece);
      },
    },
    // Nothing is pulled before the server asks.
    { highWaterMark: 0 },
  );
  return { stream, state };
}

describe.each(dialects)('the body policy on %s', (dialect) => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof testApp>['app'];
  let device: TestDevice;
  let routes: BodyRoute[];

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    await seedDemoCatalogue(database.repos, Date.now);
    await ensureFirstAdmin(database.repos, Date.now, PASSWORD);
    app = testApp(database).app;
    const unit = (await database.repos.catalogue.listUnits()).find((u) => u.code === 'so-tp')!;
    device = await enrollDevice(await staff(), unit.id);
    routes = await bodyRoutes(app);
  });
  afterAll(() => database?.close());

  /** A fresh sign-in each time: a route that ignores its body may well be the logout. */
  async function staff() {
    const session = new Session(app);
    expect((await session.login('admin', PASSWORD)).status).toBe(200);
    return session;
  }

  async function headersFor(route: BodyRoute): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      origin: ORIGIN,
      host: new URL(ORIGIN).host,
      'content-type': route.path.startsWith('/api/')
        ? 'application/json'
        : 'application/x-www-form-urlencoded',
    };
    if (route.caller === 'staff') headers.cookie = (await staff()).cookie!;
    if (route.caller === 'tablet') headers.authorization = `Bearer ${device.token}`;
    return headers;
  }

  const send = (route: BodyRoute, headers: Record<string, string>, body: ReadableStream) =>
    app.request(`${ORIGIN}${route.url}`, {
      method: route.method,
      headers,
      body,
      duplex: 'half',
    } as RequestInit);

  it('finds the routes that take a body, inside and outside /api', () => {
    const names = routes.filter((r) => r.readsBody).map((r) => `${r.method} ${r.path} ${r.caller}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /public/verdict anyone',
        'POST /api/v1/auth/login anyone',
        'POST /api/v1/phone/units/{unitId}/feedback anyone',
        'POST /api/v1/public/feedback/{code}/verdict anyone',
        'POST /api/v1/sync tablet',
        'POST /api/v1/catalogue/import staff',
        'POST /api/v1/dossiers/import staff',
        'POST /api/v1/feedback/entries staff',
        'PATCH /api/v1/targets staff',
      ]),
    );
  });

  it('refuses a declared length above what a route allows, without reading it', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const { stream, state } = flood(CHUNK, route.path.startsWith('/api/') ? '{"pad":"' : 'a=');
      const headers = await headersFor(route);
      headers['content-length'] = String(mostAllowed(route.path) + 1);
      const res = await send(route, headers, stream);
      const code = res.status === 413 ? ((await res.json()) as ErrorBody).error.code : undefined;
      if (res.status !== 413 || code !== 'payload_too_large' || state.pulled > 0) {
        wrong.push(`${route.method} ${route.path}: ${res.status} ${code} after ${state.pulled} B`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('stops a streamed body at the caller’s limit, whatever the route', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const limit = bodyLimit(route.path, route.caller !== 'anyone');
      const { stream, state } = flood(
        FLOOD_BYTES,
        route.path.startsWith('/api/') ? '{"pad":"' : 'a=',
      );
      const res = await send(route, await headersFor(route), stream);
      const code = res.status === 413 ? ((await res.json()) as ErrorBody).error.code : undefined;
      const read = state.pulled;
      const bounded = read <= Math.max(limit, DRAIN_LIMIT_BYTES) + 2 * CHUNK;
      if (!bounded || (route.readsBody && code !== 'payload_too_large')) {
        wrong.push(
          `${route.method} ${route.path} (${route.caller}): ${res.status} after ${read} B`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });
});
