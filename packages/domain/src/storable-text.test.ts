import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOneLineText, isStorableText, oneLine } from './storable-text.ts';

describe('storable text', () => {
  it.each([
    ['Cán bộ hướng dẫn rất tận tình 👍', true],
    ['Nhiều dòng\r\n\tvẫn được', true],
    ['', true],
    ['\u00a0khoảng trắng không ngắt', true],
    ['NUL\u0000', false],
    ['chuông\u0007', false],
    ['thoát\u001b[31m', false],
    ['xóa\u007f', false],
    ['C1\u0085', false],
    ['phi ký tự\uffff', false],
    ['nửa cặp \ud83d', false],
    ['\ude00 nửa sau', false],
    ['đảo ngược \ude00\ud83d', false],
  ])('%j → %s', (text, storable) => {
    expect(isStorableText(text)).toBe(storable);
  });

  it('accepts every well-formed string of printable characters and line breaks', () => {
    const printable = fc.oneof(
      fc.constantFrom('\t', '\n', '\r'),
      fc
        .integer({ min: 0x20, max: 0x10ffff })
        .filter((c) => !(c >= 0x7f && c <= 0x9f))
        .filter((c) => !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfffe && c !== 0xffff)
        .map((c) => String.fromCodePoint(c)),
    );
    fc.assert(
      fc.property(fc.array(printable), (chars) => {
        expect(isStorableText(chars.join(''))).toBe(true);
      }),
    );
  });

  it('refuses a string as soon as it holds a NUL or an unpaired surrogate anywhere', () => {
    const bad = fc.constantFrom('\u0000', '\ud800', '\udfff', '\u0001');
    fc.assert(
      fc.property(fc.string(), bad, fc.string(), (before, poison, after) => {
        // A lone high surrogate right before a low one would pair up: keep them apart.
        const text = `${before} ${poison} ${after}`;
        expect(isStorableText(text)).toBe(false);
      }),
    );
  });
});

// Any code point, with the breaks and controls in question often enough to matter (fast-check's
// own 'binary' strings are slow to make).
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\n', '\r', '\t', '\u0000', '\u007f', '\u0085', '\u2028', '\u2029', ' '),
    fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  ),
  maxLength: 16,
});

describe('one-line text (names)', () => {
  it.each([
    ['Sở Tư pháp', true],
    ['UBND phường Ba Đình (cũ)', true],
    ['\u00a0khoảng trắng không ngắt', true],
    ['', true],
    ['Sở\nTư pháp', false],
    ['Quầy 1\r\n', false],
    ['\rQuầy', false],
    ['Quầy\t1', false],
    ['Quầy\u20281', false],
    ['Quầy\u20291', false],
    ['Quầy\u00851', false],
    ['Quầy\u007f', false],
    ['NUL\u0000', false],
    ['thoát\u001b[31m', false],
  ])('%j → %s', (text, oneLine) => {
    expect(isOneLineText(text)).toBe(oneLine);
  });

  it('refuses exactly the control characters and the line and paragraph separators', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(isOneLineText(text)).toBe(!/[\p{Cc}\u2028\u2029]/u.test(text));
      }),
    );
  });
});

describe('one line of a legacy name', () => {
  it.each([
    ['Sở Tư pháp', 'Sở Tư pháp'],
    ['Sở\r\nBcc: x@y.vn', 'Sở Bcc: x@y.vn'],
    ['Quầy 1 \n\n  số 2\t', 'Quầy 1 số 2'],
    ['A\u2028B\u2029C\u0085D', 'A B C D'],
    ['\nĐầu', 'Đầu'],
  ])('%j → %j', (text, flat) => {
    expect(oneLine(text)).toBe(flat);
  });

  it('always gives one-line text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(isOneLineText(oneLine(text))).toBe(true);
      }),
    );
  });
});
