/**
 * PostgreSQL refuses U+0000 in text (SQLite takes it), so a NUL that reaches a query is a 500 on
 * one dialect only. Every route anyone may call without signing in — read from the OpenAPI document
 * and the app's own routes outside /api, so a new one is covered — gets NUL in a path segment and in
 * each query parameter, in the encodings a URL can carry it: a 4xx on both dialects, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { ORIGIN, testApp } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';

interface Operation {
  method: string;
  /** With `{name}` for each path parameter. */
  path: string;
  query: string[];
}

/** Query names the pages outside /api read (they are not in the OpenAPI document). */
const PAGE_QUERY = ['period', 'month', 'node', 'code', 'lang', 'verdict', 'q', 'unit', 'sector'];
/**
 * A NUL as a URL carries it: alone, inside a value, next to a `+`, beside other escapes, and escaped
 * twice (the router decodes a path once and its parameters again).
 */
const NULS = [
  '%00',
  'a%00b',
  'ZZZZ-%0000',
  '+%00+',
  '%00%C3%A1',
  '%E1%BB%87%00',
  '%2500',
  'a%252500',
];
const samplePath = (path: string) => path.replace(/\{[^}]+\}/g, 'x1');

async function anonymousOperations(app: ReturnType<typeof testApp>['app']): Promise<Operation[]> {
  const doc = (await (await app.request(`${ORIGIN}/api/v1/openapi.json`)).json()) as {
    paths: Record<
      string,
      Record<string, { security?: unknown[]; parameters?: { in: string; name: string }[] }>
    >;
  };
  const api = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, op]) => (op.security ?? []).length === 0)
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      })),
  );
  const pages = app.routes
    .filter((r) => r.method !== 'ALL' && !r.path.startsWith('/api/') && !r.path.includes('*'))
    .filter((r) => !api.some((a) => a.path === r.path && a.method === r.method))
    .map((r) => ({ method: r.method, path: r.path, query: PAGE_QUERY }));
  return [...api, ...pages];
}

describe.each(dialects)('U+0000 in a URL on %s', (dialect) => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof testApp>['app'];
  let operations: Operation[];

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    app = testApp(database).app;
    operations = await anonymousOperations(app);
  });
  afterAll(() => database?.close());

  async function call(method: string, url: string) {
    const res = await app.request(`${ORIGIN}${url}`, {
      method,
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: method === 'GET' || method === 'HEAD' ? undefined : '{}',
    });
    return `${res.status} ${method} ${url}`;
  }
  const isClientError = (line: string) => /^4\d\d /.test(line);

  it('finds the anonymous routes', () => {
    const names = operations.map((o) => `${o.method} ${o.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/v1/public/stats',
        'GET /api/v1/public/answers',
        'GET /api/v1/public/feedback/{code}',
        'GET /api/v1/phone/config',
        'POST /api/v1/auth/login',
        'POST /api/v1/phone/units/{unitId}/ratings',
        'GET /public',
        'GET /public/answers',
        'POST /public/verdict',
      ]),
    );
  });

  it('is a 4xx in a path segment of every anonymous route', async () => {
    const answers: string[] = [];
    for (const op of operations) {
      for (const nul of NULS) {
        const withParam = op.path.includes('{');
        const path = withParam
          ? op.path.replace(/\{[^}]+\}/g, nul)
          : `${op.path.replace(/\/$/, '')}/${nul}`;
        answers.push(await call(op.method, path));
        if (!withParam) answers.push(await call(op.method, `${op.path}${nul}`));
      }
    }
    expect(answers.filter((a) => !isClientError(a))).toEqual([]);
  });

  it('is a 4xx in every query parameter of every anonymous route', async () => {
    const answers: string[] = [];
    for (const op of operations) {
      for (const name of [...op.query, 'unknown']) {
        for (const nul of NULS) {
          answers.push(await call(op.method, `${samplePath(op.path)}?${name}=${nul}`));
        }
      }
      // In a parameter's name, too.
      answers.push(await call(op.method, `${samplePath(op.path)}?q%00=1`));
    }
    expect(answers.filter((a) => !isClientError(a))).toEqual([]);
  });
});
