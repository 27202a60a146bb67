/**
 * Where phone numbers stand in free text, however Vietnamese write them: a prefix (0, 84, +84,
 * 0084, "(+84)", "+84 (0)") and a national number of 9 digits (mobiles) or 10 (landlines since
 * 2017: 024 3825 1234), grouped by spaces, dots, dashes, slashes, commas or underscores, with
 * spaces around them or not ("0933 - 970 - 283"), in ASCII or full-width digits.
 *
 * What looks like a number but is not one: a date (07/12/2026 has 8 digits, but "07/12/2026 10
 * giờ" would read as 10), and an amount followed by its currency ("84.500.000.000 đồng"). Both are
 * set aside before numbers are looked for. A number whose first groups read as a date with the
 * same punctuation ("03/12/2026 78") is taken as the date: numbers are written with one separator
 * throughout, so this needs two.
 */

export type Range = [start: number, end: number];

/** Horizontal white space: a number never runs across a line break. */
const H = '[^\\S\\r\\n]';
const PUNCT = '[.\\-/,_]';
/**
 * Between two digits: nothing, white space, or one punctuation mark with white space around it; a
 * bracket may close an area code before it or open one after it. Each part can match a given
 * string one way only, so a failed match cannot backtrack exponentially.
 */
const SEP = `\\)?(?:${H}*${PUNCT}${H}*|${H}+)?\\(?`;
/** +84, 0084, 84, in brackets or not, then maybe the trunk 0 ("+84 (0) 912…", "+84 0912…"). */
const INTERNATIONAL = `(?:\\(${H}*)?(?:\\+${H}*|00)?84(?:${H}*\\))?${SEP}(?:\\(0\\)${SEP}|0${SEP})?`;
/** The national number: 9 or 10 digits, the first not 0 (a 0 there is a code, not a number). */
const NATIONAL = `[1-9](?:${SEP}\\d){8,9}`;
/**
 * Not inside a run of digits, nor a digit right after a digit and a mark ("1.084.500.000"); a
 * "+" or "(" may follow one ("0912.345.678/+84 987 654 321").
 */
const START = `(?<![\\p{N}+])(?:(?<!\\p{N}${PUNCT})(?=\\d)|(?=[+(]))`;

const ANY_PHONE = new RegExp(`${START}(?:${INTERNATIONAL}|0${SEP})${NATIONAL}(?!\\p{N})`, 'gu');

const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:19|20)\\d\\d';
/** dd/mm/yyyy (or . or -) and yyyy-mm-dd, the same mark twice, not continued by it and a digit. */
const DATE = new RegExp(
  `(?<![\\p{N}]|\\p{N}[./-])(?:${DAY}([./-])${MONTH}\\1${YEAR}(?!\\p{N}|\\1\\p{N})|${YEAR}([./-])${MONTH}\\2${DAY}(?!\\p{N}|\\2\\p{N}))`,
  'gu',
);
/**
 * An amount and its currency word. Amounts never begin with 0, so no "0…" number is one; "đồng"
 * in "đồng chí" (comrade) and "đồng ý" (agree) is not a currency, nor "đ" in "đ/c".
 */
const MONEY = new RegExp(
  `(?<![\\p{N}]|\\p{N}[.,])[1-9]\\d{0,2}(?:([.,])\\d{3}(?:\\1\\d{3})*|\\d*)(?:[.,]\\d+)?${H}*` +
    `(?:đồng(?!${H}+(?:chí|ý)(?!\\p{L}))|vnđ|vnd|đ|₫|triệu|tỷ|tỉ|nghìn|ngàn|usd)(?![\\p{L}/])`,
  'giu',
);

/**
 * `text` with full-width digits and signs (U+FF01–FF5E) as ASCII and every dash as "-", one code
 * unit for one, so that offsets stay those of `text`.
 */
export function asciiDigits(text: string): string {
  return text.replace(/[\uff01-\uff5e\u2010-\u2015\u2212]/g, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xff01 ? String.fromCharCode(code - 0xfee0) : '-';
  });
}

/** Ranges of `pattern` in `text`, an area code's "(" taken in when the match closes it. */
function rangesOf(pattern: RegExp, text: string): Range[] {
  return [...text.matchAll(pattern)].map((m) => {
    const opens = (m[0].match(/\(/g) ?? []).length;
    const closes = (m[0].match(/\)/g) ?? []).length;
    const takeBracket = closes > opens && text[m.index - 1] === '(';
    return [m.index - (takeBracket ? 1 : 0), m.index + m[0].length];
  });
}

/** `text` with each range overwritten by "#", so nothing is found there. */
function blank(text: string, ranges: readonly Range[]): string {
  let out = text;
  for (const [s, e] of ranges) out = out.slice(0, s) + '#'.repeat(e - s) + out.slice(e);
  return out;
}

/** The national numbers in a contact's phone field ("0912345678", "+84 912 345 678"). */
function nationalNumbers(phone: string): string[] {
  const view = asciiDigits(phone);
  const found = [...view.matchAll(ANY_PHONE)].map((m) =>
    m[0].replace(/\D/g, '').replace(/^(?:0084|84)?0?/, ''),
  );
  if (found.length > 0) return found;
  const digits = view.replace(/\D/g, '');
  return digits.length >= 9 ? [digits.slice(-9)] : [];
}

/** The citizen's own number, with any prefix or none ("912 345 678"), however grouped. */
function ownPhonePattern(phone: string | null): RegExp | null {
  const numbers = phone ? nationalNumbers(phone) : [];
  if (numbers.length === 0) return null;
  const alternatives = numbers.map((n) => [...n].join(SEP));
  return new RegExp(
    `(?<![\\p{N}+])(?:${INTERNATIONAL}|0${SEP})?(?:${alternatives.join('|')})(?!\\p{N})`,
    'gu',
  );
}

/**
 * Where phone numbers stand in `text`: the citizen's own `phone` anywhere, and any other number
 * outside dates and amounts.
 */
export function phoneRanges(text: string, phone: string | null): Range[] {
  const view = asciiDigits(text);
  const own = ownPhonePattern(phone);
  const aside = [...rangesOf(DATE, view), ...rangesOf(MONEY, view)];
  return [...(own ? rangesOf(own, view) : []), ...rangesOf(ANY_PHONE, blank(view, aside))];
}
