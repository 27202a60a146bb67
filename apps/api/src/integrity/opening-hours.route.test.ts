/**
 * A unit's opening hours (issue 25 item 5), on both dialects: the "outside opening hours" signal
 * says when it applied defaults nobody chose; the unit's supervisor (or an admin) sets the hours,
 * audited; another unit's supervisor cannot; hours out of order are refused and change nothing;
 * the signal then judges by the hours set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import {
  integrityRating,
  integrityWorld as world,
  storeRatings,
} from '../../test/fixtures/integrity-fixture.ts';

const DAY = '2026-11-23';
const at = (h: number, m: number) =>
  Date.parse(`${DAY}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+07:00`);
const hm = (h: number, m = 0) => h * 60 + m;

describe.each(dialects)('opening hours on %s', (dialect) => {
  let w: Awaited<ReturnType<typeof world>>;
  const path = '/api/v1/units/xa-a/opening-hours';
  const outsideSignals = async () => {
    const res = await w.supA.get(
      `/api/v1/integrity/signals?nodeId=xa-a&from=${DAY}&to=${DAY}&limit=200`,
    );
    expect(res.status).toBe(200);
    return ((await res.json()).signals as { kind: string; explanation: string }[]).filter(
      (s) => s.kind === 'outside_hours',
    );
  };

  beforeAll(async () => {
    w = await world(dialect);
    const sectorId = (await w.database.repos.catalogue.listSectors('xa-a'))[0]!.id;
    const rating = (id: string, at: number) => integrityRating(id, sectorId, at);
    // 7:00, before the default opening at 7:30; 10:00, inside every hours here.
    await storeRatings(w.database.repos, [rating('sớm', at(7, 0)), rating('giữa', at(10, 0))]);
  }, 120_000);
  afterAll(() => w?.database.close());

  it('reads the defaults as chosen by nobody, and the signal says so', async () => {
    const res = await w.supA.get(path);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      chosen: false,
      updatedAt: null,
      hours: {
        weekdays: [
          { from: hm(7, 30), to: hm(11, 30) },
          { from: hm(13, 30), to: hm(17) },
        ],
      },
    });
    const [signal] = await outsideSignals();
    expect(signal!.explanation).toContain('mặc định (đơn vị chưa đặt giờ làm việc)');
  });

  it('refuses hours out of order or overlapping, and changes nothing', async () => {
    for (const weekdays of [
      [{ from: hm(11), to: hm(7) }],
      [
        { from: hm(7), to: hm(12) },
        { from: hm(11), to: hm(17) },
      ],
      [{ from: hm(7), to: 2000 }],
    ]) {
      const res = await w.supA.send('PUT', path, { body: { weekdays, saturday: [] } });
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBe('validation_failed');
    }
    expect((await (await w.supA.get(path)).json()).chosen).toBe(false);
  });

  it("refuses another unit's supervisor and the unit's clerk", async () => {
    const body = { weekdays: [{ from: hm(6), to: hm(17) }], saturday: [] };
    expect((await w.supB.send('PUT', path, { body })).status).toBe(404);
    expect((await w.staffA.send('PUT', path, { body })).status).toBe(403);
    expect((await (await w.admin.get(path)).json()).chosen).toBe(false);
  });

  it("lets the unit's supervisor set them, audited, and the signal judges by them", async () => {
    const hours = {
      weekdays: [
        { from: hm(7), to: hm(11, 30) },
        { from: hm(13, 30), to: hm(17) },
      ],
      saturday: [{ from: hm(7, 30), to: hm(11, 30) }],
    };
    const res = await w.supA.send('PUT', path, { body: hours });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ chosen: true, hours });
    const audit = await w.database.repos.audit.list({ entityId: 'xa-a', limit: 10 });
    expect(audit.find((a) => a.action === 'unit.opening_hours')).toMatchObject({
      actorId: w.supA.userId,
      details: { before: null, after: hours },
    });
    expect(await outsideSignals()).toEqual([]);
  });
});
