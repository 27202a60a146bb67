/**
 * The catalogue file (danh mục đơn vị, lĩnh vực, quầy) as a table, the same for CSV and XLSX: one
 * row per unit, sector or counter under the headers Loại, Mã, Thuộc, Tên, Cấp, Thang đo, Thứ tự,
 * Trạng thái (English headers are read too). Rows above the header row (instructions) are skipped.
 * `Thuộc` is a code path: for a unit its parent's path (`tinh/ttpvhcc`, empty for a root), for a
 * sector or counter the path of its unit. Every value is NFC-normalised and trimmed of spaces (see
 * cleanCell); a name on more than one line is refused on its line; a leading single quote that our exports add before formula-like text is removed, so export → import is exact.
 */
import { cleanCell, NOT_ONE_LINE } from './catalogue-cell.ts';
import { isCatalogueCode } from './catalogue-rules.ts';
import { isOneLineText } from './storable-text.ts';
import { foldDiacritics } from './vi-text.ts';

export const CATALOGUE_COLUMNS = [
  'type',
  'code',
  'parent',
  'name',
  'kind',
  'scale',
  'order',
  'status',
] as const;
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number];

/** The header of each column as the template writes it, and the English one also accepted. */
export const COLUMN_HEADERS: Readonly<Record<CatalogueColumn, { vi: string; en: string }>> = {
  type: { vi: 'Loại', en: 'Type' },
  code: { vi: 'Mã', en: 'Code' },
  parent: { vi: 'Thuộc', en: 'Parent' },
  name: { vi: 'Tên', en: 'Name' },
  kind: { vi: 'Cấp', en: 'Kind' },
  scale: { vi: 'Thang đo', en: 'Scale' },
  order: { vi: 'Thứ tự', en: 'Order' },
  status: { vi: 'Trạng thái', en: 'Status' },
};

const REQUIRED_COLUMNS: readonly CatalogueColumn[] = ['type', 'code', 'parent', 'name'];

export type CatalogueEntity = 'unit' | 'sector' | 'counter';
/** Unit kinds a file may set; `district` (cấp huyện) is gone since 1 July 2025. */
export const IMPORT_UNIT_KINDS = ['province', 'centre', 'department', 'commune', 'other'] as const;
export type ImportUnitKind = (typeof IMPORT_UNIT_KINDS)[number];
export type ImportScale = 'five' | 'three';

/** What the template writes for each value; the parsers also read the English ids and variants. */
export const ENTITY_LABELS: Readonly<Record<CatalogueEntity, string>> = {
  unit: 'đơn vị',
  sector: 'lĩnh vực',
  counter: 'quầy',
};
export const KIND_LABELS: Readonly<Record<ImportUnitKind, string>> = {
  province: 'tỉnh',
  centre: 'trung tâm',
  department: 'sở, ban, ngành',
  commune: 'xã, phường',
  other: 'khác',
};
export const SCALE_LABELS: Readonly<Record<ImportScale, string>> = {
  five: '5 mức',
  three: '3 mức',
};
export const STATUS_LABELS = { active: 'đang dùng', archived: 'lưu trữ' } as const;

export const NAME_MAX = 200;
export const ORDER_MAX = 1_000_000;

/** A problem on one line of the file; `column` is the Vietnamese header, or null for the line. */
export interface ImportIssue {
  line: number;
  column: string | null;
  message: string;
}

/** A line of the sheet as read from the file: its number (1-based) and its cells as text. */
export interface SheetLine {
  line: number;
  cells: readonly string[];
}

export type RawRow = { line: number } & Record<CatalogueColumn, string>;

interface UnitRowBase {
  line: number;
  code: string;
  name: string;
  order: number | null;
  archived: boolean;
}
export interface UnitImportRow extends UnitRowBase {
  entity: 'unit';
  /** The codes from the root down to the parent; empty for a root. */
  parentPath: string[];
  /** Null: keep the unit's kind (an error for a new unit). */
  kind: ImportUnitKind | null;
  /** Null: keep the unit's scale (five levels for a new unit). */
  scale: ImportScale | null;
}
export interface ItemImportRow extends UnitRowBase {
  entity: 'sector' | 'counter';
  /** The codes from the root down to the unit the sector or counter belongs to. */
  unitPath: string[];
}
export type ImportRow = UnitImportRow | ItemImportRow;

