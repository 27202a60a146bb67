/**
 * Spreadsheets an office files (issue 24, item 2): every workbook we export opens with the one
 * header of sheet-header.ts (agency, issuer, Quốc hiệu and Tiêu ngữ, title, period in words,
 * "Ngày lập: dd/mm/yyyy") and ends its table with the signature block; every date in every file,
 * CSV too, is dd/mm/yyyy, never "7/12/26".
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../../test/support/databases.ts';
import type { Session } from '../../../../../test/support/api-client.ts';
import { tallyWorld, type TallyWorld } from '../../../test/fixtures/tally-fixture.ts';
import {
  HEADING_LAYOUT,
  QUOC_HIEU,
  SIGNATURE,
  SIGNATURE_FOOTER,
  TABLE_HEADER_ROW,
  TIEU_NGU,
} from './sheet-header.ts';

const AGENCY = 'UBND tỉnh Thừa Thiên Huế';
/** The fixture's clock when the files are made: 20/11/2026 in Việt Nam. */
const TODAY = '20/11/2026';
const SHORT_YEAR = /\b\d{1,2}\/\d{1,2}\/\d{2}\b/;
const ANY_DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g;

const XLSX = {
  month: '/api/v1/exports/tally.xlsx?month=2026-11',
  node: '/api/v1/exports/tally.xlsx?period=2026-Q4',
  assessment: '/api/v1/exports/assessment.xlsx?period=2026-Q4&by=unit',
  catalogue: '/api/v1/catalogue/export.xlsx',
} as const;
const CSV = [
  '/api/v1/exports/tally.csv?month=2026-11',
  '/api/v1/exports/tally.csv?period=2026-Q4',
  '/api/v1/exports/comments.csv?period=2026-Q4',
  '/api/v1/catalogue/export.csv',
  '/api/v1/dossiers/template.csv',
];

async function workbook(session: Session, path: string) {
  const res = await session.get(path);
  expect(res.status, path).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book;
}

const textOf = (sheet: ExcelJS.Worksheet, row: number, column = 1) =>
  String(sheet.getCell(row, column).value ?? '');

/** The first column of the right-hand block of the header (where the Quốc hiệu starts). */
function rightBlock(sheet: ExcelJS.Worksheet): number {
  for (let c = 2; c <= sheet.columnCount; c++) {
    if (sheet.getCell(HEADING_LAYOUT.agency, c).value === QUOC_HIEU) return c;
  }
  throw new Error(`no Quốc hiệu on ${sheet.name}`);
}

/** Every cell's text of every sheet, as a spreadsheet shows it. */
function cellTexts(book: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => out.push(c.text))));
  return out;
}

function checkHeader(sheet: ExcelJS.Worksheet, lines: { first: string; second: string }) {
  const right = rightBlock(sheet);
  expect(textOf(sheet, HEADING_LAYOUT.agency), sheet.name).toBe(lines.first);
  expect(textOf(sheet, HEADING_LAYOUT.issuer), sheet.name).toBe(lines.second);
  expect(textOf(sheet, HEADING_LAYOUT.issuer, right)).toBe(TIEU_NGU);
  expect(textOf(sheet, HEADING_LAYOUT.title)).not.toBe('');
  expect(textOf(sheet, HEADING_LAYOUT.createdOn)).toBe(`Ngày lập: ${TODAY}`);
}

/** The signature block under the table: the two titles on one row, the hints under them. */
function checkSignature(sheet: ExcelJS.Worksheet) {
  const right = rightBlock(sheet);
  let found = 0;
  sheet.eachRow((row, n) => {
    if (row.getCell(1).value !== SIGNATURE.left) return;
    found = n;
    expect(row.getCell(right).value).toBe(SIGNATURE.right);
    expect(sheet.getCell(n + 1, 1).value).toBe(SIGNATURE.hint);
    expect(sheet.getCell(n + 1, right).value).toBe(SIGNATURE.hint);
  });
  expect(found, sheet.name).toBeGreaterThan(TABLE_HEADER_ROW);
  // Nothing of the table under it.
  expect(sheet.rowCount).toBeLessThanOrEqual(found + 1);
}

