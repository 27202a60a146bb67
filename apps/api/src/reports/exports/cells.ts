import {
  LOW_RATING_REASON_LABELS,
  NO_TARGET_TEXT,
  RATE_VERDICT_TEXT,
  type LowRatingReason,
  type RateVerdict,
} from '@hailong/domain';

/**
 * The cells of an export, independent of its format. Text that a spreadsheet would read as a formula
 * (OWASP "CSV injection") is neutralised with a single quote, in CSV and XLSX alike: a sector named
 * "=HYPERLINK(…)" must stay text on every leader's PC. Numbers stay numbers.
 */

export type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'count'; value: number }
  /**
   * A ratio in [0, 1], shown as a percentage; null prints as empty. Rates and intervals have one
   * decimal, as on the screen and the public page; a target two, as it may be set (91,25%).
   */
  | { kind: 'ratio'; value: number | null; digits: 1 | 2 }
  /** TT 01/2018 points (0–2, or a total), two decimals; null prints as empty. */
  | { kind: 'points'; value: number | null };

/*
 * Formula characters include their full-width forms: Excel under an East Asian input method reads
 * "＝1+1" as "=1+1". Blanks before one do not stop a spreadsheet either: spaces of any width, tabs,
 * zero-width characters, and (at the start of a cell) line breaks.
 */
/** The start of every line, in the text or as a reader splitting on raw line breaks sees it. */
const FORMULA_LINE = /(^|\r\n|\r|\n)(?=(?:[^\S\r\n]|[\u200B-\u200D\u2060])*[=+\-@＝＋－＠])/g;
/** A cell that would be evaluated: blanks then a formula, or a tab or line break first (OWASP). */
const FORMULA_CELL = /^(?:[\s\u200B-\u200D\u2060]*[=+\-@＝＋－＠]|[\t\r\n])/;

/**
 * Text that no spreadsheet evaluates: a quote before every line that starts (after blanks) with a
 * formula character, so that a reader splitting a quoted cell on its line breaks finds no formula
 * either, and a quote first when the cell would start one. Idempotent; only ever adds quotes.
 */
export function neutralize(text: string): string {
  const lines = text.replace(FORMULA_LINE, "$1'");
  return FORMULA_CELL.test(text) && !lines.startsWith("'") ? `'${lines}` : lines;
}

export const text = (value: string): Cell => ({ kind: 'text', value: neutralize(value) });
export const count = (value: number): Cell => ({ kind: 'count', value });
export const ratio = (value: number | null, digits: 1 | 2 = 1): Cell => ({
  kind: 'ratio',
  value,
  digits,
});
export const points = (value: number | null): Cell => ({ kind: 'points', value });
export const blank: Cell = { kind: 'text', value: '' };

/**
 * The "Kết quả" cell: the verdict in words (rate-verdict.ts decides it), a dash without answers,
 * and "Chưa đặt chỉ tiêu chung" for a headline with no overall target.
 */
export const verdict = (f: { total: number; verdict: RateVerdict | null }) =>
  f.total === 0 ? '—' : f.verdict === null ? NO_TARGET_TEXT.vi : RATE_VERDICT_TEXT[f.verdict].vi;

export const reasonLabel = (reason: string) =>
  LOW_RATING_REASON_LABELS[reason as LowRatingReason]?.vi ?? reason;

// One formatter each, made once: building an Intl.NumberFormat per cell (as formatPercent does)
// costs more than the rest of a 200-unit report together. Same output: 91,52%.
const viPercent = {
  1: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }),
  2: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
};

/** A percentage as the CSV writes it: 91,5% (formatPercent(value, 'vi', digits)). */
export const percentText = (value: number | null, digits: 1 | 2 = 1) =>
  value === null ? '' : `${viPercent[digits].format(value * 100)}%`;
