/**
 * Reporting periods of the plans (kỳ báo cáo): a month, a quarter, a half-year, nine months and a
 * year. Written as "2026-03", "2026-Q1", "2026-H1", "2026-9M" and "2026". A period is the list of
 * its calendar months; a tally over a period pools the months' counts (never averages rates).
 */
import { addMonths, isMonth, yearOfMonth } from './tally-months.ts';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'nine-months' | 'year';

export interface Period {
  kind: PeriodKind;
  /** The canonical text: "2026-03", "2026-Q1", "2026-H1", "2026-9M", "2026". */
  id: string;
  year: number;
  /** The calendar months it covers, in order. */
  months: string[];
}

/** Years a report may name: wide enough for any real record, narrow enough to refuse nonsense. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12])|-(9M))?$/i;

/**
 * Parses a period, or returns undefined when it is not one (or its year is out of range). Text
 * with whitespace around it is not one: callers pass the text on (a file name, a header), so
 * what was accepted must be exactly the period.
 */
export function parsePeriod(text: string): Period | undefined {
  const match = PERIOD.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  const from = (month: number, count: number) =>
    Array.from({ length: count }, (_, i) => addMonths(monthText(year, month), i));
  if (match[2])
    return { kind: 'month', id: `${year}-${match[2]}`, year, months: [`${year}-${match[2]}`] };
  if (match[3]) {
    const q = Number(match[3]);
    return { kind: 'quarter', id: `${year}-Q${q}`, year, months: from(3 * (q - 1) + 1, 3) };
  }
  if (match[4]) {
    const h = Number(match[4]);
    return { kind: 'half', id: `${year}-H${h}`, year, months: from(6 * (h - 1) + 1, 6) };
  }
  if (match[5]) return { kind: 'nine-months', id: `${year}-9M`, year, months: from(1, 9) };
  return { kind: 'year', id: String(year), year, months: from(1, 12) };
}

/** Whether `text` names a period. */
export function isPeriod(text: string): boolean {
  return parsePeriod(text) !== undefined;
}

/** The period of one month. */
export function monthPeriod(month: string): Period {
  if (!isMonth(month)) throw new RangeError(`not a month: ${month}`);
  return { kind: 'month', id: month, year: yearOfMonth(month), months: [month] };
}

/** The period of `kind` that contains `month`. */
export function periodContaining(kind: PeriodKind, month: string): Period {
  const year = yearOfMonth(month);
  const m = Number(month.slice(5, 7));
  const id =
    kind === 'month'
      ? month
      : kind === 'quarter'
        ? `${year}-Q${Math.ceil(m / 3)}`
        : kind === 'half'
          ? `${year}-H${m <= 6 ? 1 : 2}`
          : kind === 'nine-months'
            ? `${year}-9M`
            : String(year);
  return parsePeriod(id)!;
}

/**
 * The period of the same kind just before: the previous month or quarter, the other half, and for
 * nine months and a year the same span of the year before (what reports compare against).
 * Undefined when it would fall before MIN_YEAR.
 */
export function previousPeriod(period: Period): Period | undefined {
  const year = period.year;
  switch (period.kind) {
    case 'month':
      return parsePeriod(addMonths(period.id, -1));
    case 'quarter': {
      const q = Number(period.id.slice(-1));
      return parsePeriod(q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`);
    }
    case 'half':
      return parsePeriod(period.id.endsWith('2') ? `${year}-H1` : `${year - 1}-H2`);
    case 'nine-months':
      return parsePeriod(`${year - 1}-9M`);
    case 'year':
      return parsePeriod(String(year - 1));
  }
}

/** The kinds of period, in the order a picker lists them. */
export const PERIOD_KINDS: readonly PeriodKind[] = [
  'month',
  'quarter',
  'half',
  'nine-months',
  'year',
];

/** Whether a period has begun by `latestMonth` (this month): only those can be reported on. */
export function hasBegun(period: Period, latestMonth: string): boolean {
  return period.months[0]! <= latestMonth;
}

/**
 * The periods a reader may pick, per kind and newest first: those begun by `latestMonth` over the
 * last `years` calendar years (the one of `latestMonth` included).
 */
export function periodChoices(
  latestMonth: string,
  years: number,
): { kind: PeriodKind; periods: Period[] }[] {
  const latestYear = yearOfMonth(latestMonth);
  const ids = (year: number): Record<PeriodKind, string[]> => ({
    month: Array.from({ length: 12 }, (_, i) => monthText(year, 12 - i)),
    quarter: [4, 3, 2, 1].map((q) => `${year}-Q${q}`),
    half: [`${year}-H2`, `${year}-H1`],
    'nine-months': [`${year}-9M`],
    year: [String(year)],
  });
  return PERIOD_KINDS.map((kind) => ({
    kind,
    periods: Array.from({ length: years }, (_, i) => latestYear - i)
      .filter((year) => year >= MIN_YEAR)
      .flatMap((year) => ids(year)[kind].map((id) => parsePeriod(id)!))
      .filter((period) => hasBegun(period, latestMonth)),
  }));
}

/** How Vietnamese reports name a period: "tháng 03/2026", "quý I/2026", "6 tháng đầu năm 2026"… */
export function formatPeriodVi(period: Period): string {
  const roman = ['I', 'II', 'III', 'IV'];
  switch (period.kind) {
    case 'month':
      return `tháng ${period.id.slice(5, 7)}/${period.year}`;
    case 'quarter':
      return `quý ${roman[Number(period.id.slice(-1)) - 1]}/${period.year}`;
    case 'half':
      return period.id.endsWith('1')
        ? `6 tháng đầu năm ${period.year}`
        : `6 tháng cuối năm ${period.year}`;
    case 'nine-months':
      return `9 tháng năm ${period.year}`;
    case 'year':
      return `năm ${period.year}`;
  }
}

function monthText(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A period in the reader's language: "quý I/2026" or "Q1 2026". */
export function formatPeriod(period: Period, locale: 'vi' | 'en'): string {
  if (locale === 'vi') return formatPeriodVi(period);
  switch (period.kind) {
    case 'month':
      return `${EN_MONTHS[Number(period.id.slice(5, 7)) - 1]} ${period.year}`;
    case 'quarter':
      return `Q${period.id.slice(-1)} ${period.year}`;
    case 'half':
      return `${period.id.endsWith('1') ? 'first' : 'second'} half of ${period.year}`;
    case 'nine-months':
      return `first nine months of ${period.year}`;
    case 'year':
      return String(period.year);
  }
}
