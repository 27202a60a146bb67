/** Vietnamese number and date formats: 1.234 · 91,5% · 23/11/2026. */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type Locale = 'vi' | 'en';

const intlLocale = (locale: Locale) => (locale === 'vi' ? 'vi-VN' : 'en-GB');

// Building an Intl formatter costs far more than using one, and exports format thousands of cells.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}/${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), {
      maximumFractionDigits,
      minimumFractionDigits: 0,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** 1234 → "1.234" (vi) or "1,234" (en). */
export function formatNumber(value: number, locale: Locale = 'vi'): string {
  return numberFormat(locale, 2).format(value);
}

/** A ratio in [0, 1] as a percentage with up to `digits` decimals: 0.915 → "91,5%". */
export function formatPercent(ratio: number, locale: Locale = 'vi', digits = 1): string {
  return `${numberFormat(locale, digits).format(ratio * 100)}%`;
}

function parts(epochMs: number, timeZone: string) {
  const fields = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => fields.find((p) => p.type === type)?.value ?? '';
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute') };
}

/** The calendar date in Việt Nam as dd/mm/yyyy. */
export function formatDate(epochMs: number, timeZone = TIME_ZONE): string {
  const p = parts(epochMs, timeZone);
  return `${p.d}/${p.m}/${p.y}`;
}

/** Date and time in Việt Nam as dd/mm/yyyy HH:mm. */
export function formatDateTime(epochMs: number, timeZone = TIME_ZONE): string {
  const p = parts(epochMs, timeZone);
  return `${p.d}/${p.m}/${p.y} ${p.h}:${p.min}`;
}

/** The calendar year in Việt Nam at an instant (targets are set per year). */
export function yearAt(epochMs: number, timeZone = TIME_ZONE): number {
  return Number(parts(epochMs, timeZone).y);
}

/**
 * A phone number grouped for reading, as Vietnamese write them: 0912 345 678, +84 912 345 678,
 * 024 3825 1234 (an area code of 02x before an eight-digit number). Anything else is left as typed.
 */
export function formatPhone(phone: string): string {
  const compact = phone.replace(/[\s.()-]/g, '');
  const match = /^(\+84|0)(\d{9,10})$/.exec(compact);
  if (!match) return phone;
  const [, prefix, rest] = match as unknown as [string, string, string];
  const groups =
    rest.length === 10 && rest.startsWith('2')
      ? [rest.slice(0, 2), rest.slice(2, 6), rest.slice(6)]
      : rest.length === 9
        ? [rest.slice(0, 3), rest.slice(3, 6), rest.slice(6)]
        : null;
  if (!groups) return phone;
  return prefix === '0' ? `0${groups.join(' ')}` : `+84 ${groups.join(' ')}`;
}
