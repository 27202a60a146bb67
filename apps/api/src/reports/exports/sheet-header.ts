/**
 * The one header and signature block of every workbook we export, as an office files it (the
 * layout of NĐ 30/2020/NĐ-CP Phụ lục I carried over to a sheet): cơ quan chủ quản and cơ quan ban
 * hành on the left, Quốc hiệu and Tiêu ngữ on the right, then the title, the period in words, what
 * the sheet covers and "Ngày lập: dd/mm/yyyy"; under the table "Người lập biểu" and "Thủ trưởng
 * đơn vị", each with room to sign. The header always takes HEADING_ROWS rows, so a reader (or a
 * test) finds the table at TABLE_HEADER_ROW whatever the file.
 */
import type ExcelJS from 'exceljs';
import { formatDate, reportPeriod, type Period } from '@hailong/domain';
import { neutralize } from './cells.ts';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
export const SIGNATURE = {
  left: 'Người lập biểu',
  right: 'Thủ trưởng đơn vị',
  hint: '(Ký, ghi rõ họ tên)',
} as const;

/** Where each line of the header is (1-based rows). */
export const HEADING_LAYOUT = {
  agency: 1,
  issuer: 2,
  title: 4,
  period: 5,
  subject: 6,
  createdOn: 7,
} as const;
/** Rows the header takes, the blank line under it included. */
export const HEADING_ROWS = 8;
/** The row of the table's column headers. */
export const TABLE_HEADER_ROW = HEADING_ROWS + 1;
/** Rows the signature block takes: the titles, the hint, room to sign. */
export const SIGNATURE_ROWS = 6;

/** Who issues a file: from the agency settings and the unit of the person downloading it. */
export interface SheetParties {
  /** Cơ quan chủ quản (the agency's name); '' when it is the issuer itself or unnamed. */
  agency: string;
  /** Cơ quan ban hành. */
  issuer: string;
  /** When the file is made (epoch ms). */
  createdAt: number;
}

export interface SheetHeading {
  agency: string;
  issuer: string;
  title: string;
  /** "Kỳ báo cáo: Quý I năm 2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)", or '' for none. */
  period: string;
  /** What the sheet covers: "Đơn vị: Sở Tư pháp · Kết quả theo lĩnh vực". */
  subject: string;
  /** "Ngày lập: 23/11/2026". */
  createdOn: string;
}

/** 'YYYY-MM-DD' as dd/mm/yyyy, through the one date formatter. */
const isoDay = (iso: string) => formatDate(Date.parse(`${iso}T12:00:00+07:00`));

/** The period in words with its first and last day: what a leader reads under the title. */
export function periodInWords(period: Period): string {
  const { label, from, to } = reportPeriod(period);
  return `Kỳ báo cáo: ${label} (từ ngày ${isoDay(from)} đến ngày ${isoDay(to)})`;
}

/** The header of a sheet about `period` (null: a file of no period, such as the catalogue). */
export function sheetHeading(
  parties: SheetParties,
  title: string,
  period: Period | null,
  subject: string,
): SheetHeading {
  return {
    agency: parties.agency,
    issuer: parties.issuer,
    title,
    period: period ? periodInWords(period) : '',
    subject,
    createdOn: `Ngày lập: ${formatDate(parties.createdAt)}`,
  };
}

/** The left block's last column: about two fifths of the table, as the decree's 65 of 165 mm. */
const leftSpan = (columns: number) => Math.max(1, Math.floor((columns * 2) / 5));

function line(
  sheet: ExcelJS.Worksheet,
  row: number,
  from: number,
  to: number,
  value: string,
  font: Partial<ExcelJS.Font>,
) {
  const cell = sheet.getCell(row, from);
  cell.value = neutralize(value);
  cell.font = font;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  if (to > from) sheet.mergeCells(row, from, row, to);
}

/** Writes `heading` over the first HEADING_ROWS rows of a table `columns` wide. */
export function writeHeading(sheet: ExcelJS.Worksheet, heading: SheetHeading, columns: number) {
  const left = leftSpan(columns);
  const right = Math.max(columns, left + 1);
  const L = HEADING_LAYOUT;
  // Without a cơ quan chủ quản the issuer takes the first line, as on a document.
  const [first, second] = heading.agency ? [heading.agency, heading.issuer] : [heading.issuer, ''];
  line(sheet, L.agency, 1, left, first.toLocaleUpperCase('vi'), { bold: !heading.agency });
  line(sheet, L.issuer, 1, left, second.toLocaleUpperCase('vi'), { bold: true });
  line(sheet, L.agency, left + 1, right, QUOC_HIEU, { bold: true });
  line(sheet, L.issuer, left + 1, right, TIEU_NGU, { bold: true, underline: true });
  sheet.getRow(L.agency).height = 30;
  sheet.getRow(L.issuer).height = 30;
  line(sheet, L.title, 1, columns, heading.title, { bold: true, size: 14 });
  sheet.getRow(L.title).height = 36;
  line(sheet, L.period, 1, columns, heading.period, { italic: true });
  line(sheet, L.subject, 1, columns, heading.subject, { bold: true });
  line(sheet, L.createdOn, 1, columns, heading.createdOn, { italic: true });
}

/**
 * Writes the signature block from row `at` of a table `columns` wide; returns the row after it.
 * "Người lập biểu" under the left block, "Thủ trưởng đơn vị" under the right, as on a document.
 */
export function writeSignature(sheet: ExcelJS.Worksheet, at: number, columns: number): number {
  const left = leftSpan(columns);
  const right = Math.max(columns, left + 1);
  line(sheet, at, 1, left, SIGNATURE.left, { bold: true });
  line(sheet, at, left + 1, right, SIGNATURE.right, { bold: true });
  line(sheet, at + 1, 1, left, SIGNATURE.hint, { italic: true });
  line(sheet, at + 1, left + 1, right, SIGNATURE.hint, { italic: true });
  return at + SIGNATURE_ROWS;
}

/**
 * The signature block as the printed page's footer, for a sheet whose rows must stay data (the
 * catalogue, which imports back unchanged: a row under its table would be read as a unit).
 */
export const SIGNATURE_FOOTER = `&L&B${SIGNATURE.left}&B\n&I${SIGNATURE.hint}&I&R&B${SIGNATURE.right}&B\n&I${SIGNATURE.hint}&I`;
