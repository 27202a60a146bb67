import { describe, expect, it } from 'vitest';
import {
  dossiersText,
  indicatorCode,
  indicatorCodes,
  intervalText,
  pointsText,
  rateText,
  totalText,
} from './assessment-format.ts';

describe('the TT 01 table’s figures', () => {
  it.each([
    [1.25, 'vi', '1,25'],
    [1.25, 'en', '1.25'],
    [2, 'vi', '2'],
    [0, 'vi', '0'],
    [1.5, 'vi', '1,5'],
    [null, 'vi', '—'],
  ] as const)('points %s in %s read %s', (points, locale, text) => {
    expect(pointsText(points, locale)).toBe(text);
  });

  it('writes the total out of what was measured, never out of 18', () => {
    expect(totalText(8.5, 10, 'vi')).toBe('8,5 / 10');
    expect(totalText(7.25, 8, 'en')).toBe('7.25 / 8');
    expect(totalText(0, 10, 'vi')).toBe('0 / 10');
  });

  it('writes a dash, not "0 / 0", when nothing was measured', () => {
    expect(totalText(0, 0, 'vi')).toBe('—');
    expect(totalText(null, 0, 'vi')).toBe('—');
  });

  it('writes rates and intervals with a decimal comma in Vietnamese', () => {
    expect(rateText(0.915, 'vi')).toBe('91,5%');
    expect(rateText(0.915, 'en')).toBe('91.5%');
    expect(rateText(null, 'vi')).toBe('—');
    expect(intervalText({ low: 0.881, high: 0.942 }, 'vi')).toBe('88,1% – 94,2%');
    expect(intervalText(null, 'vi')).toBe('');
  });

  it('writes dossiers with the rated ones, grouping thousands', () => {
    expect(dossiersText(1234, 987, 'vi')).toBe('1.234 / 987');
    expect(dossiersText(1234, 987, 'en')).toBe('1,234 / 987');
    expect(dossiersText(0, 0, 'vi')).toBe('—');
  });

  it('heads the columns CS1 … CS9', () => {
    expect(indicatorCode(1)).toBe('CS1');
    expect(indicatorCode(9)).toBe('CS9');
    expect(indicatorCodes([3, 4, 7])).toBe('CS3, CS4, CS7');
  });
});
