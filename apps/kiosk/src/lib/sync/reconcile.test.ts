import { describe, expect, it } from 'vitest';
import { reconcile, type ItemResult } from './reconcile.ts';

const error = { code: 'unknown_sector', message: 'Lĩnh vực không tồn tại.' };

describe('reconcile', () => {
  it('deletes accepted and duplicate items and sets rejected ones aside with their reason', () => {
    const results: ItemResult[] = [
      { id: 'a', status: 'accepted' },
      { id: 'b', status: 'rejected', error },
      { id: 'c', status: 'duplicate' },
    ];
    expect(reconcile(['a', 'b', 'c'], results)).toEqual({
      ok: true,
      done: ['a', 'c'],
      rejected: [{ id: 'b', error }],
    });
  });

  it('keeps a rejection without a reason visible', () => {
    expect(reconcile(['a'], [{ id: 'a', status: 'rejected' }])).toEqual({
      ok: true,
      done: [],
      rejected: [{ id: 'a', error: { code: 'rejected', message: '' } }],
    });
  });

  it.each([
    ['fewer results', ['a', 'b'], [{ id: 'a', status: 'accepted' }], 'count_mismatch'],
    [
      'more results',
      ['a'],
      [
        { id: 'a', status: 'accepted' },
        { id: 'b', status: 'accepted' },
      ],
      'count_mismatch',
    ],
    ['no results', ['a'], [], 'count_mismatch'],
    ['another id', ['a'], [{ id: 'x', status: 'accepted' }], 'id_mismatch'],
    [
      'the same ids in another order',
      ['a', 'b'],
      [
        { id: 'b', status: 'accepted' },
        { id: 'a', status: 'accepted' },
      ],
      'id_mismatch',
    ],
  ] as const)('believes nothing when the answer has %s', (_what, sent, results, reason) => {
    expect(reconcile(sent, results as readonly ItemResult[])).toEqual({ ok: false, reason });
  });
});
