/**
 * Credentials are parsed strictly: an Authorization header is a well-formed bearer token or the
 * request is refused, so a half-recognised header can neither switch off the CSRF check nor carry a
 * device token to staff routes. The CSRF check compares Origin with the public origin: scheme, host
 * and port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { enrollDevice, type TestDevice } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';

const PASSWORD = 'mật-khẩu-quản-trị-2026';
const newUser = (username: string) => ({
  username,
  displayName: 'Người thử',
  role: 'viewer',
  password: 'long-enough-pass',
});

describe.each(dialects)('credentials and CSRF on %s', (dialect) => {
  let database: DatabaseHandle;
  let clock: TestClock;
  let admin: Session;
  let device: TestDevice;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    clock = new TestClock();
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
    admin = new Session(testApp(database, clock).app);
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
    device = await enrollDevice(admin, (await database.repos.catalogue.listUnits())[0]!.id);
  });
  afterAll(() => database.close());

  const userCount = () => database.repos.users.count();

  it('refuses a malformed Authorization header instead of skipping the CSRF check', async () => {
    const before = await userCount();
    const malformed = [
      'Bearer a b',
      'Bearer',
      'Bearer ',
      `Bearer  ${'A'.repeat(43)}`,
      `Bearer\t${'A'.repeat(43)}`,
      `Bearer ${'A'.repeat(42)}`,
      `Bearer ${'A'.repeat(42)}=`,
      'Basic YWRtaW46eA==',
      'Token abc',
      '',
    ];
    for (const [i, authorization] of malformed.entries()) {
      for (const origin of ['https://evil.example', admin.origin]) {
        const res = await admin.send('POST', '/api/v1/users', {
          body: newUser(`malformed.${i}`),
          headers: { authorization, origin },
        });
        expect(res.status, `${JSON.stringify(authorization)} from ${origin}`).toBe(401);
        expect((await res.json()).error.code).toBe('unauthenticated');
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
    }
    expect(await userCount()).toBe(before);
  });

  it('never lets a device token reach staff routes, however it is written', async () => {
    const forms = [
      `Bearer ${device.token}`,
      `bearer ${device.token}`,
      `Bearer ${device.token} x`,
      `Bearer  ${device.token}`,
      `Bearer ${device.token},`,
    ];
    for (const authorization of forms) {
      for (const path of ['/api/v1/devices', '/api/v1/feedback', '/api/v1/auth/me']) {
        const res = await admin.get(path, { headers: { authorization } });
        expect([401, 403], `${authorization} on ${path}`).toContain(res.status);
      }
    }
  });

  it('accepts a well-formed bearer token on device routes, the scheme in any case', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const res = await new Session(admin.app).get('/api/v1/device/config', {
        headers: { authorization: `${scheme} ${device.token}` },
      });
      expect(res.status, scheme).toBe(200);
    }
  });

  it('compares Origin with the request’s own scheme, host and port when PUBLIC_URL is unset', async () => {
    for (const origin of ['https://hailong.test', 'http://hailong.test:8080', 'http://evil.test']) {
      const res = await admin.send('POST', '/api/v1/users', {
        body: newUser('origin.check'),
        headers: { origin },
      });
      expect(res.status, origin).toBe(403);
      expect((await res.json()).error.code).toBe('csrf_rejected');
    }
  });

  it('compares Origin with PUBLIC_URL when it is set, whatever the Host header says', async () => {
    const publicUrl = 'https://hailong.example';
    const app = testApp(database, clock, { publicUrl }).app;
    // Behind a reverse proxy the Host header is the internal name.
    const staff = new Session(app, 'http://app.internal:8787');
    const login = await staff.post(
      '/api/v1/auth/login',
      { username: 'admin', password: PASSWORD },
      { headers: { origin: publicUrl } },
    );
    expect(login.status).toBe(200);
    const attempt = (origin: string, username: string) =>
      staff.send('POST', '/api/v1/users', { body: newUser(username), headers: { origin } });
    for (const origin of [
      'http://hailong.example',
      'https://hailong.example:8443',
      'http://app.internal:8787',
      'https://evil.example',
    ]) {
      expect((await attempt(origin, 'public.refused')).status, origin).toBe(403);
    }
    expect((await attempt(publicUrl, 'public.one')).status).toBe(201);
    expect((await attempt('https://hailong.example:443', 'public.two')).status).toBe(201);
  });
});
