/**
 * Imports cannot exhaust the server (issue 21, item 8): workbooks built to expand (declared
 * gigabytes, lying sizes, a bomb's compression ratio, thousands of parts, cells in the last of
 * Excel's 16,384 columns, a merged range over the whole sheet) and CSV files built to be held whole
 * (a 4 MB cell, a line of hundreds of cells) are refused with 413 or 422 by both imports, change
 * nothing, and cost only what the reader inflated before it stopped, which is asserted, part by part.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import type { Session } from '../../../../test/support/api-client.ts';
import { watchReads, type PartRead } from './files/read-meter.ts';
import { SHEET_LIMITS } from './files/sheet-limits.ts';
import { ZIP_LIMITS } from './files/zip-directory.ts';
import {
  inlineCell,
  part,
  repeated,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookParts,
  zipOf,
} from './files/zip-fixture.ts';
import {
  catalogueState,
  importWorld,
  XLSX_TYPE,
  type ImportWorld,
} from '../../test/fixtures/catalogue-import-fixture.ts';

const SHEET = 'xl/worksheets/sheet1.xml';
const CHUNK = 64 * 1024;
const MB = 1024 * 1024;
const ROW = `<row>${inlineCell('A1', 'x').replace(' r="A1"', '')}</row>`;

/** A workbook whose one sheet inflates to `times` MiB of rows, declaring `declared` bytes. */
function inflating(times: number, declared?: number): Uint8Array {
  const { data, size } = repeated(
    SHEET_HEAD,
    ROW.repeat(Math.ceil(MB / ROW.length)),
    times,
    SHEET_TAIL,
  );
  return zipOf(workbookParts({ name: SHEET, data, size: declared ?? size }));
}

const sheetOf = (rows: string) => zipOf(workbookParts(part(SHEET, SHEET_HEAD + rows + SHEET_TAIL)));

/** 20,000 lines, each with a cell in column XFD: about 300 KB, which ExcelJS spread over 2.4 GB. */
function lastColumn(): Uint8Array {
  let rows = '';
  for (let i = 1; i <= 20_000; i++) {
    rows += `<row r="${i}">${inlineCell(`A${i}`, `HS-${(i * 7919) % 100_003}`)}<c r="XFD${i}"><v>${i * 31}</v></c></row>`;
  }
  return sheetOf(rows);
}

function lines(n: number): string {
  let rows = '';
  for (let i = 1; i <= n; i++) rows += `<row r="${i}">${inlineCell(`A${i}`, `dong-${i}`)}</row>`;
  return rows;
}

const csv = (text: string) => new TextEncoder().encode(text);

