/**
 * Official figures do not depend on batching: whether a rating is a possible repeat press is decided
 * from the tablet's whole rating timeline (by device time), so the same records uploaded in any
 * batching and order give the same flags and the same tally, and the rollups stay a recount of the
 * raw rows even when a late-arriving earlier rating turns a stored one into a repeat.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_MS, seededRandom } from '@hailong/domain';
import { dialects } from '../../../../test/support/databases.ts';
import { rating, sync, type TestDevice } from '../../../../test/support/devices.ts';
import {
  syncWorld,
  SYNC_START,
  unitRollups as tally,
  type SyncWorld,
} from '../../test/fixtures/sync-fixture.ts';

const iso = (ms: number) => new Date(ms).toISOString();

async function categories(w: SyncWorld, device: TestDevice) {
  const rows = await w.database.db
    .selectFrom('ratings')
    .select(['id', 'category'])
    .where('deviceId', '=', device.deviceId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.category]));
}

describe.each(dialects)('repeat flags on %s', (dialect) => {
  let w: SyncWorld;
  let sectorId: string;

  beforeAll(async () => {
    w = await syncWorld(dialect);
    sectorId = w.sectors[0]!.id;
  });
  afterAll(() => w.database.close());

  const send = async (device: TestDevice, items: unknown[]) => {
    const res = await sync(w.tablet(), device, items, 2);
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results.every((r: { status: string }) => r.status !== 'rejected')).toBe(true);
  };
  const r = (device: TestDevice, seq: number, time: number, level = 4) =>
    rating(device, seq, { sectorId, level, deviceTime: iso(time) });

  it('measures from the latest rating, not the last one received', async () => {
    const device = await w.enroll();
    const t = w.clock.now - 3_600_000;
    const [late, early, next] = [r(device, 2, t), r(device, 1, t - 60_000), r(device, 3, t + 3000)];
    await send(device, [late]);
    await send(device, [early]);
    await send(device, [next]);
    const flags = await categories(w, device);
    expect([flags.get(early.id), flags.get(late.id), flags.get(next.id)]).toEqual([
      'counted',
      'counted',
      'repeat',
    ]);
  });

  it('never takes a bad-clock rating for the previous one, within a batch or across batches', async () => {
    const edge = SYNC_START - CLOCK_TOLERANCE_MS; // enrolled at SYNC_START: earlier is a bad clock
    const one = await w.enroll();
    const two = await w.enroll();
    const bad = (d: TestDevice) => r(d, 1, edge - 1000);
    const good = (d: TestDevice) => r(d, 2, edge + 1000);
    const [badOne, goodOne] = [bad(one), good(one)];
    await send(one, [badOne, goodOne]);
    const [badTwo, goodTwo] = [bad(two), good(two)];
    await send(two, [badTwo]);
    await send(two, [goodTwo]);
    const [a, b] = [await categories(w, one), await categories(w, two)];
    expect([a.get(badOne.id), a.get(goodOne.id)]).toEqual(['bad_clock', 'counted']);
    expect([b.get(badTwo.id), b.get(goodTwo.id)]).toEqual(['bad_clock', 'counted']);
  });

  it('turns a stored rating into a repeat when an earlier one arrives late, keeping rollups exact', async () => {
    const device = await w.enroll();
    const t = w.clock.now - 7_200_000;
    const later = rating(device, 2, {
      sectorId,
      level: 1,
      deviceTime: iso(t),
      reasons: ['waiting_time'],
    });
    await send(device, [later]);
    const before = await tally(w);
    const earlier = r(device, 1, t - 2000, 5);
    await send(device, [earlier]);
    const flags = await categories(w, device);
    expect([flags.get(earlier.id), flags.get(later.id)]).toEqual(['counted', 'repeat']);
    const after = await tally(w);
    const month = '2026-11';
    expect(after.figures.get(`${sectorId}|${month}|1|counted`) ?? 0).toBe(
      (before.figures.get(`${sectorId}|${month}|1|counted`) ?? 0) - 1,
    );
    expect(after.reasonFigures.get(`${sectorId}|${month}|waiting_time`) ?? 0).toBe(
      (before.reasonFigures.get(`${sectorId}|${month}|waiting_time`) ?? 0) - 1,
    );
  });

  it('uses the repeat window the tablet is configured with', async () => {
    const device = await w.enroll();
    const auth = { authorization: `Bearer ${device.token}` };
    const config = await (await w.tablet().get('/api/v1/device/config', { headers: auth })).json();
    const window = config.settings.repeatWindowSeconds * 1000;
    const t = w.clock.now - 600_000;
    const items = [r(device, 1, t), r(device, 2, t + window - 1), r(device, 3, t + 2 * window)];
    await send(device, items);
    const flags = await categories(w, device);
    expect(items.map((i) => flags.get(i.id))).toEqual(['counted', 'repeat', 'counted']);
  });
});

describe.each(dialects)('the same records in two batchings on %s', (dialect) => {
  let worlds: SyncWorld[];

  beforeAll(async () => {
    worlds = [await syncWorld(dialect), await syncWorld(dialect)];
  });
  afterAll(async () => {
    for (const w of worlds) await w.database.close();
  });

  it('gives the same flags and the same tally', async () => {
    const random = seededRandom(20261120);
    const sectors = worlds[0]!.sectors.map((s) => s.code);
    const edge = SYNC_START - CLOCK_TOLERANCE_MS;
    // Clusters of presses a few seconds apart, some straddling the bad-clock edge, over two months.
    let time = edge - 20_000;
    const template = Array.from({ length: 160 }, (_, i) => {
      time += random() < 0.5 ? Math.floor(random() * 8000) : Math.floor(random() * 9e8);
      if (i === 80) time = edge - 4000;
      const level = 1 + Math.floor(random() * 5);
      return {
        id: randomUUID(),
        seq: i + 1,
        time: Math.min(time, SYNC_START + 2 * CLOCK_TOLERANCE_MS),
        level,
        sector: sectors[Math.floor(random() * sectors.length)]!,
        reasons: level <= 2 ? ['waiting_time'] : [],
        possibleRepeat: random() < 0.05,
      };
    });
    const results = [];
    for (const [n, w] of worlds.entries()) {
      const device = await w.enroll();
      const byCode = new Map(w.sectors.map((s) => [s.code, s.id]));
      const records = template.map((t) => ({
        ...rating(device, t.seq, { sectorId: byCode.get(t.sector)!, level: t.level }),
        id: t.id,
        deviceTime: iso(t.time),
        reasons: t.reasons,
        possibleRepeat: t.possibleRepeat,
      }));
      // The first in sequence order, seven at a time; the second shuffled, in uneven batches.
      if (n === 0) {
        for (let i = 0; i < records.length; i += 7) {
          const res = await sync(w.tablet(), device, records.slice(i, i + 7), 2);
          expect(res.status).toBe(200);
        }
      } else {
        const shuffled = [...records].sort(() => random() - 0.5);
        while (shuffled.length > 0) {
          const batch = shuffled.splice(0, 1 + Math.floor(random() * 40));
          expect((await sync(w.tablet(), device, batch, 2)).status).toBe(200);
        }
      }
      const flags = await categories(w, device);
      const byId = Object.fromEntries(template.map((t) => [t.id, flags.get(t.id)]));
      const { figures, reasonFigures } = await tally(w);
      const bySectorCode = (m: Map<string, number>) => {
        const names = new Map(w.sectors.map((s) => [s.id, s.code]));
        return new Map(
          [...m].map(([k, v]) => {
            const [sector, ...rest] = k.split('|');
            return [[names.get(sector!), ...rest].join('|'), v];
          }),
        );
      };
      results.push({ byId, figures: bySectorCode(figures), reasons: bySectorCode(reasonFigures) });
    }
    const [first, second] = results;
    const categoriesSeen = new Set(Object.values(first!.byId));
    expect(categoriesSeen).toEqual(new Set(['counted', 'repeat', 'bad_clock']));
    expect(second!.byId).toEqual(first!.byId);
    expect(second!.figures).toEqual(first!.figures);
    expect(second!.reasons).toEqual(first!.reasons);
  });
});
