import { describe, expect, it } from 'vitest';
import {
  FIVE_LEVEL_SCALE,
  RATING_SCALES,
  THREE_LEVEL_SCALE,
  findLevel,
  isSatisfied,
} from './scales.ts';

describe('rating scales', () => {
  it('lists the five SIPAS levels worst to best with the top two satisfied', () => {
    expect(FIVE_LEVEL_SCALE.levels.map((l) => [l.level, l.label.vi, l.satisfied])).toEqual([
      [1, 'Rất không hài lòng', false],
      [2, 'Không hài lòng', false],
      [3, 'Bình thường', false],
      [4, 'Hài lòng', true],
      [5, 'Rất hài lòng', true],
    ]);
  });

  it('lists the three TT 32/2017 levels in the legal order with the top two satisfied', () => {
    expect(THREE_LEVEL_SCALE.levels.map((l) => [l.level, l.label.vi, l.satisfied])).toEqual([
      [3, 'Rất hài lòng', true],
      [2, 'Hài lòng', true],
      [1, 'Chưa hài lòng', false],
    ]);
  });

  it('keeps labels in NFC and levels unique, numbered 1..n on every scale', () => {
    for (const scale of Object.values(RATING_SCALES)) {
      const levels = scale.levels.map((l) => l.level).sort();
      expect(levels).toEqual(Array.from({ length: levels.length }, (_, i) => i + 1));
      for (const l of scale.levels) expect(l.label.vi).toBe(l.label.vi.normalize('NFC'));
    }
  });

  it('answers satisfied only for levels the scale has', () => {
    expect(isSatisfied(FIVE_LEVEL_SCALE, 4)).toBe(true);
    expect(isSatisfied(FIVE_LEVEL_SCALE, 3)).toBe(false);
    expect(isSatisfied(THREE_LEVEL_SCALE, 2)).toBe(true);
    expect(isSatisfied(THREE_LEVEL_SCALE, 5)).toBe(false);
    expect(findLevel(THREE_LEVEL_SCALE, 0)).toBeUndefined();
  });
});
