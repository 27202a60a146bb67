/** Calendar months as the tally names them: "YYYY-MM", in Asia/Ho_Chi_Minh (see `monthOf`). */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a month "YYYY-MM" (01–12). */
export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

function parse(month: string): { year: number; index: number } {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`not a month: ${month}`);
  return { year: Number(match[1]), index: Number(match[2]) - 1 };
}

function format(year: number, index: number): string {
  return `${String(year).padStart(4, '0')}-${String(index + 1).padStart(2, '0')}`;
}

/** The month `delta` months after (or before, when negative) `month`. */
export function addMonths(month: string, delta: number): string {
  const { year, index } = parse(month);
  const absolute = year * 12 + index + delta;
  return format(Math.floor(absolute / 12), ((absolute % 12) + 12) % 12);
}

/** Months from `from` to `to` inclusive, in order; empty when `to` is before `from`. */
export function monthRange(from: string, to: string): string[] {
  const count = monthsBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addMonths(from, i));
}

/** How many months `to` is after `from` (negative when before). */
export function monthsBetween(from: string, to: string): number {
  const a = parse(from);
  const b = parse(to);
  return b.year * 12 + b.index - (a.year * 12 + a.index);
}

/** The year a month belongs to: targets are set per year. */
export function yearOfMonth(month: string): number {
  return parse(month).year;
}

/** "2026-11" → "11/2026", as Vietnamese reports write a month. */
export function formatMonth(month: string): string {
  const { year, index } = parse(month);
  return `${String(index + 1).padStart(2, '0')}/${year}`;
}