describe.each(dialects)('the official layout of every export on %s', (dialect) => {
  let w: TallyWorld;
  beforeAll(async () => {
    w = await tallyWorld(dialect);
    const named = await w.admin.send('PUT', '/api/v1/settings/agency', {
      body: { name: AGENCY, shortName: '' },
    });
    expect(named.status).toBe(200);
  });
  afterAll(() => w?.database.close());

  it('heads the monthly workbook with the agency and the staff member’s unit, and signs it', async () => {
    const book = await workbook(w.staff, XLSX.month);
    for (const sheet of book.worksheets) {
      checkHeader(sheet, { first: AGENCY.toUpperCase(), second: 'SỞ TƯ PHÁP' });
      expect(textOf(sheet, HEADING_LAYOUT.period)).toBe(
        'Kỳ báo cáo: Tháng 11 năm 2026 (từ ngày 01/11/2026 đến ngày 30/11/2026)',
      );
      checkSignature(sheet);
    }
  });

  it('heads a node’s workbook issued by the agency itself on every sheet, comments included', async () => {
    const book = await workbook(w.admin, XLSX.node);
    expect(book.worksheets.length).toBeGreaterThan(1);
    for (const sheet of book.worksheets) {
      checkHeader(sheet, { first: AGENCY.toUpperCase(), second: '' });
      expect(textOf(sheet, HEADING_LAYOUT.title)).toBe(
        'Tổng hợp kết quả đánh giá mức độ hài lòng quý IV/2026',
      );
      expect(textOf(sheet, HEADING_LAYOUT.period)).toBe(
        'Kỳ báo cáo: Quý IV năm 2026 (từ ngày 01/10/2026 đến ngày 31/12/2026)',
      );
      checkSignature(sheet);
    }
  });

  it('heads and signs the TT 01 workbook, with one order column', async () => {
    const sheet = (await workbook(w.admin, XLSX.assessment)).worksheets[0]!;
    checkHeader(sheet, { first: AGENCY.toUpperCase(), second: '' });
    expect(textOf(sheet, HEADING_LAYOUT.subject)).toContain('Thông tư 01/2018/TT-VPCP');
    const header = (sheet.getRow(TABLE_HEADER_ROW).values as unknown[]).slice(1);
    expect(header[0]).toBe('Hạng');
    expect(header).not.toContain('STT');
    expect(new Set(header).size).toBe(header.length);
    checkSignature(sheet);
  });

  it('heads the catalogue above its table and signs it in the printed footer', async () => {
    const sheet = (await workbook(w.admin, XLSX.catalogue)).getWorksheet('Danh mục')!;
    checkHeader(sheet, { first: AGENCY.toUpperCase(), second: '' });
    expect(textOf(sheet, TABLE_HEADER_ROW)).toBe('Loại');
    expect(sheet.headerFooter.oddFooter).toBe(SIGNATURE_FOOTER);
    expect(SIGNATURE_FOOTER).toContain(SIGNATURE.left);
    expect(SIGNATURE_FOOTER).toContain(SIGNATURE.right);
  });

  it('never writes a date any other way than dd/mm/yyyy, in any workbook or CSV', async () => {
    const texts: string[] = [];
    for (const path of Object.values(XLSX)) texts.push(...cellTexts(await workbook(w.admin, path)));
    for (const path of CSV) {
      const res = await w.admin.get(path);
      expect(res.status, path).toBe(200);
      texts.push(await res.text());
    }
    const dates = texts.flatMap((t) => t.match(ANY_DATE) ?? []);
    expect(dates).toContain(TODAY);
    expect(texts.filter((t) => SHORT_YEAR.test(t))).toEqual([]);
    for (const date of dates) expect(date).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });
});
