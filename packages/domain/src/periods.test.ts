import { describe, expect, it } from 'vitest';
import {
  formatPeriod,
  formatPeriodVi,
  hasBegun,
  parsePeriod,
  PERIOD_KINDS,
  periodChoices,
  previousPeriod,
} from './periods.ts';

describe('parsePeriod', () => {
  it.each([
    ['2026-03', 'month', ['2026-03']],
    ['2026-Q1', 'quarter', ['2026-01', '2026-02', '2026-03']],
    ['2026-q4', 'quarter', ['2026-10', '2026-11', '2026-12']],
    ['2026-H2', 'half', ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']],
  ] as const)('%s is a %s', (text, kind, months) => {
    expect(parsePeriod(text)).toMatchObject({ kind, months });
  });

  it('knows nine months and a year', () => {
    expect(parsePeriod('2026-9M')?.months).toHaveLength(9);
    expect(parsePeriod('2026')?.months.at(-1)).toBe('2026-12');
  });

  it.each([
    '2026-13',
    '2026-Q5',
    '2026-H3',
    '1999',
    '2101-01',
    'năm 2026',
    '',
    '2026-6M',
    // Whitespace is not trimmed away: the text a caller passed on (a file name, a cache key) must
    // be the period itself.
    '2026-03\n',
    '2026-Q1 ',
    '2026\t',
    '2026-H1\r\n',
    ' 2026-9M',
  ])('refuses %j', (text) => expect(parsePeriod(text)).toBeUndefined());
});

describe('previousPeriod', () => {
  it.each([
    ['2026-03', '2026-02'],
    ['2026-01', '2025-12'],
    ['2026-Q1', '2025-Q4'],
    ['2026-Q3', '2026-Q2'],
    ['2026-H2', '2026-H1'],
    ['2026-H1', '2025-H2'],
    ['2026-9M', '2025-9M'],
    ['2026', '2025'],
  ])('before %s comes %s', (text, before) => {
    expect(previousPeriod(parsePeriod(text)!)?.id).toBe(before);
  });

  it('has none before the first year', () => {
    expect(previousPeriod(parsePeriod('2000-Q1')!)).toBeUndefined();
  });
});

describe('formatPeriodVi', () => {
  it.each([
    ['2026-03', 'tháng 03/2026'],
    ['2026-Q2', 'quý II/2026'],
    ['2026-H1', '6 tháng đầu năm 2026'],
    ['2026-H2', '6 tháng cuối năm 2026'],
    ['2026-9M', '9 tháng năm 2026'],
    ['2026', 'năm 2026'],
  ])('names %s "%s"', (text, name) => {
    expect(formatPeriodVi(parsePeriod(text)!)).toBe(name);
  });
});

describe('formatPeriod', () => {
  it.each([
    ['2026-03', 'March 2026'],
    ['2026-Q2', 'Q2 2026'],
    ['2026-H1', 'first half of 2026'],
    ['2026-9M', 'first nine months of 2026'],
    ['2026', '2026'],
  ])('names %s "%s" in English, and as Vietnamese reports do in Vietnamese', (text, name) => {
    const period = parsePeriod(text)!;
    expect(formatPeriod(period, 'en')).toBe(name);
    expect(formatPeriod(period, 'vi')).toBe(formatPeriodVi(period));
  });
});

describe('the periods a reader may pick', () => {
  it('lists, per kind and newest first, only periods begun by this month', () => {
    const choices = periodChoices('2026-11', 2);
    expect(choices.map((c) => c.kind)).toEqual(PERIOD_KINDS);
    const ids = Object.fromEntries(choices.map((c) => [c.kind, c.periods.map((p) => p.id)]));
    expect(ids.month!.slice(0, 3)).toEqual(['2026-11', '2026-10', '2026-09']);
    expect(ids.month).toHaveLength(11 + 12);
    expect(ids.month).not.toContain('2026-12');
    expect(ids.quarter).toEqual([
      '2026-Q4',
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2025-Q1',
    ]);
    expect(ids.half).toEqual(['2026-H2', '2026-H1', '2025-H2', '2025-H1']);
    expect(ids['nine-months']).toEqual(['2026-9M', '2025-9M']);
    expect(ids.year).toEqual(['2026', '2025']);
  });

  it('knows when a period has begun', () => {
    expect(hasBegun(parsePeriod('2026-Q4')!, '2026-10')).toBe(true);
    expect(hasBegun(parsePeriod('2026-Q4')!, '2026-09')).toBe(false);
    expect(hasBegun(parsePeriod('2027')!, '2026-12')).toBe(false);
  });
});
