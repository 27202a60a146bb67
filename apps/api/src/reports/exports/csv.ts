/**
 * CSV as spreadsheets on Vietnamese desktops open it: UTF-8 with a byte-order mark (without it Excel
 * reads the diacritics as Windows-1252), comma-separated, CRLF, quoted per RFC 4180. Percentages are
 * written the Vietnamese way (91,5%), inside quotes because of the comma.
 */
import { neutralize, percentText, type Cell } from './cells.ts';

const BOM = '\uFEFF';

function field(cell: Cell | string): string {
  const value =
    typeof cell === 'string'
      ? neutralize(cell)
      : cell.kind === 'text'
        ? cell.value
        : cell.kind === 'count'
          ? String(cell.value)
          : cell.kind === 'points'
            ? cell.value === null
              ? ''
              : cell.value.toFixed(2).replace('.', ',')
            : percentText(cell.value, cell.digits);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV text of `rows`; plain strings are neutralised like text cells. */
export function toCsv(rows: readonly (readonly (Cell | string)[])[]): string {
  return BOM + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
