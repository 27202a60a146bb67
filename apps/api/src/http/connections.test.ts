/**
 * A refusal must not cost the client its connection: whatever the server answers before reading a
 * request body (401, 403, 413), the client's next request on the same keep-alive agent goes through.
 * Real node server, real keep-alive agent, bodies that really arrive piece by piece.
 */
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/support/databases.ts';
import { testApp } from '../../../../test/support/api-client.ts';
import { exchange, listen, type LiveServer } from '../../../../test/support/live-server.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { MAX_BODY_BYTES } from '../app.ts';

const KIB = 1024;
/** A body of `bytes` JSON bytes, cut into `pieces` parts. */
function jsonBody(bytes: number, pieces: number): Buffer[] {
  const json = Buffer.from(JSON.stringify({ protocol: 1, note: 'x'.repeat(bytes - 30) }));
  const size = Math.ceil(json.length / pieces);
  return Array.from({ length: pieces }, (_, i) => json.subarray(i * size, (i + 1) * size));
}
const lengthOf = (body: Buffer[]) => String(body.reduce((n, b) => n + b.length, 0));

describe('connections survive refusals', () => {
  let database: DatabaseHandle;
  let server: LiveServer;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    server = await listen(testApp(database).app);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  const small = jsonBody(2 * KIB, 6);
  const sameOrigin = () => ({
    'content-type': 'application/json',
    origin: server.origin,
    'sec-fetch-site': 'same-origin',
  });
  const cases: {
    name: string;
    status: number;
    request: () => { path: string; headers: Record<string, string>; body: Buffer[]; gapMs: number };
  }[] = [
    {
      name: '401 on a staff route, small body sent slowly',
      status: 401,
      request: () => ({
        path: '/api/v1/users',
        headers: { ...sameOrigin(), 'content-length': lengthOf(small) },
        body: small,
        gapMs: 150,
      }),
    },
    {
      name: '403 from the CSRF check, small body sent slowly',
      status: 403,
      request: () => ({
        path: '/api/v1/users',
        headers: {
          'content-type': 'application/json',
          origin: 'https://evil.example',
          'content-length': lengthOf(small),
        },
        body: small,
        gapMs: 150,
      }),
    },
    {
      name: '401 on sync with an unknown device token',
      status: 401,
      request: () => ({
        path: '/api/v1/sync',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${'A'.repeat(43)}`,
          'content-length': lengthOf(small),
        },
        body: small,
        gapMs: 150,
      }),
    },
    {
      name: '403 with a body too large to drain',
      status: 403,
      request: () => {
        const body = jsonBody(600 * KIB, 20);
        return {
          path: '/api/v1/users',
          headers: {
            'content-type': 'application/json',
            origin: 'https://evil.example',
            'content-length': lengthOf(body),
          },
          body,
          gapMs: 40,
        };
      },
    },
    {
      name: '413 for a declared length over the limit',
      status: 413,
      request: () => {
        const body = jsonBody(MAX_BODY_BYTES * 2, 32);
        return {
          path: '/api/v1/auth/login',
          headers: { ...sameOrigin(), 'content-length': lengthOf(body) },
          body,
          gapMs: 20,
        };
      },
    },
    {
      name: '413 for a chunked body that grows over the limit',
      status: 413,
      request: () => ({
        path: '/api/v1/auth/login',
        headers: sameOrigin(),
        body: jsonBody(MAX_BODY_BYTES * 2, 32),
        gapMs: 20,
      }),
    },
  ];

  it.each(cases)('$name', async ({ status, request }) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await exchange(server, { method: 'POST', agent, ...request() });
      expect(first.status).toBe(status);
      expect(JSON.parse(first.body).error.code).toEqual(expect.any(String));
      const next = await exchange(server, { path: '/healthz', agent });
      expect(next.status).toBe(200);
      expect([...first.errors, ...next.errors]).toEqual([]);
      // Kept alive means kept usable: the next request rode the same connection.
      if (!/close/i.test(first.headers.connection ?? '')) {
        expect(next.socketPort).toBe(first.socketPort);
      }
    } finally {
      agent.destroy();
    }
  });
});
