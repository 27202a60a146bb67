/**
 * The cells of an export, independent of its format. Text that a spreadsheet would read as a formula
 * (=, +, -, @, tab, CR at the start: OWASP "CSV injection") is neutralised with a leading single
 * quote, in CSV and XLSX alike: a sector named "=HYPERLINK(…)" must stay text on every leader's PC.
 * Numbers stay numbers.
 */

export type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'count'; value: number }
  /** A ratio in [0, 1], shown as a percentage; null prints as empty. */
  | { kind: 'ratio'; value: number | null };

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes text that a spreadsheet would evaluate with a single quote. */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export const text = (value: string): Cell => ({ kind: 'text', value: neutralize(value) });
export const count = (value: number): Cell => ({ kind: 'count', value });
export const ratio = (value: number | null): Cell => ({ kind: 'ratio', value });
export const blank: Cell = { kind: 'text', value: '' };
