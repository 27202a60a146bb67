/**
 * One worksheet's XML as sheet lines, read as it inflates: each cell's text goes straight into a
 * LineCollector, which refuses the file at the first cell past a limit; and merged ranges give
 * every cell of the range the text of its first one, as ExcelJS did.
 */
import type { SheetLine } from '@hailong/domain';
import { FileUnreadable, vn } from './file-errors.ts';
import { cellTooLong, LineCollector, SHEET_LIMITS } from './sheet-limits.ts';
import type { Workbook } from './xlsx-parts.ts';
import { parseXml } from './xml-stream.ts';
import { inflateEntry } from './zip-inflate.ts';
import type { ZipEntry } from './zip-directory.ts';

/** Column 28 for "AB"; anything past Excel's last column (XFD) is just "too far". */
function columnOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return letters.length > 3 ? Number.MAX_SAFE_INTEGER : n;
}

const REF = /^\$?([A-Z]+)\$?(\d+)$/;

function parseRef(ref: string): { column: number; line: number } | undefined {
  const m = REF.exec(ref.toUpperCase());
  return m ? { column: columnOf(m[1]!), line: Number(m[2]) } : undefined;
}

interface Cell {
  line: number;
  column: number;
  type: string;
  style: number;
  /** The text of `<v>`, or of the `<t>`s of `<is>`; undefined when the cell has none. */
  value: string | undefined;
}

function textOf(cell: Cell, book: Workbook): string {
  const { type, value } = cell;
  if (value === undefined || value === '' || type === 'e') return '';
  if (type === 's') {
    const text = book.strings[Number.parseInt(value, 10)];
    if (text === null) throw cellTooLong(cell.line, cell.column);
    return text ?? '';
  }
  if (type === 'str' || type === 'inlineStr' || type === 'd') return value;
  if (type === 'b') return Number.parseInt(value, 10) !== 0 ? 'true' : 'false';
  const n = Number.parseFloat(value);
  if (cell.style > 0 && book.dateStyles[cell.style]) {
    const date = new Date(Math.round((n - 25569 + (book.date1904 ? 1462 : 0)) * 86_400_000));
    return Number.isNaN(date.getTime()) ? '' : date.toISOString();
  }
  return String(n);
}

/** Gives every cell of each merged range the text of the range's first cell. */
function applyMerges(lines: LineCollector, merges: string[]) {
  for (const range of merges) {
    const [from, to] = range.split(':').map((r) => parseRef(r));
    if (!from || !to) continue;
    const text = lines.get(from.line, from.column);
    if (text === '') continue;
    for (let line = from.line; line <= to.line; line++) {
      for (let column = from.column; column <= to.column; column++) {
        lines.set(line, column, text);
      }
    }
  }
}

export async function readWorksheet(
  zip: Uint8Array,
  entry: ZipEntry,
  book: Workbook,
): Promise<SheetLine[]> {
  const lines = new LineCollector();
  const merges: string[] = [];
  let line = 0;
  let column = 0;
  let cell: Cell | undefined;
  /** Inside `<v>`, or a `<t>` of `<is>` (not of its phonetic reading `<rPh>`). */
  let collecting = false;
  let phonetic = false;
  await parseXml(inflateEntry(zip, entry), {
    open(name, a) {
      if (name === 'row') {
        line = Number(a.r) || line + 1;
        column = 0;
      } else if (name === 'c') {
        const at = a.r ? parseRef(a.r) : undefined;
        column = at?.column ?? column + 1;
        cell = { line, column, type: a.t ?? 'n', style: Number(a.s ?? 0), value: undefined };
      } else if (cell && (name === 'v' || (name === 't' && !phonetic))) {
        collecting = true;
        cell.value ??= '';
      } else if (name === 'rPh') phonetic = true;
      else if (name === 'mergeCell' && a.ref) {
        if (merges.length >= SHEET_LIMITS.cells) {
          throw new FileUnreadable(
            `Tệp có quá nhiều vùng ô gộp (tối đa ${vn(SHEET_LIMITS.cells)}).`,
          );
        }
        merges.push(a.ref);
      }
    },
    text(text) {
      if (!collecting || !cell) return;
      cell.value += text;
      if (cell.value!.length > SHEET_LIMITS.cellChars) throw cellTooLong(cell.line, cell.column);
    },
    close(name) {
      if (name === 'v' || name === 't') collecting = false;
      else if (name === 'rPh') phonetic = false;
      else if (name === 'c' && cell) {
        lines.set(cell.line, cell.column, textOf(cell, book));
        cell = undefined;
      }
    },
  });
  applyMerges(lines, merges);
  return lines.lines();
}
