/**
 * Months, years, dates and month ranges as a request may name them. Only years the product can
 * hold are accepted (2000–2100): a month such as "0000-01" passes a format check but sends date
 * arithmetic to year −1, and a range "2000-01…2100-12" asks for a thousand months of work. Both are
 * refused with 422 by the schema, before any service runs. What the server sends back uses the
 * plain formats (`Month`, `CalendarDate`): the month before January 2000 is still a month.
 */
import { z } from 'zod';
import { isIsoDate, isMonth, monthsBetween } from '@hailong/domain';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** How many months one trend request may span. */
export const MAX_TREND_MONTHS = 36;

const yearInRange = (text: string) => {
  const year = Number(text.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

/** A calendar month in Việt Nam, "YYYY-MM" (any year: for answers). */
export const Month = z.string().refine(isMonth, 'month: YYYY-MM');

/** A month a request may ask for: "YYYY-MM" with a year from 2000 to 2100. */
export const BoundedMonth = z
  .string()
  .refine(isMonth, 'month: YYYY-MM')
  .refine(yearInRange, `month: year ${MIN_YEAR}–${MAX_YEAR}`);

/**
 * A year a request may name. A query string is read as a number only when it is four digits and
 * nothing else: `Number()` alone would take "2026\n", " 2026" and "2e3" for years.
 */
export const BoundedYear = z.preprocess(
  (value) => (typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value),
  z.number().int().min(MIN_YEAR).max(MAX_YEAR),
);

/** A real calendar date "YYYY-MM-DD" with a year from 2000 to 2100. */
export const BoundedDate = z
  .string()
  .refine(isIsoDate, 'date: YYYY-MM-DD')
  .refine(yearInRange, `date: year ${MIN_YEAR}–${MAX_YEAR}`);

/**
 * Checks a month range already made of bounded months: `to` not before `from`, and at most
 * `MAX_TREND_MONTHS` months in all. Issues go on `to`.
 */
export function checkMonthRange(from: string, to: string, ctx: z.RefinementCtx): void {
  // The months' own issues are reported already; a range of non-months has no span.
  if (!isMonth(from) || !isMonth(to)) return;
  const span = monthsBetween(from, to);
  if (span < 0) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  } else if (span + 1 > MAX_TREND_MONTHS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `at most ${MAX_TREND_MONTHS} months`,
    });
  }
}
