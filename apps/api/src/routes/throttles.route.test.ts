/**
 * Throttles hold when the attempts arrive all at once: the attempt is reserved in the database before
 * any work, so 60 parallel guesses get at most the allowed number evaluated, and the right secret
 * sent among them is refused like the rest. Password hashing takes turns between client addresses,
 * so a flood from one address does not hold back a sign-in from another.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { enrollDevice, feedback, sync } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../services/seed.service.ts';
import { THROTTLE } from '../services/auth.service.ts';
import { ENROLL_THROTTLE } from '../services/devices.service.ts';
import { LOOKUP_THROTTLE } from '../services/feedback-public.service.ts';
import { HASH_CONCURRENCY } from '../services/passwords.ts';

// Turns between addresses are visible only while a hash takes real time: OWASP's cost here, not
// the test run's (the variable is read when passwords.ts is imported, after this).
vi.hoisted(() => {
  delete process.env.HAILONG_TEST_SCRYPT_LOG_N;
});

const PASSWORD = 'mật-khẩu-quản-trị-2026';
const ATTEMPTS = 60;

type App = ReturnType<typeof testApp>['app'];
const statuses = (responses: Response[]) => responses.map((r) => r.status);
const count = (list: number[], status: number) => list.filter((s) => s === status).length;

describe.each(dialects)('throttles under parallel attempts on %s', (dialect) => {
  let database: DatabaseHandle;
  let clock: TestClock;
  let app: App;
  let admin: Session;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    clock = new TestClock(Date.UTC(2026, 10, 20, 3));
    await seedDemoCatalogue(database.repos, clock.read);
    await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
    app = testApp(database, clock).app;
    admin = new Session(app);
    expect((await admin.login('admin', PASSWORD)).status).toBe(200);
  });
  afterAll(() => database.close());

  it(`evaluates at most ${THROTTLE.perAccount} of ${ATTEMPTS} parallel password guesses; the right one, last, is refused`, async () => {
    const guesses = Array.from({ length: ATTEMPTS }, (_, i) =>
      new Session(app).login('admin', i === ATTEMPTS - 1 ? PASSWORD : `sai-${i}`),
    );
    const result = statuses(await Promise.all(guesses));
    expect(result.length - count(result, 429)).toBeLessThanOrEqual(THROTTLE.perAccount);
    expect(count(result, 200)).toBe(0);
    expect(result[ATTEMPTS - 1]).toBe(429);
    expect((await new Session(app).login('admin', PASSWORD)).status).toBe(429);
    clock.advance(THROTTLE.windowMs + 1);
    expect((await new Session(app).login('admin', PASSWORD)).status).toBe(200);
  }, 120_000);

  it(`evaluates at most ${ENROLL_THROTTLE.failures} of ${ATTEMPTS} parallel enrollment codes`, async () => {
    const units = await database.repos.catalogue.listUnits();
    const created = await admin.post('/api/v1/enrollments', { unitId: units[0]!.id, label: 'A' });
    const { code } = await created.json();
    const tries = Array.from({ length: ATTEMPTS }, (_, i) =>
      new Session(app).post('/api/v1/devices/enroll', {
        code: i === ATTEMPTS - 1 ? code : `ZZZZ-${String(i).padStart(4, '0')}`,
      }),
    );
    const result = statuses(await Promise.all(tries));
    expect(result.length - count(result, 429)).toBeLessThanOrEqual(ENROLL_THROTTLE.failures);
    expect(count(result, 201)).toBe(0);
    expect(result[ATTEMPTS - 1]).toBe(429);
    clock.advance(ENROLL_THROTTLE.windowMs + 1);
    expect((await new Session(app).post('/api/v1/devices/enroll', { code })).status).toBe(201);
  });

  it(`answers at most ${LOOKUP_THROTTLE.misses} of ${ATTEMPTS} parallel guesses of a tracking code`, async () => {
    await admin.login('admin', PASSWORD);
    const units = await database.repos.catalogue.listUnits();
    const device = await enrollDevice(admin, units[0]!.id);
    const record = feedback(device, 1, { deviceTime: new Date(clock.now - 60_000).toISOString() });
    expect((await sync(new Session(app), device, [record])).status).toBe(200);
    const citizen = new Session(app);
    const lookups = Array.from({ length: ATTEMPTS }, (_, i) =>
      citizen.get(
        `/api/v1/public/feedback/${i === ATTEMPTS - 1 ? record.trackingCode : `ZZZZ-${String(i).padStart(4, '0')}`}`,
      ),
    );
    const result = statuses(await Promise.all(lookups));
    expect(count(result, 404)).toBeLessThanOrEqual(LOOKUP_THROTTLE.misses);
    expect(result.length - count(result, 429)).toBeLessThanOrEqual(LOOKUP_THROTTLE.misses);
    expect(result[ATTEMPTS - 1]).toBe(429);
    clock.advance(LOOKUP_THROTTLE.windowMs + 1);
    expect((await citizen.get(`/api/v1/public/feedback/${record.trackingCode}`)).status).toBe(200);
  });
});

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
