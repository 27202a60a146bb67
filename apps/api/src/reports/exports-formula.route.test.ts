/**
 * Sector names that a spreadsheet would evaluate once blanks, full-width forms or line breaks stand
 * before the formula character: the exported CSV and XLSX, read back, hold them as text only.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../../test/support/databases.ts';
import { parseCsv, tallyWorld, type TallyWorld } from '../../test/fixtures/tally-fixture.ts';

/** Each hostile name, and the text it must come back as. */
const HOSTILE: [string, string][] = [
  [' =HYPERLINK("http://x.invalid","Bấm")', `' =HYPERLINK("http://x.invalid","Bấm")`],
  ['＝1+1', "'＝1+1"],
  ['\u3000＋SUM(A1)', "'\u3000＋SUM(A1)"],
  ['\n@SUM(A1)', "'\n'@SUM(A1)"],
  ['Hộ tịch\r\n-2+3', "Hộ tịch\r\n'-2+3"],
];

/** Whether a line starts, after blanks, with something a spreadsheet evaluates. */
const formulaLine = (line: string) => /^[\s\u200b-\u200d\u2060]*[=+\-@＝＋－＠]/.test(line);
const lines = (text: string) => text.split(/\r\n|\r|\n/);

describe.each(dialects)('formula-safe exports on %s', (dialect) => {
  let w: TallyWorld;
  beforeAll(async () => {
    w = await tallyWorld(dialect);
    for (const [i, [name]] of HOSTILE.entries()) {
      await w.database.repos.catalogue.createSector({
        id: randomUUID(),
        unitId: w.unit.id,
        code: `hostile-${i}`,
        name,
        sortOrder: 100 + i,
        createdAt: w.clock.now,
        archivedAt: null,
        updatedAt: null,
      });
    }
  });
  afterAll(() => w?.database.close());

  it('writes the CSV so that neither a spreadsheet nor a line-splitting reader finds a formula', async () => {
    const res = await w.admin.get(`/api/v1/exports/tally.csv?month=2026-11&unitId=${w.unit.id}`);
    expect(res.status).toBe(200);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    for (const line of lines(text)) expect(formulaLine(line), line).toBe(false);
    const rows = parseCsv(text);
    for (const field of rows.flat()) {
      for (const line of lines(field)) expect(formulaLine(line), field).toBe(false);
    }
    const names = rows.map((r) => r[1]);
    for (const [, expected] of HOSTILE) expect(names).toContain(expected);
  });

  it('writes the workbook with every hostile name as text, on one line or many', async () => {
    const res = await w.admin.get(`/api/v1/exports/tally.xlsx?month=2026-11&unitId=${w.unit.id}`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const names: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value !== 'string') return;
        for (const line of lines(cell.value)) expect(formulaLine(line), cell.value).toBe(false);
      });
      names.push(String(row.getCell(2).value ?? ''));
    });
    // XML keeps line breaks as LF only.
    for (const [, expected] of HOSTILE) expect(names).toContain(expected.replace(/\r\n?/g, '\n'));
  });
});
