import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from './sha256.ts';
import { datasetFigures, datasetRow, recordHashOf, rowLeafData, sortRows } from './dataset.ts';

const base = {
  day: '2025-03-04',
  sectorCode: 'ho-tich',
  scale: 'five',
  channel: 'tablet',
} as const;

describe('the dataset row', () => {
  it('carries no id and a hash a receipt holder can recompute', () => {
    const row = datasetRow({ ...base, ratingId: 'r-1', level: 5, category: 'counted' });
    expect(row).toEqual({
      recordHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      ...base,
      level: 5,
      counted: true,
      excludedWhy: null,
    });
    expect(recordHashOf(row, 'r-1')).toBe(row.recordHash);
    expect(recordHashOf(row, 'r-2')).not.toBe(row.recordHash);
    expect(toHex(rowLeafData(row))).toBe(
      toHex(
        utf8(
          `{"channel":"tablet","counted":true,"day":"2025-03-04","excludedWhy":null,"level":5,` +
            `"recordHash":"${row.recordHash}","scale":"five","sectorCode":"ho-tich"}`,
        ),
      ),
    );
  });

  it('names why a rating is out of the rate', () => {
    const why = (category: Parameters<typeof datasetRow>[0]['category'], level = 4) =>
      datasetRow({ ...base, ratingId: 'x', level, category }).excludedWhy;
    expect(why('repeat')).toBe('repeat');
    expect(why('bad_clock')).toBe('clock');
    expect(why('superseded')).toBe('rerated');
    expect(why('unverified')).toBe('unverified');
    expect(why('late')).toBe('late');
    expect(why('counted', 9)).toBe('unknown_level');
    expect(why('counted')).toBeNull();
  });

  it('counts counted rows by level and satisfied on each row’s scale', () => {
    const rows = sortRows([
      datasetRow({ ...base, ratingId: 'a', level: 5, category: 'counted' }),
      datasetRow({ ...base, ratingId: 'b', level: 2, category: 'counted' }),
      datasetRow({ ...base, ratingId: 'c', level: 5, category: 'repeat' }),
      datasetRow({ ...base, ratingId: 'd', level: 3, scale: 'three', category: 'counted' }),
    ]);
    const figures = datasetFigures(rows);
    expect(figures).toMatchObject({
      size: 4,
      counted: 3,
      countsByLevel: { '2': 1, '3': 1, '5': 1 },
    });
    expect(figures.satisfied).toBe(2);
    expect(datasetFigures(rows.slice(1)).root).not.toBe(figures.root);
  });
});
