import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessmentCounterDeltas,
  type AssessedRating,
  type AssessmentCounterDeltas,
} from './assessment-counters.ts';
import { ROLLUP_CATEGORIES } from './rollup.ts';
import { ATTITUDE_ANSWERS } from './survey.ts';

const rating = (fields: Partial<AssessedRating> = {}): AssessedRating => ({
  unitId: 'xa-a',
  sectorId: 'xa-a/ho-tich',
  officerId: 'an',
  month: '2026-11',
  level: 5,
  category: 'counted',
  visits: null,
  agencies: null,
  attitude: null,
  dossierCode: null,
  ...fields,
});

const arbRating: fc.Arbitrary<AssessedRating> = fc.record({
  unitId: fc.constantFrom('xa-a', 'xa-b'),
  sectorId: fc.constantFrom('s1', 's2'),
  officerId: fc.constantFrom(null, 'an', 'binh'),
  month: fc.constantFrom('2026-10', '2026-11'),
  level: fc.integer({ min: 1, max: 5 }),
  category: fc.constantFrom(...ROLLUP_CATEGORIES),
  visits: fc.constantFrom(null, 1, 2, 3),
  agencies: fc.constantFrom(null, 1, 2, 3),
  attitude: fc.constantFrom(null, ...ATTITUDE_ANSWERS),
  dossierCode: fc.constantFrom(null, 'HS-1', 'HS-2'),
});

/** Counters as maps from key to count, zeros left out. */
function asMaps(deltas: readonly AssessmentCounterDeltas[]) {
  const maps = { officers: new Map<string, number>(), answers: new Map(), dossiers: new Map() };
  for (const d of deltas) {
    for (const kind of ['officers', 'answers', 'dossiers'] as const) {
      for (const { count, ...key } of d[kind]) {
        const id = JSON.stringify(key);
        const sum = (maps[kind].get(id) ?? 0) + count;
        if (sum === 0) maps[kind].delete(id);
        else maps[kind].set(id, sum);
      }
    }
  }
  return maps;
}

/** A GROUP BY recount of raw ratings, written apart from the code under test. */
function recount(rows: readonly AssessedRating[]) {
  const maps = {
    officers: new Map<string, number>(),
    answers: new Map<string, number>(),
    dossiers: new Map<string, number>(),
  };
  const bump = (map: Map<string, number>, key: object) =>
    map.set(JSON.stringify(key), (map.get(JSON.stringify(key)) ?? 0) + 1);
  for (const r of rows) {
    const base = {
      unitId: r.unitId,
      month: r.month,
      sectorId: r.sectorId,
      officerId: r.officerId ?? '',
    };
    if (r.officerId !== null) {
      bump(maps.officers, {
        unitId: r.unitId,
        month: r.month,
        officerId: r.officerId,
        level: r.level,
        category: r.category,
      });
    }
    const answered = [
      ['visits', r.visits === null ? null : `${r.visits}`],
      ['agencies', r.agencies === null ? null : `${r.agencies}`],
      ['attitude', r.attitude],
    ] as const;
    for (const [question, answer] of answered) {
      if (answer !== null) bump(maps.answers, { ...base, category: r.category, question, answer });
    }
    if (r.dossierCode) bump(maps.dossiers, { dossierCode: r.dossierCode, unitId: r.unitId });
  }
  return maps;
}

describe('assessmentCounterDeltas', () => {
  it('counts a rating once per kind: its officer, each answer given, the dossier it names', () => {
    const deltas = assessmentCounterDeltas(
      [],
      [
        rating({ visits: 3, attitude: 'courteous', dossierCode: 'HS-1' }),
        rating({ visits: 3, officerId: null }),
      ],
    );
    // Only a rating naming an officer counts for one; the unit's rate is the tree's.
    expect(deltas.officers).toEqual([
      {
        unitId: 'xa-a',
        month: '2026-11',
        officerId: 'an',
        level: 5,
        category: 'counted',
        count: 1,
      },
    ]);
    expect(deltas.answers.map((a) => [a.officerId, a.question, a.answer, a.count])).toEqual([
      ['', 'visits', '3', 1],
      ['an', 'attitude', 'courteous', 1],
      ['an', 'visits', '3', 1],
    ]);
    expect(deltas.dossiers).toEqual([{ dossierCode: 'HS-1', unitId: 'xa-a', count: 1 }]);
  });

  it('moves a superseded rating out of counted, answers and all; its dossier stays rated', () => {
    const before = rating({ agencies: 2, dossierCode: 'HS-1' });
    const deltas = assessmentCounterDeltas([before], [{ ...before, category: 'superseded' }]);
    expect(deltas.officers.map((r) => [r.category, r.count])).toEqual([
      ['counted', -1],
      ['superseded', 1],
    ]);
    expect(deltas.answers.map((r) => [r.category, r.count])).toEqual([
      ['counted', -1],
      ['superseded', 1],
    ]);
    expect(deltas.dossiers).toEqual([]);
  });

  it('writes only what an amendment changes', () => {
    const before = rating({ visits: 1 });
    const after = { ...before, visits: 1, attitude: 'harassing' as const, dossierCode: 'HS-2' };
    expect(assessmentCounterDeltas([before], [after])).toEqual({
      officers: [],
      answers: [expect.objectContaining({ question: 'attitude', answer: 'harassing', count: 1 })],
      dossiers: [{ dossierCode: 'HS-2', unitId: 'xa-a', count: 1 }],
    });
  });

  it('keeps counters a recount of the raw rows through any adds, moves and amendments', () => {
    const step = fc.record({
      add: fc.array(arbRating, { maxLength: 6 }),
      change: fc.array(fc.tuple(fc.nat(), arbRating), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const rows: AssessedRating[] = [];
        const deltas: AssessmentCounterDeltas[] = [];
        for (const { add, change } of steps) {
          rows.push(...add);
          deltas.push(assessmentCounterDeltas([], add));
          for (const [at, next] of change) {
            if (rows.length === 0) break;
            const i = at % rows.length;
            deltas.push(assessmentCounterDeltas([rows[i]!], [next]));
            rows[i] = next;
          }
        }
        expect(asMaps(deltas)).toEqual(recount(rows));
      }),
    );
  });

  it('lists each kind in key order, one row per key, never a zero', () => {
    fc.assert(
      fc.property(fc.array(arbRating), fc.array(arbRating), (minus, plus) => {
        const d = assessmentCounterDeltas(minus, plus);
        const keys = d.officers.map((r) =>
          [r.unitId, r.month, r.officerId, r.level, r.category].join('\u0000'),
        );
        expect(new Set(keys).size).toBe(keys.length);
        for (const kind of ['officers', 'answers', 'dossiers'] as const) {
          expect(d[kind].every((r) => r.count !== 0)).toBe(true);
        }
        const ordered = [...d.dossiers].sort((a, b) =>
          a.dossierCode < b.dossierCode
            ? -1
            : a.dossierCode > b.dossierCode
              ? 1
              : a.unitId < b.unitId
                ? -1
                : 1,
        );
        expect(d.dossiers).toEqual(ordered);
      }),
    );
  });
});
