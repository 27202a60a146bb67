/**
 * What is built on the node tally: the league table, the reports to download for a node and a
 * period, and the public page's figures — each within the reader's subtree, on both dialects.
 */
import ExcelJS from 'exceljs';
import { HEADING_LAYOUT } from './exports/sheet-header.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { League, PublicStats } from '@hailong/contracts';
import { dialects } from '../../../../test/support/databases.ts';
import { parseCsv } from '../../test/fixtures/tally-fixture.ts';
import { provinceWorld, type ProvinceWorld } from '../../test/fixtures/province-fixture.ts';

describe.each(dialects)('league, node reports and public figures on %s', (dialect) => {
  let w: ProvinceWorld;
  beforeAll(async () => {
    w = await provinceWorld(dialect);
  });
  afterAll(() => w?.database.close());

  const league = async (query: string, session = w.admin): Promise<League> => {
    const res = await session.get(`/api/v1/league?${query}`);
    expect(res.status, query).toBe(200);
    return res.json();
  };

  describe('league table', () => {
    it('lists units with too few answers apart, unranked', async () => {
      const t = await league('period=2026-Q1&kind=commune');
      expect(t).toMatchObject({ kind: 'commune', parent: null, minSample: 30, ranked: [] });
      expect(t.tooFew.map((r) => [r.unitId, r.total, r.parentName])).toEqual([
        ['xa-a', 24, 'Tỉnh Hải Long'],
        ['xa-b', 12, 'Tỉnh Hải Long'],
      ]);
    });

    it('ranks by rate and flags overlapping intervals', async () => {
      const t = await league('period=2026-Q1&kind=commune&minSample=10');
      expect(
        t.ranked.map((r) => [r.unitName, r.rank, r.satisfied, r.total, r.overlapsAbove]),
      ).toEqual([
        ['UBND phường Bắc Sơn', 1, 12, 12, false],
        // 19 of 24 is not significantly below 12 of 12.
        ['UBND xã An Bình', 2, 19, 24, true],
      ]);
      // No overall target up the tree: ranked, but not judged.
      expect(t.ranked[0]).toMatchObject({ targetBp: null, targetSource: 'none', verdict: null });
      expect(t.tooFew).toEqual([]);
    });

    it('ranks the units beneath a node', async () => {
      const t = await league('period=2026-Q1&parent=tinh&minSample=10');
      expect(t.parent).toEqual({ id: 'tinh', name: 'Tỉnh Hải Long' });
      expect(t.ranked.map((r) => [r.unitId, r.rank])).toEqual([
        ['xa-b', 1],
        ['tt', 2],
        ['so-tp', 3],
        ['xa-a', 4],
      ]);
      // A year in which Bắc Sơn answered again: still first.
      expect((await league('period=2026&parent=tinh&minSample=10')).ranked[0]).toMatchObject({
        unitId: 'xa-b',
        total: 22,
      });
    });

    it('shows a supervisor only the units of their subtree', async () => {
      const own = await league('period=2026-Q1&kind=commune', w.supervisorA);
      expect([...own.ranked, ...own.tooFew].map((r) => r.unitId)).toEqual(['xa-a']);
      expect((await w.supervisorA.get('/api/v1/league?period=2026-Q1&parent=tinh')).status).toBe(
        404,
      );
    });

    it('refuses bad questions', async () => {
      for (const query of [
        'period=2026-Q1',
        'period=2026-Q1&kind=commune&parent=tinh',
        'kind=commune',
        'period=2026-Q7&kind=commune',
        'period=2026&kind=xã',
      ]) {
        const res = await w.admin.get(`/api/v1/league?${query}`);
        expect(res.status, query).toBe(422);
        expect((await res.json()).error.code).toBe('validation_failed');
      }
      expect((await w.anonymous.get('/api/v1/league?period=2026&kind=commune')).status).toBe(401);
    });
  });

  describe('reports of a node and a period', () => {
    it('writes a quarter of the province as CSV, named as Vietnamese reports name it', async () => {
      const res = await w.viewer.get('/api/v1/exports/tally.csv?node=tinh&period=2026-Q1');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(
        'attachment; filename="tong-hop-hai-long-2026-q1-tinh.csv"',
      );
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
      expect(rows[0]).toEqual(['Tổng hợp kết quả đánh giá mức độ hài lòng quý I/2026']);
      expect(rows[1]).toEqual(['Đơn vị: Tỉnh Hải Long']);
      const header = rows.find((r) => r[1] === 'Lĩnh vực')!;
      const col = (name: string) => header.indexOf(name);
      // Units of both scales: no per-level columns.
      expect(header.slice(0, 4)).toEqual(['STT', 'Lĩnh vực', 'Tổng số phiếu', 'Số phiếu hài lòng']);
      const row = (name: string) => rows.find((r) => r[1] === name)!;
      expect(row('Hộ tịch').slice(2, 8)).toEqual([
        '60',
        '50',
        '83,3%',
        '92%',
        'Chỉ tiêu của lĩnh vực',
        'Chưa đạt',
      ]);
      expect(row('Chứng thực')[col('Nguồn chỉ tiêu')]).toBe(
        'Chưa đặt chỉ tiêu, tạm so với mức sàn 90%',
      );
      // Đăng ký kinh doanh sits at its 95 % target, inside its interval: not counted as met.
      expect(row('Tổng cộng')[col('Ghi chú')]).toContain('0/2 lĩnh vực đạt chỉ tiêu');
      expect(row('Tổng cộng')[col('Nguồn chỉ tiêu')]).toBe('Chưa đặt chỉ tiêu chung');
      expect(row('Tổng cộng')[col('Kết quả')]).toBe('Chưa đặt chỉ tiêu chung');
      // The units beneath, each with its subtree's figures.
      expect(row('UBND xã An Bình').slice(2, 4)).toEqual(['24', '19']);
      expect(row('Trung tâm Phục vụ hành chính công').slice(2, 4)).toEqual(['43', '41']);
    });

    it('writes a unit with counters as a workbook with a sheet for its counters', async () => {
      const res = await w.centreStaff.get('/api/v1/exports/tally.xlsx?period=2026');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(
        'attachment; filename="tong-hop-hai-long-2026-tt.xlsx"',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        'Theo lĩnh vực',
        'Theo quầy',
        'Góp ý của người dân',
      ]);
      const sectors = workbook.getWorksheet('Theo lĩnh vực')!;
      expect(sectors.getCell(HEADING_LAYOUT.title, 1).value).toBe(
        'Tổng hợp kết quả đánh giá mức độ hài lòng năm 2026',
      );
      const counters = workbook.getWorksheet('Theo quầy')!;
      const values: unknown[][] = [];
      counters.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
      const quay1 = values.find((v) => v[1] === 'Quầy 1')!;
      expect(quay1.slice(2, 4)).toEqual([40, 38]);
    });

    it('keeps reports within the reader’s subtree', async () => {
      for (const path of [
        '/api/v1/exports/tally.csv?node=xa-b&period=2026-Q1',
        '/api/v1/exports/tally.xlsx?node=tinh&period=2026',
        '/api/v1/exports/tally.csv?month=2026-03&unitId=xa-b',
      ]) {
        expect((await w.supervisorA.get(path)).status, path).toBe(404);
      }
      const own = await w.supervisorA.get('/api/v1/exports/tally.csv?period=2026-03');
      expect(own.status).toBe(200);
      expect(await own.text()).toContain('Đơn vị: UBND xã An Bình');
      for (const query of ['node=tinh', 'period=2026-Q1&month=2026-01', 'period=Q1-2026']) {
        expect((await w.admin.get(`/api/v1/exports/tally.csv?${query}`)).status, query).toBe(422);
      }
    });
  });

  describe('public figures', () => {
    const stats = async (query: string): Promise<PublicStats> => {
      const res = await w.anonymous.get(`/api/v1/public/stats?${query}`);
      expect(res.status, query).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      return res.json();
    };

    it('shows the province for a quarter, its sectors and each unit beneath, without a session', async () => {
      const s = await stats('period=2026-Q1');
      expect(s.period).toMatchObject({ id: '2026-Q1', label: 'quý I/2026' });
      expect(s.previousPeriod).toMatchObject({ id: '2025-Q4' });
      expect(s.node).toEqual({ id: 'tinh', name: 'Tỉnh Hải Long', kind: 'province' });
      const [province, ...units] = s.units;
      expect(province).toMatchObject({
        unitId: 'tinh',
        hasChildren: true,
        target: null,
        targetSource: 'none',
        current: { total: 106, satisfied: 94, met: null, tooFew: false, verdict: null },
        previous: { total: 0, rate: null },
      });
      expect(province!.sectors.find((x) => x.sectorCode === 'ho-tich')).toMatchObject({
        sectorName: 'Hộ tịch',
        current: { total: 60, satisfied: 50 },
      });
      expect(units.map((u) => [u.unitId, u.current.total, u.sectors.length])).toEqual([
        ['tt', 43, 0],
        ['so-tp', 27, 0],
        ['xa-a', 24, 0],
        ['xa-b', 12, 0],
      ]);
    });

    it('shows any node, compares with the period before, and never shows citizens’ words', async () => {
      const s = await stats('node=xa-b&period=2026-04');
      expect(s.units).toHaveLength(1);
      expect(s.units[0]).toMatchObject({
        unitName: 'UBND phường Bắc Sơn',
        current: { total: 10, rate: 1 },
        previous: { total: 12, rate: 1 },
      });
      const raw = await (await w.anonymous.get('/api/v1/public/stats?period=2026')).text();
      expect(raw).not.toMatch(/waiting_time|reason|comment|contact/);
      expect((await w.anonymous.get('/api/v1/public/stats?node=nope')).status).toBe(404);
      for (const query of ['period=2026-Q0', 'period=2026&month=2026-01']) {
        expect((await w.anonymous.get(`/api/v1/public/stats?${query}`)).status, query).toBe(422);
      }
    });
  });
});