const fold = (value: string) => foldDiacritics(value).replace(/\s+/g, ' ').trim();

function lookup<T>(table: Readonly<Record<string, T>>, value: string): T | undefined {
  return Object.hasOwn(table, fold(value)) ? table[fold(value)] : undefined;
}

const HEADER_OF: Record<string, CatalogueColumn> = Object.fromEntries(
  CATALOGUE_COLUMNS.flatMap((c) => [
    [fold(COLUMN_HEADERS[c].vi), c],
    [fold(COLUMN_HEADERS[c].en), c],
  ]),
);
const ENTITY_OF: Record<string, CatalogueEntity> = {
  'don vi': 'unit',
  unit: 'unit',
  'linh vuc': 'sector',
  sector: 'sector',
  quay: 'counter',
  counter: 'counter',
};
const KIND_OF: Record<string, ImportUnitKind | 'district'> = {
  tinh: 'province',
  province: 'province',
  'trung tam': 'centre',
  centre: 'centre',
  center: 'centre',
  'so, ban, nganh': 'department',
  'so/ban/nganh': 'department',
  so: 'department',
  ban: 'department',
  nganh: 'department',
  department: 'department',
  'xa, phuong': 'commune',
  'xa/phuong': 'commune',
  xa: 'commune',
  phuong: 'commune',
  'dac khu': 'commune',
  commune: 'commune',
  khac: 'other',
  other: 'other',
  huyen: 'district',
  district: 'district',
};
const SCALE_OF: Record<string, ImportScale> = {
  '5': 'five',
  '5 muc': 'five',
  five: 'five',
  '3': 'three',
  '3 muc': 'three',
  three: 'three',
};
const ARCHIVED_OF: Record<string, boolean> = {
  'dang dung': false,
  active: false,
  'luu tru': true,
  archived: true,
};

/**
 * Finds the header row and returns the rows under it with their cells by column. Empty rows are
 * skipped; a file without the header row (or missing a required column) is one issue.
 */
