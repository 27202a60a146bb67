/**
 * Keeps the answer-mode counters (migration 034) in the transaction that stores or changes
 * ratings. Called only from reports/counters.ts beside the tree's counters, so whatever moves a
 * rating between categories moves its mode too, and the counters stay a recount of the raw rows.
 */
import type { RatingRow, Repositories } from '../repositories/types.ts';
import type { AnswerModeDelta } from './answer-modes.repository.ts';

const KEY_FIELDS = ['unitId', 'month', 'category', 'language', 'audio', 'largeText'] as const;

const keyOf = (r: RatingRow): Omit<AnswerModeDelta, 'count'> => ({
  unitId: r.unitId,
  month: r.month,
  category: r.category,
  language: r.language ?? 'vi',
  audio: r.audio ? 1 : 0,
  largeText: r.largeText ? 1 : 0,
});

/** Net deltas of `after` in and `before` out, zero ones dropped, in primary-key order. */
export function answerModeDeltas(
  before: readonly RatingRow[],
  after: readonly RatingRow[],
): AnswerModeDelta[] {
  const net = new Map<string, AnswerModeDelta>();
  const tally = (rows: readonly RatingRow[], sign: number) => {
    for (const r of rows) {
      const key = keyOf(r);
      const id = KEY_FIELDS.map((f) => key[f]).join('\u0000');
      const delta = net.get(id) ?? { ...key, count: 0 };
      delta.count += sign;
      net.set(id, delta);
    }
  };
  tally(before, -1);
  tally(after, 1);
  return [...net.values()]
    .filter((d) => d.count !== 0)
    .sort((a, b) => {
      for (const f of KEY_FIELDS) {
        if (a[f] < b[f]) return -1;
        if (a[f] > b[f]) return 1;
      }
      return 0;
    });
}

/** Stored ratings out as `before`, in as `after` (new ones: `before` empty). */
export async function countModes(
  tx: Repositories,
  before: readonly RatingRow[],
  after: readonly RatingRow[],
): Promise<void> {
  const deltas = answerModeDeltas(before, after);
  if (deltas.length > 0) await tx.answerModes.add(deltas);
}
