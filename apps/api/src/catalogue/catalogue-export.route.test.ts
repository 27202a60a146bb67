import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import {
  catalogueState,
  csvFile,
  importWorld,
  PROVINCE,
  upload,
  XLSX_TYPE,
  type ImportWorld,
} from '../../test/fixtures/catalogue-import-fixture.ts';
import { parseCsv } from '../../test/fixtures/tally-fixture.ts';
import { TABLE_HEADER_ROW } from '../reports/exports/sheet-header.ts';

const HOSTILE = '=HYPERLINK("http://x.invalid","Bấm vào đây")';

async function workbookOf(res: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  return workbook;
}

/** Every row of the sheet as text, from row `from` on. */
function rowsOf(sheet: ExcelJS.Worksheet, from = TABLE_HEADER_ROW + 1): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n < from) return;
    rows.push(Array.from({ length: 8 }, (_, c) => String(row.getCell(c + 1).value ?? '')));
  });
  return rows;
}

describe.each(dialects)('catalogue export and template on %s', (dialect) => {
  let w: ImportWorld;
  /** The province as imported, with a sector named like a formula. */
  const current = PROVINCE.map((r) =>
    r[1] === 'ho-tich' && r[2] === 'tinh/so-tp' ? [r[0]!, r[1], r[2], HOSTILE, ...r.slice(4)] : r,
  );
  beforeEach(async () => {
    w = await importWorld(dialect);
    expect((await upload(w.admin, csvFile(current), { apply: true })).status).toBe(200);
  });
  afterEach(() => w?.database.close());

  it('exports the catalogue as XLSX that imports back as no change, formulas neutralised', async () => {
    const res = await w.admin.get('/api/v1/catalogue/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="danh-muc-2026-11-23.xlsx"',
    );
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    const workbook = await workbookOf(res);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Danh mục');
    expect(rowsOf(sheet, TABLE_HEADER_ROW)[0]).toEqual([
      'Loại',
      'Mã',
      'Thuộc',
      'Tên',
      'Cấp',
      'Thang đo',
      'Thứ tự',
      'Trạng thái',
    ]);
    const rows = rowsOf(sheet);
    expect(rows).toHaveLength(17);
    expect(rows[0]).toEqual([
      'đơn vị',
      'tinh',
      '',
      'UBND tỉnh Mẫu',
      'tỉnh',
      '5 mức',
      '1',
      'đang dùng',
    ]);
    expect(rows.find((r) => r[1] === 'xa-a')).toEqual([
      'đơn vị',
      'xa-a',
      'tinh',
      'UBND xã A',
      'xã, phường',
      '3 mức',
      '4',
      'đang dùng',
    ]);
    expect(rows.some((r) => r[3] === `'${HOSTILE}`)).toBe(true);
    sheet.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
    );

    const before = await catalogueState(w.database);
    const again = await upload(w.admin, bytes, {
      apply: true,
      name: 'danh-muc.xlsx',
      type: XLSX_TYPE,
    });
    expect(again.status).toBe(200);
    expect((await again.json()).steps).toEqual([]);
    expect(await catalogueState(w.database)).toEqual(before);
  });

  it('applies an edited workbook: rename, move, new counter, archive what was removed, with history', async () => {
    const workbook = await workbookOf(await w.admin.get('/api/v1/catalogue/export.xlsx'));
    const sheet = workbook.worksheets[0]!;
    const rows = rowsOf(sheet).filter((r) => !(r[2] === 'tinh/phuong-b' || r[1] === 'phuong-b'));
    const edited = rows.map((r) => {
      if (r[1] === 'xa-a' && r[0] === 'đơn vị')
        return [r[0], r[1], r[2], 'UBND xã An Hoà', ...r.slice(4)];
      if (r[1] === 'so-tp' && r[0] === 'đơn vị') return [r[0], r[1], 'tinh/ttpvhcc', ...r.slice(3)];
      if (r[2] === 'tinh/so-tp') return [r[0]!, r[1]!, 'tinh/ttpvhcc/so-tp', ...r.slice(3)];
      return r;
    });
    edited.push(['quầy', 'quay-3', 'tinh/xa-a', 'Quầy 3', '', '', '', '']);
    const out = new ExcelJS.Workbook();
    const target = out.addWorksheet('Danh mục');
    [rowsOf(sheet, TABLE_HEADER_ROW)[0]!, ...edited].forEach(
      (r, i) => (target.getRow(i + 1).values = r),
    );
    const file = new Uint8Array(await out.xlsx.writeBuffer());

    const dry = await upload(w.admin, file, { name: 'sua.xlsx', type: XLSX_TYPE });
    expect(dry.status).toBe(200);
    const plan = await dry.json();
    expect(plan.counts).toMatchObject({ create: 1, rename: 1, move: 1, archive: 3 });
    expect(plan.steps.find((s: { action: string }) => s.action === 'move')).toMatchObject({
      code: 'so-tp',
      from: 'tinh',
      to: 'tinh/ttpvhcc',
    });
    expect(
      plan.steps
        .filter((s: { action: string }) => s.action === 'archive')
        .map((s: { entity: string; code: string; line: null }) => [s.entity, s.code, s.line]),
    ).toEqual([
      ['sector', 'ho-tich', null],
      ['counter', 'quay-1', null],
      ['unit', 'phuong-b', null],
    ]);

    const applied = await upload(w.admin, file, { apply: true, name: 'sua.xlsx', type: XLSX_TYPE });
    expect(applied.status).toBe(200);
    const state = await catalogueState(w.database);
    const unit = (code: string) => state.units.find((u) => u.code === code)!;
    expect(unit('xa-a').name).toBe('UBND xã An Hoà');
    expect(unit('so-tp').parentId).toBe(unit('ttpvhcc').id);
    expect(unit('phuong-b').archivedAt).not.toBeNull();
    const history = (action: string) =>
      state.history.filter((h) => h.action === action).map((h) => h.name);
    expect(history('rename')).toEqual(['UBND xã An Hoà']);
    expect(history('move')).toEqual(['Sở Tư pháp']);
    expect(history('archive').sort()).toEqual(['Hộ tịch', 'Quầy 1', 'UBND phường B']);

    // What the export now says is what the edited file said; importing it again changes nothing.
    const csv = parseCsv(
      (await (await w.admin.get('/api/v1/catalogue/export.csv')).text()).replace(/^\uFEFF/, ''),
    );
    expect(csv.find((r) => r[1] === 'phuong-b')?.[7]).toBe('lưu trữ');
    expect(csv.find((r) => r[1] === 'quay-3')).toEqual([
      'quầy',
      'quay-3',
      'tinh/xa-a',
      'Quầy 3',
      '',
      '',
      '3',
      'đang dùng',
    ]);
    const reimport = await upload(w.admin, file, {
      apply: true,
      name: 'sua.xlsx',
      type: XLSX_TYPE,
    });
    expect((await reimport.json()).steps).toEqual([]);
    expect((await catalogueState(w.database)).history).toHaveLength(state.history.length);
  });

  it('exports CSV with a BOM whose formula-like names stay text and import back unchanged', async () => {
    const res = await w.admin.get('/api/v1/catalogue/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows.flat().every((field) => !/^[=+\-@\t\r]/.test(field))).toBe(true);
    expect(rows.some((r) => r[3] === `'${HOSTILE}`)).toBe(true);
    const again = await upload(w.admin, bytes);
    expect((await again.json()).steps).toEqual([]);
  });

  it('keeps a scale change planned for next month out of the next import', async () => {
    const rows = current.map((r) =>
      r[1] === 'xa-a' && r[0] === 'đơn vị' ? [...r.slice(0, 5), '5 mức', '', ''] : r,
    );
    const first = await upload(w.admin, csvFile(rows), { apply: true });
    expect((await first.json()).steps).toEqual([
      expect.objectContaining({ action: 'scale', from: 'three', to: 'five' }),
    ]);
    const state = await catalogueState(w.database);
    const xa = state.units.find((u) => u.code === 'xa-a')!;
    expect(xa.scale).toBe('three'); // in force until December
    expect(state.history.find((h) => h.action === 'scale')).toMatchObject({
      entityId: xa.id,
      month: '2026-12',
    });
    expect((await (await upload(w.admin, csvFile(rows), { apply: true })).json()).steps).toEqual(
      [],
    );
  });

  it('serves templates that import as a small province', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const res = await w.admin.get(`/api/v1/catalogue/template.${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="mau-danh-muc.${format}"`,
      );
      const bytes = new Uint8Array(await res.arrayBuffer());
      const type = format === 'xlsx' ? XLSX_TYPE : 'text/csv';
      const res2 = await upload(w.admin, bytes, { name: `mau.${format}`, type });
      expect(res2.status).toBe(200);
      // Its root "tinh" is the province imported above: the example adds a ward with its items.
      const { steps } = await res2.json();
      const created = steps.filter((s: { action: string }) => s.action === 'create');
      expect(created.map((s: { code: string }) => s.code)).toEqual([
        'phuong-an-cuu',
        'ho-tich',
        'chung-thuc',
        'quay-1',
      ]);
      expect(created.every((s: { line: number }) => s.line >= 2)).toBe(true);
    }
    const workbook = await workbookOf(await w.admin.get('/api/v1/catalogue/template.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Danh mục', 'Giá trị', 'Hướng dẫn']);
    expect(workbook.worksheets[0]!.getCell('E2').dataValidation).toMatchObject({ type: 'list' });
  });
});
