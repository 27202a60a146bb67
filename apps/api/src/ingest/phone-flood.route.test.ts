/**
 * One voice per served citizen (issue 22 item 4), measured on both dialects through the real
 * routes: a department rating 93.7 % over 300 citizens at its tablet is flooded with lowest-level
 * ratings from the phone page — hundreds, from many addresses (IPv4, and IPv6 in several /64s), by
 * both counters' QR codes, within the abuse limits — and its official rate moves by at most one
 * percentage point, with the default settings and with the unit including anonymous phone ratings
 * (from the month after it chose to, under the daily cap); the flood is shown apart with its own
 * rate. Before issue 22 the same flood took the rate from 93.7 % to about 31 %. The abuse limits
 * group IPv6 addresses by /64: one host's /64 is one client.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_MAX_ITEMS, type RatingRecord } from '@hailong/contracts';
import { dialects } from '../../../../test/support/databases.ts';
import { Session, testApp } from '../../../../test/support/api-client.ts';
import { rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import { syncWorld, type SyncWorld } from '../../test/fixtures/sync-fixture.ts';
import { PHONE_THROTTLE } from './phone-intake.service.ts';

const HOUR = 3_600_000;
const LEADER = { username: 'lanh.dao.tinh', password: 'mật-khẩu-lãnh-đạo-22' };
/** An hour of a day in Việt Nam (UTC+7). */
const vn = (date: string, hour: number) => Date.parse(`${date}T00:00:00Z`) - 7 * HOUR + hour * HOUR;

const IPV4 = Array.from({ length: 8 }, (_, i) => `203.0.113.${10 + i}`);
/** Four /64s, each with many hosts (a phone's privacy addresses change the low 64 bits at will). */
const IPV6 = ['2001:db8:a:1', '2001:db8:a:2', '2001:db8:b:7', '2001:db8:c:ff'];

