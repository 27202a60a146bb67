/**
 * One rule for "too few" (issue 23, item 1): below the minimum sample a sector or a unit reads
 * "Chưa đủ phiếu để đánh giá" — never "Chưa đạt" — in the tally, the CSV export's "Kết quả" column
 * (whose total row agrees with its rows) and the public page. Three ratings are not a verdict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeTally } from '@hailong/contracts';
import { dialects } from '../../../../test/support/databases.ts';
import { freshDatabase } from '../../../../test/support/databases.ts';
import { Session, testApp, TestClock } from '../../../../test/support/api-client.ts';
import { enrollDevice, rating, sync } from '../../../../test/support/devices.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { UnitRow } from '../repositories/types.ts';
import { ensureFirstAdmin, seedDemoCatalogue } from '../demo/seed.service.ts';
import { parseCsv, tallyWorld, type TallyWorld } from '../../test/fixtures/tally-fixture.ts';

const TOO_FEW = 'Chưa đủ phiếu để đánh giá';
const PASSWORD = 'quản-trị-ba-phiếu-1';

describe.each(dialects)('the verdict of too few answers on %s', (dialect) => {
  describe('an export of a month with too few answers everywhere', () => {
    let w: TallyWorld;
    beforeAll(async () => {
      w = await tallyWorld(dialect);
    });
    afterAll(() => w?.database.close());

    it('reads "Chưa đủ phiếu để đánh giá" in every row below the minimum sample, total included', async () => {
      const res = await w.staff.get('/api/v1/exports/tally.csv?month=2026-11');
      expect(res.status).toBe(200);
      const rows = parseCsv(await res.text());
      const header = rows.find((r) => r[0] === 'STT')!;
      const col = (name: string) => header.indexOf(name);
      const table = rows.slice(
        rows.indexOf(header) + 1,
        rows.findIndex((r) => r[1] === 'Tổng cộng') + 1,
      );
      // Lý lịch tư pháp: 3 of 4 against 95 %.
      const lltp = table.find((r) => r[1] === 'Lý lịch tư pháp')!;
      expect(lltp[col('Kết quả')]).toBe(TOO_FEW);
      for (const row of table) {
        const answers = Number(row[col('Tổng số phiếu')]);
        const expected = answers === 0 ? '—' : TOO_FEW;
        expect([row[1], row[col('Kết quả')]]).toEqual([row[1], expected]);
      }
      // The total row agrees with its rows: nothing judged, nothing "not met".
      expect(table.filter((r) => r[col('Kết quả')] === 'Chưa đạt')).toEqual([]);
    });
  });

  describe('a unit with three ratings', () => {
    let database: DatabaseHandle;
    let admin: Session;
    let citizen: Session;
    let unit: UnitRow;

    beforeAll(async () => {
      database = await freshDatabase(dialect);
      const clock = new TestClock(Date.UTC(2026, 10, 20, 3));
      await seedDemoCatalogue(database.repos, clock.read);
      await ensureFirstAdmin(database.repos, clock.read, PASSWORD);
      const { app } = testApp(database, clock, { publicStatsTtlMs: 0 });
      admin = new Session(app);
      expect((await admin.login('admin', PASSWORD)).status).toBe(200);
      unit = (await database.repos.catalogue.listUnits()).find((u) => u.code === 'so-tp')!;
      const civil = (await database.repos.catalogue.listSectors()).find(
        (s) => s.unitId === unit.id && s.code === 'ho-tich',
      )!;
      const device = await enrollDevice(admin, unit.id);
      clock.advance(60 * 60_000);
      const items = [5, 5, 1].map((level, i) =>
        rating(device, i + 1, {
          sectorId: civil.id,
          level,
          deviceTime: new Date(clock.now - (3 - i) * 10_000).toISOString(),
        }),
      );
      expect((await sync(new Session(app), device, items)).status).toBe(200);
      citizen = new Session(app);
    });
    afterAll(() => database?.close());

    it('is too few in the tally: 66,7 % is shown, never judged', async () => {
      const res = await admin.get(`/api/v1/tally/node?node=${unit.id}&period=2026-11`);
      expect(res.status).toBe(200);
      const t: NodeTally = await res.json();
      expect(t.totals).toMatchObject({ total: 3, satisfied: 2, tooFew: true, verdict: 'too-few' });
      expect(t.sectors.find((s) => s.sectorCode === 'ho-tich')).toMatchObject({
        total: 3,
        verdict: 'too-few',
      });
    });

    it('reads "Chưa đủ phiếu để đánh giá" on the public page, never "Chưa đạt"', async () => {
      const page = await (await citizen.get(`/public?period=2026-11&node=${unit.id}`)).text();
      const row = /<tr>\s*<th scope="row">Hộ tịch<\/th>[\s\S]*?<\/tr>/.exec(page)?.[0] ?? '';
      expect(row).toContain('>66,7%<');
      expect(row).toContain(TOO_FEW);
      expect(page).not.toContain('Chưa đạt');
    });
  });
});
