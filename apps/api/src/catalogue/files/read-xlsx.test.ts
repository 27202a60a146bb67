/**
 * The streaming workbook reader reads what ExcelJS read (strings, numbers, dates, booleans, cached
 * formula results, rich text, merged ranges, several sheets), from ExcelJS's files and from
 * SpreadsheetML written by hand as other writers write it (prefixed names, inline strings, phonetic
 * runs, zip64 sizes aside).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SheetLine } from '@hailong/domain';
import { readXlsx } from './read-xlsx.ts';
import { part, SHEET_HEAD, SHEET_TAIL, workbookParts, zipOf } from './zip-fixture.ts';

/** What the reader before this one (ExcelJS, whole workbook in memory) made of a sheet. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  }
  if ('text' in value) return String(value.text);
  return '';
}

async function byExcelJs(bytes: Uint8Array): Promise<SheetLine[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const lines: SheetLine[] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value);
      });
      lines.push({ line: row.number, cells: Array.from(cells, (c) => c ?? '') });
    });
    return lines;
  });
}

/** Lines without their trailing empty cells (ExcelJS kept those of styled, empty cells). */
const trimmed = (lines: SheetLine[]) =>
  lines
    .map((l) => {
      const cells = [...l.cells];
      while (cells.at(-1) === '') cells.pop();
      return { line: l.line, cells };
    })
    .filter((l) => l.cells.length > 0);

const anySheet = () => false;
const sheetNamed = (marker: string) => (lines: readonly SheetLine[]) =>
  lines.some((l) => l.cells.includes(marker));

describe('the streaming XLSX reader', () => {
  it('reads an ExcelJS workbook as ExcelJS did, value type by value type', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh mục');
    sheet.getRow(1).values = ['Mã hồ sơ', 'Ngày tiếp nhận', 'Số', 'Trực tuyến', 'Ghi chú'];
    sheet.getRow(2).values = [
      'HS-001',
      new Date(Date.UTC(2026, 10, 5)),
      42,
      true,
      { richText: [{ text: 'Ủy ban ' }, { font: { bold: true }, text: 'nhân dân' }] },
    ];
    sheet.getRow(3).values = [
      { formula: 'A2&"-b"', result: 'HS-001-b' },
      { formula: 'B2+1', result: new Date(Date.UTC(2026, 10, 6)) },
      { formula: 'C2*2', result: 84 },
      false,
      '  khoảng trắng  ',
    ];
    sheet.getCell('B2').numFmt = 'dd/mm/yyyy';
    sheet.getCell('B3').numFmt = 'dd/mm/yyyy';
    sheet.getRow(5).values = [0.1, 1234567.891, -3, 1e21, 'dòng 5'];
    sheet.getCell('C5').numFmt = '#,##0 "đồng"';
    sheet.getCell('A8').value = 'Gộp dọc';
    sheet.mergeCells('A8:A10');
    sheet.getCell('B12').value = 'Gộp ngang';
    sheet.mergeCells('B12:D12');
    sheet.getCell('E14').value = { text: 'liên kết', hyperlink: 'https://example.org' };
    sheet.getCell('A15').value = { error: '#N/A' };
    sheet.getCell('G16').style = { font: { bold: true } }; // styled, empty
    const second = workbook.addWorksheet('Hướng dẫn');
    second.getRow(2).values = ['hướng dẫn', 'Nhập từ dòng 2'];
    for (const useSharedStrings of [true, false]) {
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer({ useSharedStrings }));
      const [first, other] = await byExcelJs(bytes);
      expect(await readXlsx(bytes, anySheet)).toEqual(trimmed(first!));
      expect(await readXlsx(bytes, sheetNamed('hướng dẫn'))).toEqual(trimmed(other!));
    }
  });

  it('reads SpreadsheetML as other writers write it', async () => {
    const sheet = part(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
        `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Loại</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t xml:space="preserve">Mã </x:t></x:r><x:r><x:t>số</x:t></x:r><x:rPh><x:t>ma</x:t></x:rPh></x:is></x:c></x:row>` +
        `<x:row><x:c r="B2"><x:v/></x:c><x:c r="C2" t="str"><x:f>1+1</x:f><x:v>a &amp; b</x:v></x:c><x:c r="D2" t="b"><x:v>1</x:v></x:c><x:c r="E2" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="F2"><x:v>1.50</x:v></x:c><x:c r="G2" t="inlineStr"><x:is><x:t><![CDATA[<b>]]></x:t></x:is></x:c></x:row>` +
        `</x:sheetData></x:worksheet>`,
    );
    const bytes = zipOf(workbookParts(sheet));
    expect(await readXlsx(bytes, anySheet)).toEqual([
      { line: 1, cells: ['Loại', 'Mã số'] },
      { line: 2, cells: ['', '', 'a & b', 'true', '', '1.5', '<b>'] },
    ]);
  });

  it('refuses what is not a workbook, or a damaged one, as unreadable', async () => {
    const damaged = zipOf(workbookParts(part('xl/worksheets/sheet1.xml', SHEET_HEAD)));
    for (const bytes of [
      new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]),
      damaged,
      zipOf([part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${SHEET_TAIL}`)]),
    ]) {
      await expect(readXlsx(bytes, anySheet)).rejects.toMatchObject({
        name: 'FileUnreadable',
        message: expect.stringMatching(/Excel/),
      });
    }
  });
});
