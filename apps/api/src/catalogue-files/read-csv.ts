/**
 * A catalogue CSV as sheet lines: UTF-8 with or without a byte-order mark, comma or semicolon
 * (Excel on a Vietnamese desktop saves "CSV UTF-8" with commas, some locales with semicolons; a
 * first line `sep=;` says which), quoted per RFC 4180, any line ending. Each record keeps the
 * number of the line it starts on, so errors point where the user looks in a text editor.
 */
import { readCatalogueTable, type SheetLine } from '@hailong/domain';
import { FileUnreadable } from './file-errors.ts';

/** Splits `text` into records with the line each starts on. */
export function parseCsv(text: string, delimiter: string): SheetLine[] {
  const out: SheetLine[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let touched = false;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (touched || cells.length > 1 || cells[0] !== '') out.push({ line: start, cells });
    cells = [];
    touched = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = touched = true;
    } else if (ch === delimiter) {
      endCell();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0 || touched) endRecord();
  return out;
}

/** Whether lines hold the table a reader wants (its header row is found without issue). */
export type TableCheck = (lines: readonly SheetLine[]) => boolean;

const isCatalogue: TableCheck = (lines) => readCatalogueTable(lines).issues.length === 0;

/**
 * Reads the bytes of a CSV file; refuses what is not UTF-8. Without a `sep=` line, commas are
 * tried, then semicolons, and the first reading in which `fits` finds its table wins.
 */
export function readCsv(bytes: Uint8Array, fits: TableCheck = isCatalogue): SheetLine[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileUnreadable(
      'Tệp CSV không phải mã UTF-8. Trong Excel hãy chọn “Lưu thành” → “CSV UTF-8 (phân tách bằng dấu phẩy)”.',
    );
  }
  if (text.includes('\u0000')) throw new FileUnreadable('Tệp không phải CSV (có ký tự nhị phân).');
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    // The `sep=` line is line 1; records are numbered as the file shows them.
    const lines = parseCsv(text.slice(sep[0].length), sep[1]!);
    return lines.map((l) => ({ ...l, line: l.line + 1 }));
  }
  const comma = parseCsv(text, ',');
  if (fits(comma)) return comma;
  const semicolon = parseCsv(text, ';');
  return fits(semicolon) ? semicolon : comma;
}
