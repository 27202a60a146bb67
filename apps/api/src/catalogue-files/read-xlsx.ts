/**
 * A catalogue workbook as sheet lines: the first worksheet that has the header row (the template
 * puts "Danh mục" first and "Hướng dẫn" after it), each row with its row number. Formulas count by
 * their cached result, rich text by its characters, numbers as written.
 */
import ExcelJS from 'exceljs';
import { readCatalogueTable, type SheetLine } from '@hailong/domain';
import { FileUnreadable, MAX_ROWS } from './file-errors.ts';
import type { TableCheck } from './read-csv.ts';

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

function linesOf(sheet: ExcelJS.Worksheet): SheetLine[] {
  if (sheet.rowCount > MAX_ROWS + 100) {
    throw new FileUnreadable(`Tệp có quá nhiều dòng (tối đa ${MAX_ROWS}).`);
  }
  const lines: SheetLine[] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    lines.push({ line: row.number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return lines;
}

/** Reads the bytes of an XLSX workbook. */
export async function readXlsx(
  bytes: Uint8Array,
  fits: TableCheck = (lines) => readCatalogueTable(lines).issues.length === 0,
): Promise<SheetLine[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new FileUnreadable(
      'Không đọc được tệp Excel (.xlsx). Hãy lưu lại tệp bằng Excel rồi thử lại.',
    );
  }
  const sheets = workbook.worksheets.map(linesOf);
  return sheets.find(fits) ?? sheets[0] ?? [];
}
