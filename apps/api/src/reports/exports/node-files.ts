/** The report of a node for a period as CSV (sections one after another) or XLSX (a sheet each). */
import ExcelJS from 'exceljs';
import { parsePeriod } from '@hailong/domain';
import type { Cell } from './cells.ts';
import { toCsv } from './csv.ts';
import type { NodeReport, NodeSection } from './node-table.ts';
import { addSheet, sheetName } from './xlsx-sheet.ts';
import { sheetHeading, type SheetParties } from './sheet-header.ts';

export function nodeCsv(report: NodeReport): string {
  const rows: (Cell | string)[][] = report.heading.map((line) => [line]);
  for (const section of report.sections) {
    rows.push([], [section.title], section.header, ...section.rows);
    if (section.footer.length > 0) rows.push([], ...section.footer);
  }
  return toCsv(rows);
}

/** The workbook: a sheet per section of the report, then one more per `extra` (the comments). */
export async function nodeXlsx(
  report: NodeReport,
  parties: SheetParties,
  extra: readonly NodeSection[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hailong';
  workbook.created = new Date(parties.createdAt);
  workbook.title = report.title;
  const period = parsePeriod(report.period)!;
  const taken = new Set<string>();
  for (const section of [...report.sections, ...extra]) {
    addSheet(workbook, sheetName(section.sheet, taken), {
      heading: sheetHeading(parties, report.title, period, `${report.subject} · ${section.title}`),
      header: section.header,
      widths: section.widths,
      rows: section.rows,
      unmet: section.unmet,
      bold: section.bold,
      verdictColumn: section.header.indexOf('Kết quả'),
      footer: section.footer,
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
