/**
 * The catalogue file written: the export (the catalogue as it is) and the template (a short how-to
 * and a few example rows), as CSV (UTF-8 with BOM, as Excel on a Vietnamese desktop opens it) and
 * as XLSX (a "Danh mục" sheet first, a "Hướng dẫn" sheet after it). Text that a spreadsheet would
 * run as a formula is neutralised with a leading quote; the importer takes that quote off again.
 */
import ExcelJS from 'exceljs';
import {
  CATALOGUE_COLUMNS,
  CATALOGUE_HEADER,
  COLUMN_HEADERS,
  ENTITY_LABELS,
  KIND_LABELS,
  SCALE_LABELS,
  STATUS_LABELS,
} from '@hailong/domain';
import { neutralize } from '../../reports/exports/cells.ts';
import { toCsv } from '../../reports/exports/csv.ts';
import {
  SIGNATURE_FOOTER,
  TABLE_HEADER_ROW,
  writeHeading,
  type SheetHeading,
} from '../../reports/exports/sheet-header.ts';

/** What each column holds, for the instruction sheet and the README. */
export const COLUMN_HELP: Readonly<Record<(typeof CATALOGUE_COLUMNS)[number], string>> = {
  type: `${Object.values(ENTITY_LABELS).join(' | ')} (hoặc unit | sector | counter)`,
  code: 'Mã ổn định, chữ thường không dấu, số và dấu “-” (1–40 ký tự), duy nhất trong cùng đơn vị cha; không đổi về sau',
  parent:
    'Đơn vị: đường dẫn mã của đơn vị cha, ví dụ tinh/ttpvhcc (để trống nếu là cấp cao nhất). Lĩnh vực, quầy: đường dẫn mã của đơn vị',
  name: 'Tên hiển thị (tối đa 200 ký tự)',
  kind: `Chỉ cho đơn vị: ${Object.values(KIND_LABELS).join(' | ')} (không còn cấp huyện)`,
  scale: `Chỉ cho đơn vị: ${Object.values(SCALE_LABELS).join(' | ')}; đổi thang đo có hiệu lực từ tháng sau`,
  order: 'Không bắt buộc: thứ tự hiển thị trong cùng cấp (1, 2, 3…)',
  status: `Không bắt buộc: ${STATUS_LABELS.active} (mặc định) | ${STATUS_LABELS.archived}`,
};

export const TEMPLATE_NOTES = [
  'Mẫu nhập danh mục đơn vị, lĩnh vực và quầy. Mỗi dòng dưới dòng tiêu đề là một đơn vị, một lĩnh vực hoặc một quầy.',
  'Nhập lại cùng tệp không thay đổi gì. Mục có trong hệ thống thuộc phạm vi của tệp (các đơn vị cao nhất trong tệp và cấp dưới) nhưng không có trong tệp sẽ được lưu trữ, không bị xóa.',
];

/** A province to copy: its root, the centre, a department, a commune, with sectors and counters. */
export const TEMPLATE_EXAMPLE: string[][] = [
  ['đơn vị', 'tinh', '', 'UBND tỉnh Mẫu', 'tỉnh', '5 mức', '1', ''],
  [
    'đơn vị',
    'ttpvhcc',
    'tinh',
    'Trung tâm Phục vụ hành chính công tỉnh',
    'trung tâm',
    '5 mức',
    '1',
    '',
  ],
  ['đơn vị', 'so-tp', 'tinh', 'Sở Tư pháp', 'sở, ban, ngành', '5 mức', '2', ''],
  ['lĩnh vực', 'ly-lich-tu-phap', 'tinh/so-tp', 'Lý lịch tư pháp', '', '', '1', ''],
  ['quầy', 'quay-1', 'tinh/so-tp', 'Quầy số 1', '', '', '1', ''],
  ['đơn vị', 'phuong-an-cuu', 'tinh', 'UBND phường An Cựu', 'xã, phường', '3 mức', '3', ''],
  ['lĩnh vực', 'ho-tich', 'tinh/phuong-an-cuu', 'Hộ tịch', '', '', '1', ''],
  ['lĩnh vực', 'chung-thuc', 'tinh/phuong-an-cuu', 'Chứng thực', '', '', '2', ''],
  ['quầy', 'quay-1', 'tinh/phuong-an-cuu', 'Quầy số 1', '', '', '1', ''],
];

