/**
 * A catalogue CSV as sheet lines: UTF-8 with or without a byte-order mark, comma or semicolon
 * (Excel on a Vietnamese desktop saves "CSV UTF-8" with commas, some locales with semicolons; a
 * first line `sep=;` says which), quoted per RFC 4180, any line ending. Each record keeps the
 * number of the line it starts on, so errors point where the user looks in a text editor.
 *
 * Decoded and parsed as a stream, 64 KiB at a time, under the same limits as a workbook
 * (sheet-limits.ts): a 4 MB cell or a line of a million commas is refused where it passes the limit.
 */
import { readCatalogueTable, type SheetLine } from '@hailong/domain';
import { FileUnreadable } from './file-errors.ts';
import { reportRead } from './read-meter.ts';
import { cellTooLong, LineCollector, SHEET_LIMITS } from './sheet-limits.ts';

const CHUNK = 64 * 1024;

/** A CSV parser fed text in pieces; a piece may end anywhere, even between `\r` and `\n`. */
class CsvParser {
  readonly lines = new LineCollector();
  private column = 1;
  private cell = '';
  private line = 1;
  private start = 1;
  private quoted = false;
  /** A `"` was just read inside quotes: an escaped quote if another follows, else the closing one. */
  private quoteAhead = false;
  /** A `\r` was just read: a `\n` right after it is the same line ending. */
  private afterCr = false;

  constructor(private readonly delimiter: string) {}

  private endCell() {
    this.lines.set(this.start, this.column, this.cell);
    this.cell = '';
    this.column += 1;
  }

  private endRecord() {
    this.endCell();
    this.column = 1;
  }

  private add(ch: string) {
    this.cell += ch;
    if (this.cell.length > SHEET_LIMITS.cellChars) throw cellTooLong(this.start, this.column);
  }

  push(text: string) {
    for (const ch of text) {
      const afterCr = this.afterCr;
      this.afterCr = false;
      if (this.quoteAhead) {
        this.quoteAhead = false;
        if (ch === '"') {
          this.add('"');
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        if (ch === '"') this.quoteAhead = true;
        else {
          // A line break inside quotes stays in the cell; `\r\n` counts as one line.
          if (ch === '\r' || (ch === '\n' && !afterCr)) this.line++;
          this.afterCr = ch === '\r';
          this.add(ch);
        }
      } else if (ch === '\n' && afterCr) {
        continue;
      } else if (ch === '"' && this.cell === '') {
        this.quoted = true;
      } else if (ch === this.delimiter) {
        this.endCell();
      } else if (ch === '\r' || ch === '\n') {
        this.afterCr = ch === '\r';
        this.endRecord();
        this.line++;
        this.start = this.line;
      } else this.add(ch);
    }
  }

  end(): SheetLine[] {
    if (this.cell !== '' || this.column > 1) this.endRecord();
    return this.lines.lines();
  }
}

/** Splits `text` into records with the line each starts on. */
export function parseCsv(text: string, delimiter: string): SheetLine[] {
  const parser = new CsvParser(delimiter);
  parser.push(text);
  return parser.end();
}

/** Whether lines hold the table a reader wants (its header row is found without issue). */
export type TableCheck = (lines: readonly SheetLine[]) => boolean;

const isCatalogue: TableCheck = (lines) => readCatalogueTable(lines).issues.length === 0;

const notUtf8 = () =>
  new FileUnreadable(
    'Tệp CSV không phải mã UTF-8. Trong Excel hãy chọn “Lưu thành” → “CSV UTF-8 (phân tách bằng dấu phẩy)”.',
  );

/** Parses `bytes` with `delimiter` (after `skip` characters), decoding them a chunk at a time. */
function parse(bytes: Uint8Array, delimiter: string, skip: number): SheetLine[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parser = new CsvParser(delimiter);
  let read = 0;
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const chunk = bytes.subarray(at, at + CHUNK);
      read += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: at + CHUNK < bytes.length });
      } catch {
        throw notUtf8();
      }
      if (text.includes('\u0000'))
        throw new FileUnreadable('Tệp không phải CSV (có ký tự nhị phân).');
      if (at === 0) text = text.slice(skip);
      parser.push(text);
    }
    return parser.end();
  } finally {
    reportRead({ part: 'csv', declared: bytes.length, bytes: read });
  }
}

/**
 * Reads the bytes of a CSV file; refuses what is not UTF-8. Without a `sep=` line, commas are
 * tried, then semicolons, and the first reading in which `fits` finds its table wins.
 */
export function readCsv(bytes: Uint8Array, fits: TableCheck = isCatalogue): SheetLine[] {
  let head: string;
  try {
    head = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 16), {
      stream: true,
    });
  } catch {
    throw notUtf8();
  }
  const sep = /^sep=(.)\r?\n/i.exec(head);
  if (sep) {
    // The `sep=` line is line 1; records are numbered as the file shows them.
    const lines = parse(bytes, sep[1]!, sep[0].length);
    return lines.map((l) => ({ ...l, line: l.line + 1 }));
  }
  // A semicolon file whose cells hold commas may pass a limit read with commas: try it anyway. When
  // neither reading finds the table, the comma reading's lines (or its refusal) are the answer.
  let comma: SheetLine[] | FileUnreadable;
  try {
    comma = parse(bytes, ',', 0);
    if (fits(comma)) return comma;
  } catch (err) {
    if (!(err instanceof FileUnreadable)) throw err;
    comma = err;
  }
  let semicolon: SheetLine[];
  try {
    semicolon = parse(bytes, ';', 0);
  } catch (err) {
    throw comma instanceof FileUnreadable ? comma : err;
  }
  if (fits(semicolon)) return semicolon;
  if (comma instanceof FileUnreadable) throw comma;
  return comma;
}
