/**
 * A one-stop system's export of dossiers (hồ sơ) as rows to store (issue 12, item 5): the header
 * row is found by its Vietnamese (or English) column names, in any order and with or without
 * diacritics; each data row is checked on its own and a bad one is reported with its line and
 * column, never guessed. Dates are read as one-stop systems write them: dd/mm/yyyy (with or
 * without a time), yyyy-mm-dd, or a spreadsheet date (read as ISO text).
 */
import type { ImportIssue, SheetLine } from './catalogue-table.ts';
import { normalizeDossierCode } from './survey.ts';
import { foldDiacritics, normalizeText } from './vi-text.ts';

export const DOSSIER_COLUMNS = [
  'code',
  'procedure',
  'sector',
  'unit',
  'officer',
  'received',
  'due',
  'returned',
  'online',
] as const;
export type DossierColumn = (typeof DOSSIER_COLUMNS)[number];

export const DOSSIER_HEADERS: Readonly<Record<DossierColumn, { vi: string; en: string }>> = {
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  sector: { vi: 'Lĩnh vực', en: 'Sector' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  officer: { vi: 'Cán bộ tiếp nhận', en: 'Officer' },
  received: { vi: 'Ngày tiếp nhận', en: 'Received' },
  due: { vi: 'Ngày hẹn trả', en: 'Due' },
  returned: { vi: 'Ngày trả kết quả', en: 'Returned' },
  online: { vi: 'Trực tuyến', en: 'Online' },
};

const REQUIRED: readonly DossierColumn[] = ['code', 'unit', 'received', 'due'];

const fold = (value: string) => foldDiacritics(value).replace(/\s+/g, ' ').trim();

/** Header spellings one-stop exports use, folded (no diacritics, lower case). */
const ALIASES: Readonly<Record<DossierColumn, readonly string[]>> = {
  code: ['ma ho so', 'so ho so', 'dossier code', 'code'],
  procedure: ['thu tuc', 'ten thu tuc', 'thu tuc hanh chinh', 'procedure'],
  sector: ['linh vuc', 'ma linh vuc', 'sector'],
  unit: ['don vi', 'ma don vi', 'co quan', 'unit'],
  officer: ['can bo tiep nhan', 'can bo', 'nguoi tiep nhan', 'officer'],
  received: ['ngay tiep nhan', 'ngay nhan', 'received'],
  due: ['ngay hen tra', 'han xu ly', 'han giai quyet', 'due'],
  returned: ['ngay tra ket qua', 'ngay tra', 'ngay hoan thanh', 'returned'],
  online: ['truc tuyen', 'nop truc tuyen', 'hinh thuc nop', 'online'],
};
const HEADER_OF = new Map<string, DossierColumn>(
  DOSSIER_COLUMNS.flatMap((c) => ALIASES[c].map((alias) => [fold(alias), c] as const)),
);

export interface DossierImportRow {
  line: number;
  code: string;
  procedure: string | null;
  /** As written: a sector code or name of the unit; resolved by the importer. */
  sector: string | null;
  /** A unit code, resolved by the importer. */
  unit: string;
  /** A username or a display name, resolved by the importer. */
  officer: string | null;
  receivedDate: string;
  dueDate: string;
  returnedDate: string | null;
  online: boolean;
}

/** A calendar date 'YYYY-MM-DD' from what a one-stop export writes; undefined if unreadable. */
export function readDossierDate(text: string): string | undefined {
  const t = text.trim();
  let y: number, m: number, d: number;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (iso) {
    // A spreadsheet date read as an instant at midnight UTC is that calendar day.
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  if (y < 2000 || y > 2100) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const YES = new Set(['co', 'x', '1', 'true', 'yes', 'truc tuyen', 'dvc truc tuyen', 'online']);
const NO = new Set(['', 'khong', '0', 'false', 'no', 'truc tiep', 'buu chinh', 'offline']);

const isHeader = (l: SheetLine) => {
  const found = new Set(l.cells.map((c) => HEADER_OF.get(fold(c))));
  return found.has('code') && found.has('due');
};

/** Whether the lines hold a dossier export's header row (to pick a CSV delimiter or a sheet). */
export function hasDossierHeader(lines: readonly SheetLine[]): boolean {
  return lines.some(isHeader);
}

/**
 * The rows of a dossier export and the issues of the lines that could not be read. A file without
 * the header row, or missing a required column, is one issue and no rows.
 */
export function readDossierTable(lines: readonly SheetLine[]): {
  rows: DossierImportRow[];
  issues: ImportIssue[];
} {
  const headerAt = lines.findIndex(isHeader);
  if (headerAt < 0) {
    const names = REQUIRED.map((c) => DOSSIER_HEADERS[c].vi).join(', ');
    return {
      rows: [],
      issues: [
        {
          line: lines[0]?.line ?? 1,
          column: null,
          message: `Không tìm thấy dòng tiêu đề (${names}).`,
        },
      ],
    };
  }
  const header = lines[headerAt]!;
  const index = new Map<DossierColumn, number>();
  header.cells.forEach((cell, i) => {
    const column = HEADER_OF.get(fold(cell));
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    const names = missing.map((c) => DOSSIER_HEADERS[c].vi).join(', ');
    return {
      rows: [],
      issues: [{ line: header.line, column: null, message: `Thiếu cột: ${names}.` }],
    };
  }
  const rows: DossierImportRow[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  for (const l of lines.slice(headerAt + 1)) {
    const cell = (c: DossierColumn) => {
      const i = index.get(c);
      return i === undefined ? '' : normalizeText(l.cells[i] ?? '');
    };
    if (DOSSIER_COLUMNS.every((c) => cell(c) === '')) continue;
    const issue = (c: DossierColumn, message: string) =>
      issues.push({ line: l.line, column: DOSSIER_HEADERS[c].vi, message });
    const code = normalizeDossierCode(cell('code'));
    const received = readDossierDate(cell('received'));
    const due = readDossierDate(cell('due'));
    const returnedText = cell('returned');
    const returned = returnedText === '' ? null : readDossierDate(returnedText);
    const onlineText = fold(cell('online')).toLowerCase();
    const before = issues.length;
    if (code === '') issue('code', 'Thiếu mã hồ sơ.');
    else if (code.length > 64) issue('code', 'Mã hồ sơ dài quá 64 ký tự.');
    else if (seen.has(code)) issue('code', `Mã hồ sơ ${code} đã có ở dòng ${seen.get(code)}.`);
    if (cell('unit') === '') issue('unit', 'Thiếu mã đơn vị.');
    if (!received)
      issue('received', `Ngày tiếp nhận không đọc được: “${cell('received')}” (dd/mm/yyyy).`);
    if (!due) issue('due', `Ngày hẹn trả không đọc được: “${cell('due')}” (dd/mm/yyyy).`);
    if (returned === undefined) {
      issue('returned', `Ngày trả kết quả không đọc được: “${returnedText}” (dd/mm/yyyy).`);
    }
    if (received && due && due < received) issue('due', 'Ngày hẹn trả trước ngày tiếp nhận.');
    if (received && returned && returned < received) {
      issue('returned', 'Ngày trả kết quả trước ngày tiếp nhận.');
    }
    if (!YES.has(onlineText) && !NO.has(onlineText)) {
      issue('online', `Không rõ “${cell('online')}”: ghi “có” hoặc “không”.`);
    }
    if (issues.length > before) continue;
    seen.set(code, l.line);
    rows.push({
      line: l.line,
      code,
      procedure: cell('procedure') || null,
      sector: cell('sector') || null,
      unit: cell('unit'),
      officer: cell('officer') || null,
      receivedDate: received!,
      dueDate: due!,
      returnedDate: returned ?? null,
      online: YES.has(onlineText),
    });
  }
  return { rows, issues };
}
