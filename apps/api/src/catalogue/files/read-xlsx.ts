/**
 * A catalogue workbook as sheet lines: the first worksheet that has the header row (the template
 * puts "Danh mục" first and "Hướng dẫn" after it), each row with its row number. Formulas count by
 * their cached result, rich text by its characters, numbers as written.
 *
 * Read without trusting the file: the zip's table of contents is checked first (zip-directory.ts),
 * then only the parts needed are inflated, as streams held to their declared sizes, and parsed as
 * they inflate, stopping at the first line past a limit (sheet-limits.ts). Sheets after the one
 * wanted are never inflated.
 */
import { readCatalogueTable, type SheetLine } from '@hailong/domain';
import type { TableCheck } from './read-csv.ts';
import { readWorkbook } from './xlsx-parts.ts';
import { readWorksheet } from './xlsx-sheet.ts';
import { readZipDirectory } from './zip-directory.ts';

/** Reads the bytes of an XLSX workbook. */
export async function readXlsx(
  bytes: Uint8Array,
  fits: TableCheck = (lines) => readCatalogueTable(lines).issues.length === 0,
): Promise<SheetLine[]> {
  const parts = new Map(readZipDirectory(bytes).map((e) => [e.name, e]));
  const book = await readWorkbook(bytes, parts);
  let first: SheetLine[] | undefined;
  for (const sheet of book.sheets) {
    const lines = await readWorksheet(bytes, sheet, book);
    if (fits(lines)) return lines;
    first ??= lines;
  }
  return first ?? [];
}
