/**
 * A sheet of a report as an Excel workbook holds it, ready to print and sign: the shared header
 * and signature block (sheet-header.ts), A4 landscape fitted to the page width, the table's header
 * row repeated on every page, percentages formatted, unmet rows highlighted, and numbers kept as
 * numbers so the office can add its own sums.
 */
import ExcelJS from 'exceljs';
import type { Cell } from './cells.ts';
import {
  TABLE_HEADER_ROW as HEADER_ROW,
  writeHeading,
  writeSignature,
  type SheetHeading,
} from './sheet-header.ts';

const UNMET_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFDE2E1' },
};
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE8EEF4' },
};
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF8A94A6' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FORMATS = { count: '#,##0', ratio: '0.0%', points: '0.00' } as const;
/** A target as it may be set: 91,25% keeps its second decimal, 90% shows 90,0%. */
const TARGET_FORMAT = '0.0#%';

function put(target: ExcelJS.Cell, cell: Cell) {
  if (cell.kind === 'text') {
    target.value = cell.value;
    return;
  }
  target.value = cell.value;
  target.numFmt = cell.kind === 'ratio' && cell.digits === 2 ? TARGET_FORMAT : FORMATS[cell.kind];
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 28) || 'Đơn vị';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 26)} ${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

export interface SheetSpec {
  heading: SheetHeading;
  header: string[];
  widths: number[];
  rows: Cell[][];
  unmet: Set<number>;
  /** Rows drawn in bold (totals). */
  bold: Set<number>;
  /** Index of the column holding Đạt / Chưa đạt. */
  verdictColumn: number;
  footer: Cell[][];
}

export function addSheet(workbook: ExcelJS.Workbook, name: string, spec: SheetSpec) {
  const columns = spec.header.length;
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&L&A&RTrang &P/&N' },
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }],
  });
  sheet.columns = spec.widths.map((width) => ({ width }));

  writeHeading(sheet, spec.heading, columns);

  const header = sheet.getRow(HEADER_ROW);
  spec.header.forEach((label, c) => {
    const cell = header.getCell(c + 1);
    cell.value = label;
    cell.fill = HEADER_FILL;
    cell.border = BOX;
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 48;

  spec.rows.forEach((cells, r) => {
    const row = sheet.getRow(HEADER_ROW + 1 + r);
    cells.forEach((cell, c) => {
      const target = row.getCell(c + 1);
      put(target, cell);
      target.border = BOX;
      if (spec.unmet.has(r)) target.fill = UNMET_FILL;
    });
    row.alignment = { vertical: 'top', wrapText: true };
    if (spec.bold.has(r)) row.font = { bold: true };
    if (spec.unmet.has(r)) {
      row.getCell(spec.verdictColumn + 1).font = { bold: true, color: { argb: 'FFB42318' } };
    }
  });

  let at = HEADER_ROW + spec.rows.length + 2;
  for (const cells of spec.footer) {
    const row = sheet.getRow(at++);
    // Footer lines start under the names column; a lone long line spans the table.
    cells.forEach((cell, c) => put(row.getCell(c + 2), cell));
    if (cells.length === 1) {
      sheet.mergeCells(row.number, 2, row.number, columns);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.height = 32;
    }
  }
  writeSignature(sheet, at + 1, columns);
  return sheet;
}