export function catalogueCsv(rows: readonly string[][], notes: readonly string[] = []): string {
  return toCsv([...notes.map((n) => [n]), CATALOGUE_HEADER, ...rows]);
}

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE8EEF4' },
};
const WIDTHS = [11, 22, 34, 48, 16, 10, 8, 12];
const ORDER_COLUMN = CATALOGUE_COLUMNS.indexOf('order');

/** Drop-down lists for the columns with a fixed set of values (Excel data validation). */
const CHOICES: Partial<Record<(typeof CATALOGUE_COLUMNS)[number], string[]>> = {
  type: Object.values(ENTITY_LABELS),
  kind: Object.values(KIND_LABELS),
  scale: Object.values(SCALE_LABELS),
  status: Object.values(STATUS_LABELS),
};

export const CATALOGUE_TITLE = 'Danh mục đơn vị, lĩnh vực, quầy';

/**
 * The catalogue workbook; with `heading` (the export), the shared header above the table and the
 * signature block in the printed footer, since every row under the header row is read back as data.
 */
export async function catalogueXlsx(
  rows: readonly string[][],
  createdAt: Date,
  heading?: SheetHeading,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hailong';
  workbook.created = createdAt;
  workbook.title = CATALOGUE_TITLE;
  const top = heading ? TABLE_HEADER_ROW : 1;
  const sheet = workbook.addWorksheet('Danh mục', {
    views: [{ state: 'frozen', ySplit: top }],
    ...(heading && {
      pageSetup: {
        paperSize: 9 as ExcelJS.PaperSize,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
      headerFooter: { oddFooter: SIGNATURE_FOOTER },
    }),
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  if (heading) writeHeading(sheet, heading, CATALOGUE_HEADER.length);
  const header = sheet.getRow(top);
  CATALOGUE_HEADER.forEach((label, c) => {
    header.getCell(c + 1).value = label;
    header.getCell(c + 1).fill = HEADER_FILL;
  });
  header.font = { bold: true };
  rows.forEach((cells, r) => {
    const row = sheet.getRow(top + 1 + r);
    cells.forEach((value, c) => {
      // Thứ tự stays a number so the office can sort by it; everything else is text.
      row.getCell(c + 1).value =
        c === ORDER_COLUMN && /^\d+$/.test(value) ? Number(value) : neutralize(value);
    });
  });
  // The lists live on a hidden sheet: an inline list cannot hold "sở, ban, ngành" (commas split it).
  const lists = workbook.addWorksheet('Giá trị', { state: 'hidden' });
  const last = Math.max(rows.length + top, 500);
  let listColumn = 0;
  CATALOGUE_COLUMNS.forEach((column, c) => {
    const choices = CHOICES[column];
    if (!choices) return;
    listColumn++;
    choices.forEach((choice, i) => (lists.getCell(i + 1, listColumn).value = choice));
    const letter = lists.getColumn(listColumn).letter;
    const range = `'Giá trị'!$${letter}$1:$${letter}$${choices.length}`;
    for (let r = top + 1; r <= last; r++) {
      sheet.getCell(r, c + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [range],
      };
    }
  });

  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [{ width: 14 }, { width: 110 }];
  let at = 1;
  for (const note of TEMPLATE_NOTES) help.getRow(at++).getCell(1).value = note;
  at++;
  help.getRow(at).values = ['Cột', 'Ý nghĩa'];
  help.getRow(at++).font = { bold: true };
  for (const column of CATALOGUE_COLUMNS) {
    help.getRow(at++).values = [
      `${COLUMN_HEADERS[column].vi} (${COLUMN_HEADERS[column].en})`,
      COLUMN_HELP[column],
    ];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