export function readCatalogueTable(lines: readonly SheetLine[]): {
  rows: RawRow[];
  issues: ImportIssue[];
} {
  const headerAt = lines.findIndex((l) => {
    const found = new Set(l.cells.map((c) => HEADER_OF[fold(c)]));
    return found.has('type') && found.has('code');
  });
  if (headerAt < 0) {
    const message =
      'Không tìm thấy dòng tiêu đề (Loại, Mã, Thuộc, Tên, Cấp, Thang đo, Thứ tự, Trạng thái).';
    return { rows: [], issues: [{ line: lines[0]?.line ?? 1, column: null, message }] };
  }
  const header = lines[headerAt]!;
  const index = new Map<CatalogueColumn, number>();
  header.cells.forEach((cell, i) => {
    const column = HEADER_OF[fold(cell)];
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    const names = missing.map((c) => COLUMN_HEADERS[c].vi).join(', ');
    return {
      rows: [],
      issues: [{ line: header.line, column: null, message: `Thiếu cột: ${names}.` }],
    };
  }
  const rows: RawRow[] = [];
  for (const l of lines.slice(headerAt + 1)) {
    const cell = (c: CatalogueColumn) => {
      const i = index.get(c);
      return i === undefined ? '' : cleanCell(l.cells[i] ?? '');
    };
    const cells = Object.fromEntries(CATALOGUE_COLUMNS.map((c) => [c, cell(c)]));
    const row = { ...cells, line: l.line } as RawRow;
    if (CATALOGUE_COLUMNS.every((c) => row[c] === '')) continue;
    rows.push(row);
  }
  return { rows, issues: [] };
}

const issue = (line: number, column: CatalogueColumn | null, message: string): ImportIssue => ({
  line,
  column: column && COLUMN_HEADERS[column].vi,
  message,
});

/** `tinh/ttpvhcc` → ['tinh', 'ttpvhcc']; undefined when a segment is not a valid code. */
export function parseCodePath(text: string): string[] | undefined {
  const trimmed = text.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return [];
  const parts = trimmed.split('/').map((p) => p.trim().toLowerCase());
  return parts.every((p) => isCatalogueCode(p)) ? parts : undefined;
}

/** Checks each row's values and turns them into typed rows; a row with any problem is left out. */
export function validateCatalogueRows(raw: readonly RawRow[]): {
  rows: ImportRow[];
  issues: ImportIssue[];
} {
  const rows: ImportRow[] = [];
  const issues: ImportIssue[] = [];
  for (const r of raw) {
    const found: ImportIssue[] = [];
    const bad = (column: CatalogueColumn | null, message: string) =>
      found.push(issue(r.line, column, message));

    const entity = lookup(ENTITY_OF, r.type);
    if (!entity) bad('type', `Loại “${r.type}” không hợp lệ: dùng đơn vị, lĩnh vực hoặc quầy.`);
    const code = r.code.toLowerCase();
    if (code === '') bad('code', 'Thiếu mã.');
    else if (!isCatalogueCode(code)) {
      bad(
        'code',
        `Mã “${r.code}” không hợp lệ: 1–40 ký tự gồm chữ thường không dấu, số và dấu “-” (không ở đầu hay cuối).`,
      );
    }
    const path = parseCodePath(r.parent);
    if (!path) bad('parent', `Đường dẫn “${r.parent}” không hợp lệ: các mã cách nhau bởi “/”.`);
    else if (entity && entity !== 'unit' && path.length === 0) {
      bad('parent', 'Lĩnh vực và quầy phải ghi đường dẫn của đơn vị tại cột Thuộc.');
    }
    if (r.name === '') bad('name', 'Thiếu tên.');
    else if (r.name.length > NAME_MAX) bad('name', `Tên dài quá ${NAME_MAX} ký tự.`);
    else if (!isOneLineText(r.name)) bad('name', NOT_ONE_LINE);

    const kind = r.kind === '' ? null : lookup(KIND_OF, r.kind);
    if (kind === undefined) {
      bad(
        'kind',
        `Cấp “${r.kind}” không hợp lệ: tỉnh, trung tâm, sở, ban, ngành, xã, phường, khác.`,
      );
    } else if (kind === 'district') {
      bad('kind', 'Không còn cấp huyện (từ 01/7/2025): chọn cấp khác cho đơn vị.');
    }
    const scale = r.scale === '' ? null : lookup(SCALE_OF, r.scale);
    if (scale === undefined) bad('scale', `Thang đo “${r.scale}” không hợp lệ: 5 mức hoặc 3 mức.`);
    if (entity && entity !== 'unit') {
      if (r.kind !== '') bad('kind', 'Cấp chỉ ghi cho đơn vị.');
      if (r.scale !== '') bad('scale', 'Thang đo chỉ ghi cho đơn vị.');
    }
    const order = r.order === '' ? null : Number(r.order);
    if (order !== null && !(Number.isInteger(order) && order >= 0 && order <= ORDER_MAX)) {
      bad('order', `Thứ tự “${r.order}” không hợp lệ: số nguyên từ 0 đến ${ORDER_MAX}.`);
    }
    const archived = r.status === '' ? false : lookup(ARCHIVED_OF, r.status);
    if (archived === undefined) {
      bad('status', `Trạng thái “${r.status}” không hợp lệ: đang dùng hoặc lưu trữ.`);
    }

    if (found.length > 0 || !entity || !path || archived === undefined) {
      issues.push(...found);
      continue;
    }
    const base = { line: r.line, code, name: r.name, order, archived };
    if (entity === 'unit') {
      rows.push({
        ...base,
        entity,
        parentPath: path,
        kind: kind as ImportUnitKind | null,
        scale: scale ?? null,
      });
    } else {
      rows.push({ ...base, entity, unitPath: path });
    }
  }
  return { rows, issues };
}
