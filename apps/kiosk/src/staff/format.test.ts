import { describe, expect, it } from 'vitest';
import { formatAge } from './format.ts';

describe('formatAge', () => {
  it.each([
    [0, 'vi', '0 giây'],
    [12_500, 'vi', '12 giây'],
    [45 * 60_000, 'vi', '45 phút'],
    [(3 * 60 + 12) * 60_000, 'vi', '3 giờ 12 phút'],
    [(2 * 24 + 3) * 3_600_000, 'vi', '2 ngày 3 giờ'],
    [(2 * 24 + 3) * 3_600_000, 'en', '2 d 3 h'],
    [-5, 'en', '0 s'],
  ] as const)('%i ms in %s → %s', (ms, locale, expected) => {
    expect(formatAge(ms, locale)).toBe(expected);
  });
});
