/**
 * Password hashing takes turns between client addresses, so a flood of sign-ins from one address
 * does not hold back a sign-in from another.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin } from '../services/seed.service.ts';
import { HASH_CONCURRENCY } from '../services/passwords.ts';

// Turns are visible only while a hash takes real time: OWASP's cost here, not the test run's (the
// variable is read when passwords.ts is imported, which vi.hoisted runs before).
vi.hoisted(() => {
  delete process.env.HAILONG_TEST_SCRYPT_LOG_N;
});

const PASSWORD = 'mật-khẩu-quản-trị-2026';

type App = ReturnType<typeof testApp>['app'];
const statuses = (responses: Response[]) => responses.map((r) => r.status);

describe('password hashing under a flood', () => {
  let database: DatabaseHandle;
  let app: App;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    await ensureFirstAdmin(database.repos, Date.now, PASSWORD);
    // Behind a proxy, so that each request can come from its own address.
    app = testApp(database, new TestClock(), { trustProxy: true }).app;
  });
  afterAll(() => database.close());

  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

  it('lets a sign-in from another address through before the flood’s queued hashing', async () => {
    const floodSize = 3 * HASH_CONCURRENCY + 4;
    const finished: string[] = [];
    const track = (name: string, sent: Promise<Response>) =>
      sent.then((res) => {
        finished.push(name);
        return res;
      });
    const flood = Array.from({ length: floodSize }, (_, i) =>
      track(
        'flood',
        new Session(app).post(
          '/api/v1/auth/login',
          { username: `khong-co-${i}`, password: 'đoán-bừa' },
          from('198.51.100.1'),
        ),
      ),
    );
    // Let the flood reach the hashing before the real sign-in arrives.
    await new Promise((r) => setTimeout(r, 500));
    const real = await track(
      'real',
      new Session(app).post(
        '/api/v1/auth/login',
        { username: 'admin', password: PASSWORD },
        from('198.51.100.2'),
      ),
    );
    expect(real.status).toBe(200);
    const floodBefore = finished.indexOf('real');
    // Only the hashing already running when it arrived (and one more turn) goes first.
    expect(floodBefore).toBeLessThanOrEqual(HASH_CONCURRENCY + 1);
    expect(statuses(await Promise.all(flood)).every((s) => s === 401)).toBe(true);
  }, 180_000);
});
