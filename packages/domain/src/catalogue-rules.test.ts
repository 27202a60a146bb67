import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCatalogueCode, reorderIds, scaleAt, scaleChangeMonth } from './catalogue-rules.ts';

describe('isCatalogueCode', () => {
  it.each([
    ['so-tu-phap', true],
    ['quay-1', true],
    ['1', true],
    ['a'.repeat(40), true],
    ['a'.repeat(41), false],
    ['', false],
    ['-x', false],
    ['x-', false],
    ['Sở', false],
    ['so tu phap', false],
    ['SO-TP', false],
    ['so_tp', false],
  ])('%j → %s', (code, expected) => {
    expect(isCatalogueCode(code)).toBe(expected);
  });
});

describe('scaleAt', () => {
  const scales = [
    { fromMonth: '2026-12', scale: 'three' },
    { fromMonth: '2000-01', scale: 'five' },
    { fromMonth: '2027-03', scale: 'five' },
  ];
  it.each([
    ['1999-12', undefined],
    ['2000-01', 'five'],
    ['2026-11', 'five'],
    ['2026-12', 'three'],
    ['2027-02', 'three'],
    ['2027-03', 'five'],
  ])('in %s → %s', (month, expected) => {
    expect(scaleAt(scales, month)).toBe(expected);
  });

  it('takes effect from the next month, across a year end', () => {
    expect(scaleChangeMonth('2026-11')).toBe('2026-12');
    expect(scaleChangeMonth('2026-12')).toBe('2027-01');
  });
});

describe('reorderIds', () => {
  it.each([
    [['a', 'b', 'c'], 'c', 0, ['c', 'a', 'b']],
    [['a', 'b', 'c'], 'a', 1, ['b', 'a', 'c']],
    [['a', 'b', 'c'], 'a', 99, ['b', 'c', 'a']],
    [['a', 'b', 'c'], 'b', -3, ['b', 'a', 'c']],
    [['a', 'b'], 'z', 0, ['a', 'b']],
  ])('%j: %s to %i → %j', (ids, id, position, expected) => {
    expect(reorderIds(ids, id, position)).toEqual(expected);
  });

  it('keeps the same items and puts the moved one at the clamped position', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.integer({ min: -5, max: 15 }),
        (ids, pick, position) => {
          const id = ids[pick % ids.length]!;
          const out = reorderIds(ids, id, position);
          expect([...out].sort()).toEqual([...ids].sort());
          expect(out.indexOf(id)).toBe(Math.max(0, Math.min(ids.length - 1, position)));
          expect(out.filter((x) => x !== id)).toEqual(ids.filter((x) => x !== id));
        },
      ),
    );
  });
});
