/**
 * Response headers: API answers (citizens' items, contact data, accounts) are never stored by a
 * cache unless a route says otherwise; HSTS only over HTTPS; one framing policy; and over HTTPS the
 * session cookie carries the `__Host-` prefix, so no other host or plain-HTTP page can plant it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';
import { PUBLIC_STATS_CACHE_CONTROL } from '../public/public-stats.route.ts';

const PASSWORD = 'mật-khẩu-quản-trị-2026';

describe.each(dialects)('response headers on %s', (dialect) => {
  let database: DatabaseHandle;
  let clock: TestClock;
  let app: ReturnType<typeof testApp>['app'];
  let admin: Session;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    clock = new TestClock();
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
    app = testApp(database, clock).app;
    admin = new Session(app);
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
  });
  afterAll(() => database.close());

  it('marks API answers no-store unless the route sets its own caching', async () => {
    for (const path of [
      '/api/v1/feedback',
      '/api/v1/auth/me',
      '/api/v1/users',
      '/api/v1/devices',
      '/api/v1/no-such-route',
    ]) {
      expect((await admin.get(path)).headers.get('cache-control'), path).toBe('no-store');
    }
    const anonymous = new Session(app);
    expect((await anonymous.get('/api/v1/feedback')).headers.get('cache-control')).toBe('no-store');
    expect(
      (await anonymous.get('/api/v1/public/feedback/ZZZZ-ZZZZ')).headers.get('cache-control'),
    ).toBe('no-store');
    const stats = await anonymous.get('/api/v1/public/stats?month=2026-11');
    expect(stats.status).toBe(200);
    expect(stats.headers.get('cache-control')).toBe(PUBLIC_STATS_CACHE_CONTROL);
  });

  it('has one framing policy: frame-ancestors none and X-Frame-Options DENY', async () => {
    for (const path of ['/healthz', '/api/v1/auth/me']) {
      const res = await admin.get(path);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('sends HSTS only over HTTPS: direct TLS or a trusted proxy that says so', async () => {
    const hsts = async (session: Session, headers: Record<string, string> = {}) =>
      (await session.get('/healthz', { headers })).headers.get('strict-transport-security');
    expect(await hsts(admin)).toBeNull();
    expect(await hsts(admin, { 'x-forwarded-proto': 'https' })).toBeNull();
    expect(await hsts(new Session(app, 'https://hailong.test'))).toMatch(/max-age=\d+/);
    const proxied = new Session(testApp(database, clock, { trustProxy: true }).app);
    expect(await hsts(proxied, { 'x-forwarded-proto': 'https' })).toMatch(/max-age=\d+/);
    expect(await hsts(proxied)).toBeNull();
  });

  it('names the session cookie __Host- over HTTPS and accepts only that name there', async () => {
    const secure = new Session(app, 'https://hailong.test');
    const login = await secure.login('admin', PASSWORD);
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-hl_session=[\w-]{43};/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).not.toMatch(/Domain=/i);
    expect((await secure.get('/api/v1/auth/me')).status).toBe(200);

    // The same token without the prefix is not a session over HTTPS: anyone could have set it.
    const planted = new Session(app, 'https://hailong.test');
    planted.cookie = secure.cookie!.replace(/^__Host-/, '');
    expect((await planted.get('/api/v1/auth/me')).status).toBe(401);

    expect((await secure.post('/api/v1/auth/logout')).status).toBe(204);
    expect(secure.cookie).toBeUndefined();

    // Plain HTTP (the console on localhost) keeps the plain name, without Secure.
    const plain = await new Session(app).login('admin', PASSWORD);
    expect(plain.headers.get('set-cookie')).toMatch(/^hl_session=[\w-]{43};/);
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
  });
});
