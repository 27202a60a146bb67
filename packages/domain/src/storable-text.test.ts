import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStorableText } from './storable-text.ts';

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
