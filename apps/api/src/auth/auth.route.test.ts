import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { ORIGIN, Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin } from '../demo/seed.service.ts';
import { SESSION_TTL_MS, THROTTLE } from './auth.service.ts';

const PASSWORD = 'mật-khẩu-quản-trị-2026';

describe.each(dialects)('staff sign-in on %s', (dialect) => {
  let database: DatabaseHandle;
  let app: ReturnType<typeof testApp>['app'];
  let clock: TestClock;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    clock = new TestClock();
    await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
    app = testApp(database, clock).app;
  });
  afterAll(() => database.close());

  it('signs in, sets a strict HttpOnly cookie, and answers /auth/me', async () => {
    const client = new Session(app);
    const res = await client.login('Admin', PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^hl_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await res.json()).user).toMatchObject({ username: 'admin', role: 'admin' });

    const me = await client.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { username: 'admin' }, unitName: null });
  });

  it('answers a wrong password and an unknown user alike with 401 invalid_credentials', async () => {
    for (const [username, password] of [
      ['admin', 'wrong-password'],
      ['nobody', PASSWORD],
    ] as const) {
      const res = await new Session(app).login(username, password);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('invalid_credentials');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('answers staff routes with 401 without a session, and with a forged cookie', async () => {
    const anonymous = new Session(app);
    const forged = new Session(app);
    forged.cookie = 'hl_session=not-a-real-session-token';
    for (const client of [anonymous, forged]) {
      for (const path of ['/api/v1/auth/me', '/api/v1/users', '/api/v1/units']) {
        const res = await client.get(path);
        expect(res.status, path).toBe(401);
        expect((await res.json()).error.code).toBe('unauthenticated');
      }
    }
  });

  it('tells a page who is signed in, or nobody, without a 401 (and a forged cookie is nobody)', async () => {
    const client = new Session(app);
    const before = await client.get('/api/v1/auth/session');
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ me: null });
    await client.login('admin', PASSWORD);
    const after = await client.get('/api/v1/auth/session');
    expect((await after.json()).me).toMatchObject({ user: { username: 'admin' } });
    const forged = new Session(app);
    forged.cookie = 'hl_session=not-a-real-session-token';
    expect(await (await forged.get('/api/v1/auth/session')).json()).toEqual({ me: null });
  });

  it('ends the session on logout, server-side', async () => {
    const client = new Session(app);
    await client.login('admin', PASSWORD);
    const stolen = client.cookie;
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    const replay = new Session(app);
    replay.cookie = stolen;
    expect((await replay.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('expires a session after its lifetime', async () => {
    const client = new Session(app);
    await client.login('admin', PASSWORD);
    clock.advance(SESSION_TTL_MS + 1000);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses cookie-authenticated writes from another site (CSRF)', async () => {
    const client = new Session(app);
    await client.login('admin', PASSWORD);
    const newUser = {
      username: 'csrf.test',
      displayName: 'X',
      role: 'viewer',
      password: 'long-enough-pass',
    };
    const attempts: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: '', 'sec-fetch-site': 'cross-site' },
      { origin: ORIGIN, 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of attempts) {
      const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
      const res = await client.send('POST', '/api/v1/users', {
        body: newUser,
        headers: headers.origin === '' ? { ...clean, origin: 'https://evil.example' } : clean,
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.code).toBe('csrf_rejected');
    }
    // A request with neither Origin nor Sec-Fetch-Site: the cookie alone is not enough.
    const bare = await app.request(`${ORIGIN}/api/v1/users`, {
      method: 'POST',
      headers: { cookie: client.cookie!, 'content-type': 'application/json' },
      body: JSON.stringify(newUser),
    });
    expect(bare.status).toBe(403);
    const sameOrigin = await client.send('POST', '/api/v1/users', {
      body: newUser,
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(201);
  });

  it('throttles repeated failures per account and address, even for the right password', async () => {
    clock.advance(THROTTLE.windowMs + 1); // forget the failures of the tests above
    const client = new Session(app);
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      expect((await client.login('admin', `wrong-${i}`)).status).toBe(401);
    }
    const blocked = await client.login('admin', PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.code).toBe('too_many_requests');
    clock.advance(THROTTLE.windowMs + 1);
    expect((await client.login('admin', PASSWORD)).status).toBe(200);
  });
});
