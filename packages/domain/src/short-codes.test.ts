import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  counterNumber,
  counterShortCode,
  freeUnitCode,
  normalizeShortCode,
  shortCodeBase,
} from './short-codes.ts';

describe('shortCodeBase', () => {
  it.each([
    ['UBND xã An Phú', 'AP'],
    ['Ủy ban nhân dân phường Trung Tâm', 'TT'],
    ['Sở Tư pháp', 'TP'],
    ['Sở Nông nghiệp và Môi trường', 'NNVM'],
    ['Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế', 'TTH'],
    ['Đặc khu Côn Đảo', 'CD'],
    ['Bộ phận một cửa thử nghiệm', 'TN'],
    ['123', 'DV'],
  ])('%s → %s', (name, base) => {
    expect(shortCodeBase(name)).toBe(base);
  });

  it('is letters only, one to four, whatever the name', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(shortCodeBase(name)).toMatch(/^[A-Z]{1,4}$/);
      }),
    );
  });
});

describe('codes', () => {
  it('adds a letter while the base is taken', () => {
    const taken = new Set(['AP', 'APA']);
    expect(freeUnitCode('AP', (c) => taken.has(c))).toBe('APB');
    expect(freeUnitCode('TP', (c) => taken.has(c))).toBe('TP');
  });

  it('gives every unit its own code, none ending in a digit', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('AP', 'TP', 'A'), { maxLength: 60 }), (bases) => {
        const taken = new Set<string>();
        for (const base of bases) {
          const code = freeUnitCode(base, (c) => taken.has(c));
          expect(taken.has(code)).toBe(false);
          expect(code).toMatch(/^[A-Z]+$/);
          taken.add(code);
        }
      }),
    );
  });

  it('reads a counter code back to its number, only for its own unit', () => {
    expect(counterNumber('AP', counterShortCode('AP', 12))).toBe(12);
    expect(counterNumber('AP', 'APB1')).toBeNull();
    expect(counterNumber('AP', 'AP')).toBeNull();
    expect(counterNumber('AP', 'AP01')).toBeNull();
  });

  it('normalizes what a citizen types', () => {
    expect(normalizeShortCode(' ap1 ')).toBe('AP1');
    expect(normalizeShortCode('AP-1')).toBeNull();
    expect(normalizeShortCode('1AP')).toBeNull();
  });
});
