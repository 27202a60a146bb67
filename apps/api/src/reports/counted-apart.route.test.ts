/**
 * What every report keeps out of the official rate, on both dialects (issue 22 items 3 to 5): the
 * rate counts `counted` ratings only; phone ratings not tied to a dossier are shown apart with a
 * rate of their own ("Phiếu qua điện thoại chưa gắn hồ sơ"), ratings that arrived after the month
 * was closed on a line of their own ("Phiếu đến sau khi chốt số liệu"), each in the excluded
 * breakdown — in the node's tally, each unit's, the channel split and both exports alike.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeTally, UnitsTally } from '@hailong/contracts';
import { dialects } from '../../../../test/support/databases.ts';
import { Session } from '../../../../test/support/api-client.ts';
import { parseCsv, tallyWorld, type TallyWorld } from '../../test/fixtures/tally-fixture.ts';

describe.each(dialects)('ratings kept out of the official rate on %s', (dialect) => {
  let w: TallyWorld;
  beforeAll(async () => {
    w = await tallyWorld(dialect);
    // Three anonymous phone ratings of November: two satisfied, one not.
    const citizen = new Session(w.app);
    const sectorId = w.sector(w.unit, 'Hộ tịch').id;
    for (const level of [5, 4, 1]) {
      const res = await citizen.post(`/api/v1/phone/units/${w.unit.id}/ratings`, {
        id: randomUUID(),
        sectorId,
        level,
      });
      expect(res.status).toBeLessThan(300);
    }
  });
  afterAll(() => w?.database.close());

  const read = async <T>(path: string): Promise<T> => {
    const res = await w.admin.get(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it('keeps the phone ratings apart with their own rate, beside the official one', async () => {
    const node = await read<NodeTally>(`/api/v1/tally/node?node=${w.unit.id}&period=2026-11`);
    // The tablets' 26 answers, 23 satisfied (tally-fixture.ts), as before the phone ratings.
    expect(node.totals).toMatchObject({
      total: 26,
      satisfied: 23,
      unverified: 3,
      unverifiedSatisfied: 2,
      unverifiedRate: 2 / 3,
      late: 0,
    });
    const hoTich = node.sectors.find((s) => s.sectorName === 'Hộ tịch')!;
    expect(hoTich).toMatchObject({ total: 21, unverified: 3 });
    const units = await read<UnitsTally>(`/api/v1/tally/units?month=2026-11&unit=${w.unit.id}`);
    expect(units.units[0]!.totals).toMatchObject({ total: 26, unverified: 3 });
    const split = await read<{
      channels: { channel: string; total: number; unverified: number; excluded: number }[];
      total: number;
    }>(`/api/v1/tally/channels?node=${w.unit.id}&period=2026-11`);
    const phone = split.channels.find((c) => c.channel === 'phone')!;
    expect(phone).toMatchObject({ total: 0, unverified: 3, unverifiedRate: 2 / 3, excluded: 3 });
    expect(split.total).toBe(node.totals.total);
    // The public page publishes the official rate alone.
    const stats = await read<{ units: { unitId: string; current: { total: number } }[] }>(
      `/api/v1/public/stats?period=2026-11&node=${w.unit.id}`,
    );
    expect(stats.units.find((u) => u.unitId === w.unit.id)!.current.total).toBe(26);
  });

  it('shows a late line for ratings that arrived after the month was closed', async () => {
    // The tablets' October rating came on 20 November, after October closed on the 10th.
    const node = await read<NodeTally>(`/api/v1/tally/node?node=${w.unit.id}&period=2026-10`);
    expect(node.totals).toMatchObject({ total: 0, late: 1 });
    const trend = await read<{ points: { month: string; total: number; late: number }[] }>(
      `/api/v1/tally/node/trend?node=${w.unit.id}&from=2026-10&to=2026-11`,
    );
    expect(trend.points.map((p) => [p.month, p.total, p.late])).toEqual([
      ['2026-10', 0, 1],
      ['2026-11', 26, 0],
    ]);
  });

  it('writes both lines in the exports, as CSV and as a workbook', async () => {
    for (const query of [`node=${w.unit.id}&period=2026-Q4`, `month=2026-11&unitId=${w.unit.id}`]) {
      const csv = await w.admin.get(`/api/v1/exports/tally.csv?${query}`);
      expect(csv.status).toBe(200);
      const rows = parseCsv(await csv.text());
      const line = (label: string) => rows.find((r) => r[0] === label);
      expect(line('Phiếu qua điện thoại chưa gắn hồ sơ')?.slice(0, 4), query).toEqual([
        'Phiếu qua điện thoại chưa gắn hồ sơ',
        '3',
        'Tỷ lệ hài lòng riêng',
        '66,7%',
      ]);
      const late = query.startsWith('node') ? '1' : '0';
      expect(line('Phiếu đến sau khi chốt số liệu')?.slice(0, 2), query).toEqual([
        'Phiếu đến sau khi chốt số liệu',
        late,
      ]);
      const hoTich = rows.find((r) => r[1] === 'Hộ tịch')!;
      expect(hoTich.at(-1)).toContain('3 phiếu qua điện thoại chưa gắn hồ sơ, không tính');
    }
    const xlsx = await w.admin.get(`/api/v1/exports/tally.xlsx?node=${w.unit.id}&period=2026-Q4`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const texts: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts).toContain('Phiếu qua điện thoại chưa gắn hồ sơ');
    expect(texts).toContain('Phiếu đến sau khi chốt số liệu');
  });
});
