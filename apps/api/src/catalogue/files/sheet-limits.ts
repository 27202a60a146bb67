/**
 * How much of a sheet an import reads, CSV and XLSX alike. A province's catalogue is a few thousand
 * lines of eight columns, a dossier export a few thousand lines of about a dozen; the limits leave
 * room for ten times that and stop anything larger while it is being read, before it is held whole:
 * what is kept is at most `cells` short strings (tens of megabytes), whatever the file claims.
 */
import type { SheetLine } from '@hailong/domain';
import { FileUnreadable, vn } from './file-errors.ts';

export const SHEET_LIMITS = {
  /** Lines holding anything. */
  rows: 20_000,
  /** Columns: a cell with a value further right is refused (empty ones there are ignored). */
  columns: 100,
  /** Characters in one cell: Excel's own maximum (32,767), so Excel never writes more. */
  cellChars: 32_767,
  /** Cells holding a value, over the whole sheet. */
  cells: 1_000_000,
} as const;

/** "AB" for column 28. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export function cellTooLong(line: number, column: number): FileUnreadable {
  return new FileUnreadable(
    `Ô ${columnName(column)}${line} dài quá ${vn(SHEET_LIMITS.cellChars)} ký tự.`,
    line,
  );
}

/** Sheet lines as they are read, refused the moment they pass a limit. */
export class LineCollector {
  private readonly byLine = new Map<number, string[]>();
  private cells = 0;

  /** Sets the text of a cell (columns from 1); empty text beyond the last column is ignored. */
  set(line: number, column: number, text: string) {
    if (text === '') return;
    if (column > SHEET_LIMITS.columns) {
      throw new FileUnreadable(
        `Dòng ${line} có dữ liệu ở cột ${columnName(column)}, quá ${SHEET_LIMITS.columns} cột.`,
        line,
      );
    }
    if (text.length > SHEET_LIMITS.cellChars) throw cellTooLong(line, column);
    let cells = this.byLine.get(line);
    if (!cells) {
      if (this.byLine.size >= SHEET_LIMITS.rows) {
        throw new FileUnreadable(`Tệp có quá nhiều dòng (tối đa ${vn(SHEET_LIMITS.rows)}).`, line);
      }
      this.byLine.set(line, (cells = []));
    }
    if (cells[column - 1] === undefined) {
      if (++this.cells > SHEET_LIMITS.cells) {
        throw new FileUnreadable(
          `Tệp có quá nhiều ô có dữ liệu (tối đa ${vn(SHEET_LIMITS.cells)}).`,
          line,
        );
      }
    }
    cells[column - 1] = text;
  }

  get(line: number, column: number): string {
    return this.byLine.get(line)?.[column - 1] ?? '';
  }

  /** The lines holding anything, in order, each with every cell up to its last one. */
  lines(): SheetLine[] {
    return [...this.byLine]
      .sort(([a], [b]) => a - b)
      .map(([line, cells]) => ({ line, cells: Array.from(cells, (c) => c ?? '') }));
  }
}