describe.each(dialects)('an anonymous flood of the phone page on %s', (dialect) => {
  let w: SyncWorld;
  let phone: Session;
  let tablet: TestDevice;
  let seq = 0;
  let counters: string[];
  let sectorId: string;

  beforeAll(async () => {
    w = await syncWorld(dialect);
    // Behind a proxy, so that each request may come from its own address.
    phone = new Session(testApp(w.database, w.clock, { trustProxy: true }).app);
    const made = await w.admin.post('/api/v1/users', {
      ...LEADER,
      displayName: 'Lãnh đạo tỉnh',
      role: 'admin',
      unitId: null,
    });
    expect(made.status).toBe(201);
    tablet = await w.enroll('Quầy 1');
    counters = (await w.database.repos.catalogue.listCounters(w.unit.id)).map((c) => c.id);
    sectorId = w.sectors[0]!.id;
  });
  afterAll(() => w.database.close());

  /** The admin signed in again, after the clock moved past the session's 12 hours. */
  async function leader() {
    const session = new Session(w.app);
    expect((await session.login(LEADER.username, LEADER.password)).status).toBe(200);
    return session;
  }

  /** `count` tablet ratings rated from `from` on, one every `gapMs`; 19 in 300 unsatisfied. */
  async function tabletRatings(count: number, from: number, gapMs: number) {
    const records: RatingRecord[] = Array.from({ length: count }, (_, i) =>
      rating(tablet, ++seq, {
        sectorId,
        level: i % 300 < 19 ? 1 : 5,
        deviceTime: new Date(from + i * gapMs).toISOString(),
      }),
    );
    for (let i = 0; i < records.length; i += SYNC_MAX_ITEMS) {
      const res = await sync(w.tablet(), tablet, records.slice(i, i + SYNC_MAX_ITEMS));
      expect(res.status).toBe(200);
    }
  }

  /**
   * Rounds of lowest-level phone ratings by every counter's QR code, each (by default) as many as
   * a counter's hourly allowance lets through, fired at once from many addresses; the clock moves
   * an hour between rounds. Returns how many were stored.
   */
  async function flood(
    rounds: number,
    perCounter: number = PHONE_THROTTLE.counter.limit,
  ): Promise<number> {
    let stored = 0;
    for (let round = 0; round < rounds; round++) {
      const sent = counters.flatMap((counterId) =>
        Array.from({ length: perCounter }, (_, i) => {
          const v6 = i % 3 === 0;
          const address = v6
            ? `${IPV6[i % IPV6.length]}:${randomUUID().slice(0, 4)}:${i}:${round}:1`
            : IPV4[i % IPV4.length]!;
          return phone.post(
            `/api/v1/phone/units/${w.unit.id}/ratings`,
            { id: randomUUID(), counterId, sectorId, level: 1 },
            { headers: { 'x-forwarded-for': address } },
          );
        }),
      );
      const statuses = (await Promise.all(sent)).map((r) => r.status);
      expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
      stored += statuses.filter((s) => s === 201).length;
      w.clock.advance(HOUR + 60_000);
    }
    return stored;
  }

  async function totals(month: string) {
    const res = await (await leader()).get(`/api/v1/tally/node?node=${w.unit.id}&period=${month}`);
    expect(res.status).toBe(200);
    return (await res.json()).totals;
  }

  it('leaves a department’s official rate where its citizens put it (default settings)', async () => {
    w.clock.now = vn('2026-12-20', 7);
    await tabletRatings(300, vn('2026-12-01', 8), 1.5 * HOUR);
    const before = await totals('2026-12');
    expect(before).toMatchObject({ total: 300, satisfied: 281 });
    expect(before.rate).toBeCloseTo(0.937, 3);

    const stored = await flood(2);
    // No trickle: the abuse limits let through more than the unit's month of citizens.
    expect(stored).toBeGreaterThanOrEqual(450);
    const after = await totals('2026-12');
    expect(Math.abs(after.rate - before.rate)).toBeLessThanOrEqual(0.01);
    expect(after).toMatchObject({ total: 300, satisfied: 281 });
    // Shown apart, with its own rate.
    expect(after.unverified).toBe(stored);
    expect(after.unverifiedRate).toBe(0);
  }, 120_000);

  it('keeps the cap when the unit includes anonymous phone ratings, from the next month', async () => {
    const chose = await (
      await leader()
    ).send('PUT', `/api/v1/units/${w.unit.id}/counting-settings`, {
      body: { closeDay: 10, includeUnverifiedPhone: true },
    });
    expect(chose.status).toBe(200);
    expect((await chose.json()).next).toMatchObject({
      fromMonth: '2027-01',
      includeUnverifiedPhone: true,
    });
    // Still December: the choice does not apply yet.
    const december = await totals('2026-12');
    w.clock.now = vn('2026-12-21', 8);
    const more = await flood(1, 20);
    expect(await totals('2026-12')).toMatchObject({
      total: 300,
      satisfied: 281,
      unverified: december.unverified + more,
    });

    // January: a busier month at the tablet (about 167 a day), so the cap admits one a day.
    w.clock.now = vn('2027-01-20', 7);
    await tabletRatings(3_000, vn('2027-01-02', 8), (17 * 24 * HOUR) / 3_000);
    const before = await totals('2027-01');
    expect(before).toMatchObject({ total: 3_000, satisfied: 2_810 });
    w.clock.now = vn('2027-01-20', 8);
    let flooded = await flood(1);
    w.clock.now = vn('2027-01-21', 8);
    flooded += await flood(1, 20);
    const after = await totals('2027-01');
    expect(after.total).toBe(3_002);
    expect(Math.abs(after.rate - before.rate)).toBeLessThanOrEqual(0.01);
    expect(after.unverified).toBe(flooded - 2);
    expect(after.unverifiedRate).toBe(0);
  }, 120_000);

  it('holds every address of one /64 to one client’s allowance', async () => {
    w.clock.now = vn('2027-01-22', 9);
    const answers = await Promise.all(
      Array.from({ length: PHONE_THROTTLE.burst.limit + 10 }, (_, i) =>
        phone.post(
          `/api/v1/phone/units/${w.unit.id}/ratings`,
          { id: randomUUID(), counterId: counters[0], sectorId, level: 1 },
          { headers: { 'x-forwarded-for': `2001:db8:77:1:${i.toString(16)}::9` } },
        ),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(PHONE_THROTTLE.burst.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });
});
