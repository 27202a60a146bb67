import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralize } from './cells.ts';

const FORMULA_CHARS = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];
/** What may stand before a formula character and still let a spreadsheet evaluate it. */
const LEADING = [' ', '  ', '\t', '\r', '\n', '\r\n', '\u00a0', '\u3000', '\u200b', ' \n\t '];

/** The lines a naive CSV reader (one that splits on raw line breaks) would see. */
const linesOf = (text: string) => text.split(/\r\n|\r|\n/);
const isFormulaLine = (line: string) => /^[\s\u200b-\u200d\u2060]*[=+\-@＝＋－＠]/.test(line);

describe('neutralize', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+84 912 345 678', "'+84 912 345 678"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r'=1"],
    [' =HYPERLINK("http://x.invalid")', `' =HYPERLINK("http://x.invalid")`],
    ['   +1', "'   +1"],
    ['\n=1+1', "'\n'=1+1"],
    ['\r\n@cmd', "'\r\n'@cmd"],
    ['\tHộ tịch', "'\tHộ tịch"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['\u3000＝1', "'\u3000＝1"],
    ['\u00a0=1', "'\u00a0=1"],
    ['\u200b=1', "'\u200b=1"],
    // A line break inside the text: a reader that splits on it would start a row with a formula.
    ['Hộ tịch\n=1+1', "Hộ tịch\n'=1+1"],
    ['Hộ tịch\r\n  @SUM(A1)', "Hộ tịch\r\n'  @SUM(A1)"],
    ['a\r－1\nb', "a\r'－1\nb"],
    // Plain text stays as it is.
    ['Hộ tịch', 'Hộ tịch'],
    ['Lý lịch tư pháp - số 2', 'Lý lịch tư pháp - số 2'],
    ['a = b', 'a = b'],
    ['', ''],
    ['   ', '   '],
    ["'=1", "'=1"],
  ])('%j → %j', (input, expected) => {
    expect(neutralize(input)).toBe(expected);
  });

  it('leaves no line that a spreadsheet would read as a formula', () => {
    const piece = fc.oneof(
      fc.constantFrom(...FORMULA_CHARS, ...LEADING, '\r', '\n', "'"),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const out = neutralize(pieces.join(''));
        for (const line of linesOf(out)) expect(isFormulaLine(line)).toBe(false);
      }),
    );
  });

  it('catches any whitespace before any formula character', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LEADING), { maxLength: 4 }),
        fc.constantFrom(...FORMULA_CHARS),
        fc.string(),
        (lead, char, rest) => {
          expect(neutralize(lead.join('') + char + rest).startsWith("'")).toBe(true);
        },
      ),
    );
  });

  it('only adds quotes, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const out = neutralize(input);
        expect(neutralize(out)).toBe(out);
        if (!input.includes("'")) expect(out.replaceAll("'", '')).toBe(input);
        if (!/^[\t\r\n]|[=+\-@＝＋－＠]/.test(input)) expect(out).toBe(input);
      }),
    );
  });
});