describe.each(dialects)('imports refuse what would exhaust the server, on %s', (dialect) => {
  let w: ImportWorld;
  let reads: PartRead[];
  let stop: () => void;
  beforeEach(async () => {
    w = await importWorld(dialect);
    reads = [];
    stop = watchReads((r) => reads.push(r));
  });
  afterEach(async () => {
    stop();
    await w?.database.close();
  });

  const send = (session: Session, path: string, bytes: Uint8Array, xlsx: boolean) =>
    session.send('POST', path, {
      raw: bytes,
      headers: { 'content-type': xlsx ? XLSX_TYPE : 'text/csv' },
    });

  /** The file sent to both imports at once, applying: each answers `status` and `code`. */
  async function refusedByBoth(bytes: Uint8Array, status: number, message: RegExp, xlsx = true) {
    const before = await catalogueState(w.database);
    const answers = await Promise.all([
      send(w.admin, '/api/v1/catalogue/import/apply', bytes, xlsx),
      send(w.admin, '/api/v1/catalogue/import?dryRun=1', bytes, xlsx),
      send(w.admin, '/api/v1/dossiers/import?dryRun=0', bytes, xlsx),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(status);
      const { error } = await res.json();
      expect(error.code).toBe(status === 413 ? 'payload_too_large' : 'import_invalid');
      expect(error.message).toMatch(message);
    }
    expect(await catalogueState(w.database)).toEqual(before);
  }

  const inflatedFrom = (name: string) => reads.filter((r) => r.part === name);

  it('refuses a workbook declaring a gigabyte before inflating any part of it', async () => {
    const bomb = inflating(1024);
    expect(bomb.length).toBeLessThan(4 * MB);
    await refusedByBoth(bomb, 413, /giải nén ra quá lớn/);
    expect(reads).toEqual([]);
  });

  it('refuses a part compressed as only a bomb is, before inflating it', async () => {
    const bomb = inflating(10);
    expect(bomb.length).toBeLessThan(ZIP_LIMITS.inflatedBytes / ZIP_LIMITS.ratio);
    await refusedByBoth(bomb, 413, /nén bất thường/);
    expect(reads).toEqual([]);
  });

  it('refuses a workbook of more parts than any workbook has, before inflating any', async () => {
    const parts = Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) =>
      part(`xl/media/image${i}.png`, 'x'),
    );
    await refusedByBoth(zipOf(parts), 413, /quá nhiều phần/);
    expect(reads).toEqual([]);
  });

  it('stops inflating a part the moment it passes the size it declared', async () => {
    // Declares 20 KB (no ratio to suspect); really inflates to a gigabyte.
    const declared = 20_000;
    await refusedByBoth(inflating(1024, declared), 422, /bị hỏng/);
    const sheet = inflatedFrom(SHEET);
    expect(sheet).toHaveLength(3);
    for (const read of sheet) {
      expect(read.bytes).toBeGreaterThan(declared);
      expect(read.bytes).toBeLessThanOrEqual(declared + CHUNK);
    }
  });

  it('stops at the first cell past the last column: the 300 KB file ExcelJS spread over gigabytes', async () => {
    const file = lastColumn();
    expect(file.length).toBeGreaterThan(250_000);
    await refusedByBoth(file, 422, new RegExp(`cột XFD, quá ${SHEET_LIMITS.columns} cột`));
    for (const read of inflatedFrom(SHEET)) expect(read.bytes).toBeLessThanOrEqual(2 * CHUNK);
  });

  it('stops at the line past the row limit, and at a merged range over the whole sheet', async () => {
    const many = sheetOf(lines(SHEET_LIMITS.rows + 5_000));
    await refusedByBoth(many, 422, /quá nhiều dòng/);
    for (const read of inflatedFrom(SHEET)) expect(read.bytes).toBeLessThan(read.declared);
    reads.length = 0;
    const merged = zipOf(
      workbookParts(
        part(
          SHEET,
          `${SHEET_HEAD}<row r="1">${inlineCell('A1', 'gộp')}</row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`,
        ),
      ),
    );
    await refusedByBoth(merged, 422, /quá 100 cột/);
  });

  it('refuses a CSV cell longer than a cell may be, having decoded only the start of it', async () => {
    const file = csv(`Loại,Mã,Thuộc,Tên\r\nđơn vị,tinh,,"${'x'.repeat(4 * MB)}"\r\n`);
    await refusedByBoth(file, 422, /Ô D2 dài quá 32\.767 ký tự/, false);
    const decoded = inflatedFrom('csv');
    // Read with commas, then with semicolons (the first reading found no table): twice the start.
    expect(decoded.length).toBeGreaterThan(0);
    for (const read of decoded) expect(read.bytes).toBeLessThanOrEqual(2 * CHUNK);
  });

  it('refuses a CSV line with more columns than a sheet may have', async () => {
    const wide = Array.from({ length: SHEET_LIMITS.columns + 50 }, (_, i) => `c${i}`).join(';');
    const file = csv(`Loại;Mã;Thuộc;Tên\r\n${wide}\r\n`);
    await refusedByBoth(file, 422, new RegExp(`quá ${SHEET_LIMITS.columns} cột`), false);
  });
});
