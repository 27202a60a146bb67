/** How the tally screens write numbers, in the reader's language: 91,5% · 1.234 · 11/2026. */
import {
  formatMonth,
  formatPeriod,
  parsePeriod,
  TARGET_SOURCE_LABELS,
  type TargetSource,
  formatNumber,
  formatPercent,
  LOW_RATING_REASON_LABELS,
  RATING_SCALES,
  type LowRatingReason,
  type ScaleId,
} from '@hailong/domain';
import { i18n } from '../../lib/i18n.svelte.ts';

/** A ratio as a percentage with one decimal; a dash when there is none. */
export const pct = (ratio: number | null | undefined, digits = 1) =>
  ratio === null || ratio === undefined ? '—' : formatPercent(ratio, i18n.locale, digits);

export const num = (value: number) => formatNumber(value, i18n.locale);

/** "11/2026". */
export const monthText = (month: string) => formatMonth(month);

/** "11/26", for a chart's axis where twelve months must fit side by side. */
export const monthShort = (month: string) => `${month.slice(5, 7)}/${month.slice(2, 4)}`;

export const levelLabel = (scale: ScaleId, level: number) =>
  RATING_SCALES[scale].levels.find((l) => l.level === level)?.label[i18n.locale] ?? String(level);

export const reasonLabel = (reason: string) =>
  LOW_RATING_REASON_LABELS[reason as LowRatingReason]?.[i18n.locale] ?? reason;

/** A reporting period in the reader's language: "quý I/2026", "Q1 2026". */
export const periodText = (period: string) => {
  const parsed = parsePeriod(period);
  return parsed ? formatPeriod(parsed, i18n.locale) : period;
};

/** Where a target comes from, as a report says it. */
export const targetSourceText = (source: TargetSource) => TARGET_SOURCE_LABELS[source][i18n.locale];
