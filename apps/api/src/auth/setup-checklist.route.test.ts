/**
 * Bắt đầu: the first month's checklist ticks each step from the data — the public address, an
 * officer's account and counter PIN, survey questions, posters made and tablets heard from in
 * the last three days — over the units the reader may see.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../../../test/support/databases.ts';
import { ORIGIN, testApp, TestClock, type Session } from '../../../../test/support/api-client.ts';
import { signedIn } from '../../test/fixtures/catalogue-import-fixture.ts';
import type { DatabaseHandle } from '../db/connect.ts';

const DAY = 86_400_000;
const FORM = {
  unit: { code: 'xa-a', name: 'UBND xã A', kind: 'commune' },
  sector: { code: 'ho-tich', name: 'Hộ tịch' },
  counter: { code: 'quay-1', name: 'Quầy số 1' },
};

describe.each(dialects)('the set-up checklist on %s', (dialect) => {
  let database: DatabaseHandle;
  let clock: TestClock;
  let app: ReturnType<typeof testApp>['app'];
  let admin: Session;

  beforeEach(async () => {
    database = await freshDatabase(dialect);
    clock = new TestClock(Date.UTC(2026, 10, 23, 3));
    ({ app } = testApp(database, clock, { publicUrl: ORIGIN }));
    admin = await signedIn(database, app, clock, 'admin', 'admin');
  });
  afterEach(() => database?.close());

  const done = async (session: Session) => {
    const res = await session.get('/api/v1/setup/checklist');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { checks: { step: string; done: boolean }[] };
    return body.checks.filter((c) => c.done).map((c) => c.step);
  };

  it('ticks each step as the data arrives, never before', async () => {
    // An empty catalogue: only the public address (set in the configuration) is done.
    expect(await done(admin)).toEqual(['publicAddress']);
    const first = await admin.post('/api/v1/setup/first-unit', FORM);
    expect(first.status).toBe(201);
    const { unitId } = (await first.json()) as { unitId: string };
    expect(await done(admin)).toEqual(['publicAddress']);

    const officer = await signedIn(database, app, clock, 'can-bo', 'staff', unitId);
    expect(await done(admin)).toEqual(['publicAddress', 'staffAccounts']);
    // An officer sets their own counter PIN.
    expect(
      (await officer.send('PUT', '/api/v1/me/counter-pin', { body: { pin: '2468' } })).status,
    ).toBe(200);
    expect(await done(admin)).toContain('counterPins');

    const survey = await admin.get(`/api/v1/units/${unitId}/survey-settings`);
    const { settings } = (await survey.json()) as { settings: Record<string, unknown> };
    const put = await admin.send('PUT', `/api/v1/units/${unitId}/survey-settings`, {
      body: { ...settings, questions: { visits: true, agencies: false, attitude: true } },
    });
    expect(put.status).toBe(200);
    expect(await done(admin)).toContain('surveyQuestions');

    // Opening the unit's posters gives it its short link: the posters are made.
    expect((await admin.post(`/api/v1/units/${unitId}/short-links`)).status).toBe(200);
    expect(await done(admin)).toContain('posters');

    await database.repos.devices.createDevice({
      id: 'may-1',
      unitId,
      label: 'Máy 1',
      tokenHash: 'x'.repeat(64),
      enrolledAt: clock.now,
      revokedAt: null,
      lastSeenAt: clock.now,
      lastSyncAt: clock.now,
      highestSeq: 0,
      receivedCount: 0,
      lastRatingAt: null,
      counterId: null,
    });
    expect(await done(admin)).toEqual([
      'publicAddress',
      'staffAccounts',
      'surveyQuestions',
      'counterPins',
      'posters',
      'tablets',
    ]);
    // Four days without news from the tablet: the step is open again.
    clock.advance(4 * DAY);
    const later = await signedIn(database, app, clock, 'admin-2', 'admin');
    expect(await done(later)).not.toContain('tablets');
  });

  it('is for leaders only', async () => {
    const officer = await signedIn(database, app, clock, 'can-bo', 'staff');
    expect((await officer.get('/api/v1/setup/checklist')).status).toBe(403);
  });
});
