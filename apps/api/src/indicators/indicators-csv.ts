/**
 * The indicator file as CSV, one row per indicator, for systems that read tables: column names
 * are stable ASCII (the README lists them), values are plain numbers with a dot ("0.952") so a
 * machine reads them in any locale; `display` is the Vietnamese text ("95,2%").
 */
import type { IndicatorFile } from '@hailong/contracts';
import { toCsv } from '../reports/exports/csv.ts';

export const INDICATOR_CSV_HEADER = [
  'node_id',
  'node_code',
  'period',
  'code',
  'name',
  'definition',
  'unit',
  'value',
  'display',
  'numerator',
  'denominator',
  'sample',
];

const plain = (value: number | string | null) => (value === null ? '' : String(value));

export function indicatorsCsv(file: IndicatorFile): string {
  return toCsv([
    INDICATOR_CSV_HEADER,
    ...file.indicators.map((i) => [
      file.node.id ?? '',
      file.node.code ?? '',
      file.period.id,
      i.code,
      i.name,
      i.definition,
      i.unit,
      plain(i.value),
      i.display,
      plain(i.numerator),
      plain(i.denominator),
      plain(i.sample),
    ]),
  ]);
}
