import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CATALOGUE } from '../demo/demo-catalogue.ts';
import { HEADING_LAYOUT, TABLE_HEADER_ROW } from './exports/sheet-header.ts';
import { dialects } from '../../../../test/support/databases.ts';
import {
  HOSTILE_SECTOR,
  parseCsv,
  tallyWorld,
  type TallyWorld,
} from '../../test/fixtures/tally-fixture.ts';

const TITLE = 'Tổng hợp kết quả đánh giá mức độ hài lòng tháng 11/2026';

async function readXlsx(body: ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body);
  return workbook;
}

/** Every cell of a sheet, for checks that nothing in it is a formula. */
function cells(sheet: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => out.push(cell)));
  return out;
}

describe.each(dialects)('monthly exports on %s', (dialect) => {
  let w: TallyWorld;
  beforeAll(async () => {
    w = await tallyWorld(dialect);
  });
  afterAll(() => w?.database.close());

  it('writes one unit as CSV with a BOM, Vietnamese headers and every count', async () => {
    const res = await w.staff.get('/api/v1/exports/tally.csv?month=2026-11');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="tong-hop-hai-long-2026-11-so-tp.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8').decode(bytes));
    expect(rows[0]).toEqual([TITLE]);
    expect(rows[1]).toEqual(['Đơn vị: Sở Tư pháp']);
    const header = rows.find((r) => r[0] === 'STT')!;
    expect(header.slice(0, 13)).toEqual([
      'STT',
      'Lĩnh vực',
      'Rất không hài lòng',
      'Không hài lòng',
      'Bình thường',
      'Hài lòng',
      'Rất hài lòng',
      'Tổng số phiếu',
      'Số phiếu hài lòng',
      'Tỷ lệ hài lòng',
      'Chỉ tiêu',
      'Nguồn chỉ tiêu',
      'Kết quả',
    ]);
    const col = (name: string) => header.indexOf(name);
    const row = (name: string) => rows.find((r) => r[1] === name)!;
    // Counts per level, answers, satisfied, rate, target and verdict.
    const figures = (r: string[]) => [...r.slice(2, 11), r[col('Kết quả')]];
    expect(figures(row('Hộ tịch'))).toEqual([
      '0',
      '1',
      '1',
      '6',
      '13',
      '21',
      '19',
      '90,5%',
      '90%',
      'Chưa đủ phiếu để đánh giá',
    ]);
    expect(row('Hộ tịch')[col('Ghi chú')]).toContain('Dưới 30 phiếu');
    expect(figures(row('Lý lịch tư pháp')).slice(5)).toEqual([
      '4',
      '3',
      '75%',
      '95%',
      'Chưa đủ phiếu để đánh giá',
    ]);
    expect(row('Lý lịch tư pháp')[col('Ghi chú')]).toContain('Cần thêm 16 phiếu hài lòng');
    expect(row('Quốc tịch')[col('Phiếu bấm lặp (không tính)')]).toBe('1');
    expect(row('Công chứng')[col('Phiếu sai giờ thiết bị (không tính)')]).toBe('1');
    expect(figures(row('Tổng cộng'))).toEqual([
      '1',
      '1',
      '1',
      '7',
      '16',
      '26',
      '23',
      '88,5%',
      // The unit's overall target, inherited from the province (never its strictest sector's).
      '91%',
      'Chưa đủ phiếu để đánh giá',
    ]);
    // The hostile sector name is text, not a formula.
    expect(rows.some((r) => r[1] === HOSTILE_SECTOR)).toBe(false);
    expect(row(`'${HOSTILE_SECTOR}`)[col('Tổng số phiếu')]).toBe('1');
    expect(rows.flat().every((field) => !/^[=+\-@\t\r]/.test(field))).toBe(true);
    expect(rows.find((r) => r[0] === 'Phải chờ lâu')).toEqual(['Phải chờ lâu', '1']);
  });

  it('writes the workbook with numbers as numbers, percentages formatted, unmet rows marked', async () => {
    const res = await w.admin.get(`/api/v1/exports/tally.xlsx?month=2026-11&unitId=${w.unit.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toContain(
      'tong-hop-hai-long-2026-11-so-tp.xlsx',
    );
    const workbook = await readXlsx(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Sở Tư pháp']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(HEADING_LAYOUT.title, 1).value).toBe(TITLE);
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
    });
    const header = sheet.getRow(TABLE_HEADER_ROW).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    const rowOf = (name: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(2).value === name) found = row;
      });
      return found!;
    };
    const hoTich = rowOf('Hộ tịch');
    expect([3, 4, 5, 6, 7, 8, 9].map((c) => hoTich.getCell(c).value)).toEqual([
      0, 1, 1, 6, 13, 21, 19,
    ]);
    const rate = hoTich.getCell(col('Tỷ lệ hài lòng'));
    expect(rate.value).toBeCloseTo(19 / 21, 12);
    expect(rate.numFmt).toBe('0.0%');
    expect(hoTich.getCell(col('Chỉ tiêu')).value).toBe(0.9);
    expect(hoTich.getCell(col('Kết quả')).value).toBe('Chưa đủ phiếu để đánh giá');
    const lltp = rowOf('Lý lịch tư pháp');
    expect(lltp.getCell(col('Kết quả')).value).toBe('Chưa đủ phiếu để đánh giá');
    // Four answers: below the minimum sample, shown but not judged, so not marked as unmet.
    expect(
      (lltp.getCell(2).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb,
    ).toBeUndefined();
    expect(lltp.getCell(col('Khoảng tin cậy 95% (cận dưới)')).value).toBeCloseTo(0.3006, 4);
    const totals = rowOf('Tổng cộng');
    expect(totals.getCell(col('Tổng số phiếu')).value).toBe(26);
    expect(totals.getCell(col('Số phiếu hài lòng')).value).toBe(23);
    expect(rowOf(`'${HOSTILE_SECTOR}`).getCell(col('Tổng số phiếu')).value).toBe(1);
    expect(cells(sheet).every((c) => c.type !== ExcelJS.ValueType.Formula)).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
  });

  it('writes every unit with a summary sheet when no unit is chosen', async () => {
    const res = await w.viewer.get('/api/v1/exports/tally.xlsx?month=2026-11');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      'tong-hop-hai-long-2026-11-tat-ca.xlsx',
    );
    const workbook = await readXlsx(await res.arrayBuffer());
    expect(workbook.worksheets).toHaveLength(DEMO_CATALOGUE.length + 1);
    const summary = workbook.worksheets[0]!;
    expect(summary.name).toBe('Tổng hợp');
    let overall: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (row.getCell(2).value === 'Toàn bộ đơn vị') overall = row;
    });
    expect([3, 4].map((c) => overall!.getCell(c).value)).toEqual([36, 31]);

    const csv = await w.viewer.get('/api/v1/exports/tally.csv?month=2026-11');
    const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
    expect(rows.find((r) => r[1] === 'Toàn bộ đơn vị')!.slice(2, 4)).toEqual(['36', '31']);
    expect(rows.filter((r) => r[0] === 'STT')).toHaveLength(DEMO_CATALOGUE.length + 1);
  });

  it('refuses a malformed month and an unknown unit', async () => {
    expect((await w.admin.get('/api/v1/exports/tally.csv?month=2026-1')).status).toBe(422);
    expect((await w.admin.get('/api/v1/exports/tally.xlsx')).status).toBe(422);
    expect((await w.admin.get('/api/v1/exports/tally.csv?month=2026-11&unitId=x')).status).toBe(
      404,
    );
  });
});
