/**
 * The CSV reader decodes and parses 64 KiB at a time: wherever a piece ends (between `\r` and `\n`,
 * between the two quotes of an escaped quote, inside a multi-byte character), the lines are those
 * of the whole text parsed at once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsv } from './read-csv.ts';

const PIECE = 64 * 1024;

describe('the streaming CSV reader', () => {
  it('reads the same lines wherever a 64 KiB piece ends', () => {
    const tricky = fc.constantFrom(
      '\r\n',
      '\r',
      '\n',
      '"a""b"',
      '"x\r\ny"',
      'đơn vị',
      '""',
      ',',
      '"q"',
      '😀',
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.array(tricky, { minLength: 1, maxLength: 12 }),
        (before, tail) => {
          // A first line of notes (short cells) that ends `before` bytes short of the piece.
          const notes = Array.from({ length: Math.ceil(PIECE / 1000) }, () => 'n'.repeat(999));
          const head = notes.join(',').slice(0, PIECE - before);
          const text = `${head}${tail.join('')}\r\nlast,line\r\n`;
          const bytes = new TextEncoder().encode(text);
          expect(readCsv(bytes, () => true)).toEqual(parseCsv(text, ','));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('numbers records by the line they start on, counting line breaks inside quotes', () => {
    expect(parseCsv('a,"b\r\nc"\r\nd\re\n\nf', ',')).toEqual([
      { line: 1, cells: ['a', 'b\r\nc'] },
      { line: 3, cells: ['d'] },
      { line: 4, cells: ['e'] },
      { line: 6, cells: ['f'] },
    ]);
  });
});
