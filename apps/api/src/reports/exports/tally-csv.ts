import type { MonthTally } from '@hailong/contracts';
import type { Cell } from './cells.ts';
import { toCsv } from './csv.ts';
import { reportTitle, summaryTable, unitTable } from './tally-table.ts';

type Row = (Cell | string)[];

/** The monthly report as CSV: one unit's table, or a summary and then every unit's table. */
export function tallyCsv(tally: MonthTally, generatedOn: string): string {
  const tables = tally.units.map((unit) => unitTable(tally, unit, generatedOn));
  const rows: Row[] = [];
  if (tables.length === 1) {
    const table = tables[0]!;
    rows.push(...table.heading.map((line) => [line]), [], table.header, ...table.rows, []);
    rows.push(...table.footer);
    return toCsv(rows);
  }
  const summary = summaryTable(tally);
  rows.push(
    [reportTitle(tally.month)],
    [`Đơn vị: Tất cả đơn vị (${tally.units.length})`],
    [`Ngày lập: ${generatedOn}`],
    [],
    summary.header,
    ...summary.rows,
  );
  for (const table of tables) {
    rows.push([], [table.heading[1]!], [table.heading[2]!], table.header, ...table.rows);
    // Each unit's reasons and feedback figure; the reading note is written once at the end.
    rows.push(...table.footer.slice(0, -1));
  }
  rows.push([], tables[0]?.footer.at(-1) ?? []);
  return toCsv(rows);
}
