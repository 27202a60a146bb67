/**
 * Throttles hold when the attempts arrive all at once: the attempt is reserved in the database before
 * any work, so 60 parallel guesses get at most the allowed number evaluated, and the right secret
 * sent among them is refused like the rest. (Password hashing under a flood: hash-turns.route.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { enrollDevice, feedback, sync } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';
import { THROTTLE } from './auth.service.ts';
import { ENROLL_THROTTLE } from '../devices/devices.service.ts';
import { LOOKUP_THROTTLE } from '../public/feedback-public.service.ts';

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
