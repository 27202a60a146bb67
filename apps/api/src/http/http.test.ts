import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { MAX_BODY_BYTES } from '../app.ts';

describe.each(dialects)('HTTP skeleton on %s', (dialect) => {
  let database: DatabaseHandle;
  let client: Session;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    client = new Session(testApp(database).app);
  });
  afterAll(() => database.close());

  it('answers /healthz with the database kind', async () => {
    const res = await client.get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      database: dialect,
      version: expect.any(String),
    });
  });

  it('sends a Content-Security-Policy without inline scripts', async () => {
    const csp = (await client.get('/healthz')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await client.get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await client.send('POST', '/api/v1/auth/login', { raw: '{"username": "admin",' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('malformed_json');
  });

  it('answers a schema violation with 422 and the failing fields', async () => {
    const res = await client.post('/api/v1/auth/login', { username: 'admin', password: 42 });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details).toEqual([expect.objectContaining({ path: 'password' })]);
  });

  it('answers a body over the limit with 413 before reading it all', async () => {
    const raw = JSON.stringify({ username: 'admin', password: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await client.send('POST', '/api/v1/auth/login', { raw });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('refuses a body sent as a form instead of JSON without a 500', async () => {
    const res = await client.send('POST', '/api/v1/auth/login', {
      raw: 'username=admin&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await res.json()).error.code).toEqual(expect.any(String));
  });
});
