/**
 * How the TT 01 table writes its figures, in the reader's language and without touching the page's
 * state (so it is tested on its own): points "1,25", a total "8,5 / 10" out of what was measured,
 * "—" for what nobody measured (never 0: a score nobody measured must not read as a bad one).
 */
import { formatNumber, formatPercent, type Indicator, type Locale } from '@hailong/domain';

const DASH = '—';

/** An indicator's mean points (0–2, two decimals at most); a dash when not measured. */
export function pointsText(points: number | null, locale: Locale): string {
  return points === null ? DASH : formatNumber(points, locale);
}

/** "8,5 / 10": the total out of the points measured; a dash when nothing was measured. */
export function totalText(total: number | null, maxMeasured: number, locale: Locale): string {
  return total === null || maxMeasured === 0
    ? DASH
    : `${formatNumber(total, locale)} / ${formatNumber(maxMeasured, locale)}`;
}

/** "CS3, CS4": indicators named by their columns' heads. */
export const indicatorCodes = (indicators: readonly Indicator[]) =>
  indicators.map(indicatorCode).join(', ');

/** A satisfaction rate "91,5%"; a dash without answers. */
export function rateText(rate: number | null, locale: Locale): string {
  return rate === null ? DASH : formatPercent(rate, locale);
}

/** The 95 % interval "88,1% – 94,2%"; empty without one (the rate's dash says it all). */
export function intervalText(interval: { low: number; high: number } | null, locale: Locale) {
  return interval === null
    ? ''
    : `${formatPercent(interval.low, locale)} – ${formatPercent(interval.high, locale)}`;
}

/** "120 / 95": the period's dossiers and those a citizen rated; a dash when there were none. */
export function dossiersText(dossiers: number, rated: number, locale: Locale): string {
  return dossiers === 0
    ? DASH
    : `${formatNumber(dossiers, locale)} / ${formatNumber(rated, locale)}`;
}

/** The short name of an indicator as the table heads its column: "CS1" … "CS9" (chỉ số). */
export const indicatorCode = (indicator: Indicator) => `CS${indicator}`;
