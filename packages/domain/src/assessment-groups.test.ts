import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countRatings, emptyCounts, scoreAssessment } from './assessment.ts';
import { assessmentCounterDeltas, type AssessedRating } from './assessment-counters.ts';
import {
  groupAssessment,
  poolAssessment,
  unitNameOf,
  type AssessmentGrouping,
  type GroupingCatalogue,
  type GroupingInput,
} from './assessment-groups.ts';
import { ROLLUP_CATEGORIES } from './rollup.ts';
import { isSatisfied, RATING_SCALES } from './scales.ts';
import { ATTITUDE_ANSWERS } from './survey.ts';
import { compareVi } from './vi-text.ts';

/** Two communes under a district; both have Hộ tịch, named alike under one code. */
const catalogue: GroupingCatalogue = {
  units: new Map([
    ['huyen', { name: 'Huyện Phú Vang', parentId: null }],
    ['xa-a', { name: 'Xã Phú An', parentId: 'huyen' }],
    ['xa-b', { name: 'Xã Phú Mỹ', parentId: 'huyen' }],
  ]),
  sectors: new Map([
    ['a/ht', { code: 'ho-tich', name: 'Hộ tịch' }],
    ['b/ht', { code: 'ho-tich', name: 'Hộ tịch' }],
    ['b/ct', { code: 'chung-thuc', name: 'Chứng thực' }],
  ]),
  users: new Map([
    ['an', { displayName: 'Nguyễn Văn An', unitId: 'xa-a' }],
    ['binh', { displayName: 'Trần Thị Bình', unitId: 'xa-b' }],
  ]),
};

const input = (by: AssessmentGrouping, fields: Partial<GroupingInput> = {}): GroupingInput => ({
  by,
  catalogue,
  ratings: [],
  answers: [],
  dossiers: [],
  feedback: [],
  upheld: new Map(),
  ...fields,
});

const ratings: GroupingInput['ratings'] = [
  { unitId: 'xa-a', sectorId: 'a/ht', officerId: 'an', scale: 'five', level: 5, count: 3 },
  { unitId: 'xa-a', sectorId: 'a/ht', officerId: null, scale: 'five', level: 1, count: 1 },
  { unitId: 'xa-b', sectorId: 'b/ht', officerId: 'binh', scale: 'five', level: 4, count: 2 },
  { unitId: 'xa-b', sectorId: 'b/ct', officerId: 'an', scale: 'three', level: 1, count: 4 },
];

describe('groupAssessment', () => {
  it('per officer: ratings naming none belong to no row; an officer of two units names both', () => {
    const groups = groupAssessment(input('officer', { ratings }));
    expect(
      groups.map((g) => [g.key, g.name, [...g.unitIds], g.counts.ratings, g.counts.satisfied]),
    ).toEqual([
      ['an', 'Nguyễn Văn An', ['xa-a', 'xa-b'], 7, 3],
      ['binh', 'Trần Thị Bình', ['xa-b'], 2, 2],
    ]);
    expect(unitNameOf(groups[0]!, 'officer', catalogue, compareVi)).toBe('Xã Phú An, Xã Phú Mỹ');
  });

  it('per sector: one lĩnh vực of several units pools under its code', () => {
    const groups = groupAssessment(input('sector', { ratings }));
    expect(groups.map((g) => [g.key, g.name, g.counts.ratings, g.counts.satisfied])).toEqual([
      ['ho-tich', 'Hộ tịch', 6, 5],
      ['chung-thuc', 'Chứng thực', 4, 0],
    ]);
    expect(unitNameOf(groups[0]!, 'sector', catalogue, compareVi)).toBe('Xã Phú An, Xã Phú Mỹ');
  });

  it('per unit: the parent is named beside the unit', () => {
    const groups = groupAssessment(input('unit', { ratings }));
    expect(groups.map((g) => [g.key, g.name, g.counts.ratings])).toEqual([
      ['xa-a', 'Xã Phú An', 4],
      ['xa-b', 'Xã Phú Mỹ', 6],
    ]);
    expect(unitNameOf(groups[1]!, 'unit', catalogue, compareVi)).toBe('Huyện Phú Vang');
    expect(unitNameOf({ key: 'huyen', unitIds: new Set() }, 'unit', catalogue, compareVi)).toBe(
      null,
    );
  });

  it('adds answers 1, 2, 3-or-more and attitudes; anything else is not scored', () => {
    const [an] = groupAssessment(
      input('officer', {
        answers: [
          {
            unitId: 'xa-a',
            sectorId: null,
            officerId: 'an',
            question: 'visits',
            answer: '3',
            count: 2,
          },
          {
            unitId: 'xa-a',
            sectorId: null,
            officerId: 'an',
            question: 'agencies',
            answer: '1',
            count: 1,
          },
          {
            unitId: 'xa-a',
            sectorId: null,
            officerId: 'an',
            question: 'visits',
            answer: '4',
            count: 9,
          },
          {
            unitId: 'xa-a',
            sectorId: null,
            officerId: 'an',
            question: 'attitude',
            answer: 'harassing',
            count: 1,
          },
          {
            unitId: 'xa-a',
            sectorId: null,
            officerId: 'an',
            question: 'attitude',
            answer: 'toString',
            count: 9,
          },
        ],
      }),
    );
    expect(an!.counts).toMatchObject({
      ratings: 0,
      visits: [0, 0, 2],
      agencies: [1, 0, 0],
      attitude: { courteous: 0, not_courteous: 0, harassing: 1 },
    });
  });

  it('scores dossiers per officer, unit or sector; those without one belong to no row', () => {
    const dossiers: GroupingInput['dossiers'] = [
      { unitId: 'xa-a', sectorId: 'a/ht', officerId: 'an', outcome: 'early', rated: true },
      { unitId: 'xa-a', sectorId: null, officerId: null, outcome: 'late', rated: false },
      { unitId: 'xa-b', sectorId: 'b/ht', officerId: 'an', outcome: null, rated: false },
    ];
    const figures = (by: AssessmentGrouping) =>
      groupAssessment(input(by, { dossiers })).map((g) => [
        g.key,
        g.dossiers,
        g.ratedDossiers,
        g.counts.time,
      ]);
    expect(figures('officer')).toEqual([['an', 2, 1, { early: 1, onDate: 0, late: 0 }]]);
    expect(figures('sector')).toEqual([['ho-tich', 2, 1, { early: 1, onDate: 0, late: 0 }]]);
    expect(figures('unit')).toEqual([
      ['xa-a', 2, 1, { early: 1, onDate: 0, late: 1 }],
      ['xa-b', 1, 0, { early: 0, onDate: 0, late: 0 }],
    ]);
  });

  it('phản ánh on time count per unit only; upheld conduct per officer only, even without ratings', () => {
    const feedback = [
      { unitId: 'xa-a', judged: 4, onTime: 3 },
      { unitId: 'xa-a', judged: 1, onTime: 1 },
    ];
    const upheld = new Map([['binh', 2]]);
    const byUnit = groupAssessment(input('unit', { feedback, upheld }));
    expect(byUnit.map((g) => [g.key, g.counts.feedback, g.counts.upheldConduct])).toEqual([
      ['xa-a', { judged: 5, onTime: 4 }, 0],
    ]);
    const byOfficer = groupAssessment(input('officer', { feedback, upheld }));
    expect(byOfficer.map((g) => [g.key, g.counts.feedback, g.counts.upheldConduct])).toEqual([
      ['binh', null, 2],
    ]);
    // An officer with no figures of any unit is shown with their own unit.
    expect(unitNameOf(byOfficer[0]!, 'officer', catalogue, compareVi)).toBe('Xã Phú Mỹ');
    expect(groupAssessment(input('sector', { feedback, upheld }))).toEqual([]);
  });

  it('names what the catalogue no longer knows by its key', () => {
    const [g] = groupAssessment(
      input('sector', {
        ratings: [
          {
            unitId: 'gone',
            sectorId: 'gone/x',
            officerId: null,
            scale: 'five',
            level: 5,
            count: 1,
          },
        ],
      }),
    );
    expect([g!.key, g!.name]).toEqual(['gone/x', 'gone/x']);
    expect(unitNameOf(g!, 'sector', catalogue, compareVi)).toBe('gone');
  });
});

describe('the groups of the counters equal the counts of the raw ratings (countRatings)', () => {
  const arbRating: fc.Arbitrary<AssessedRating> = fc.record({
    unitId: fc.constantFrom('xa-a', 'xa-b'),
    sectorId: fc.constantFrom('a/ht', 'b/ht', 'b/ct'),
    officerId: fc.constantFrom(null, 'an', 'binh'),
    month: fc.constantFrom('2026-10', '2026-11'),
    level: fc.integer({ min: 1, max: 5 }),
    category: fc.constantFrom(...ROLLUP_CATEGORIES),
    visits: fc.constantFrom(null, 1, 2, 3),
    agencies: fc.constantFrom(null, 1, 2, 3),
    attitude: fc.constantFrom(null, ...ATTITUDE_ANSWERS),
    dossierCode: fc.constant(null),
  });
  /** xa-a rated on three levels in October. */
  const scaleOf = (unitId: string, month: string) =>
    unitId === 'xa-a' && month === '2026-10' ? ('three' as const) : ('five' as const);
  const satisfied = (unitId: string, month: string, level: number) =>
    isSatisfied(RATING_SCALES[scaleOf(unitId, month)], level);

  it.each(['officer', 'unit', 'sector'] as const)('per %s', (by) => {
    fc.assert(
      fc.property(fc.array(arbRating, { maxLength: 40 }), (raw) => {
        // The counters as the service reads them, counted only: an officer's ratings and the
        // answers from the assessment's counters, a unit's or sector's ratings from the tree's
        // own counters (here summed straight from the raw rows).
        const deltas = assessmentCounterDeltas([], raw);
        const keep = (r: { category: string; officerId: string }) =>
          r.category === 'counted' && (by !== 'officer' || r.officerId !== '');
        const pick = (r: { sectorId: string; officerId: string }) => ({
          sectorId: by === 'officer' ? null : r.sectorId,
          officerId: by === 'officer' ? r.officerId : null,
        });
        const tree = new Map<string, GroupingInput['ratings'][number]>();
        for (const r of raw.filter((r) => r.category === 'counted')) {
          const id = [r.unitId, r.sectorId, r.month, r.level].join('|');
          const row = tree.get(id) ?? {
            unitId: r.unitId,
            sectorId: r.sectorId,
            officerId: null,
            scale: scaleOf(r.unitId, r.month),
            level: r.level,
            count: 0,
          };
          row.count += 1;
          tree.set(id, row);
        }
        const groups = groupAssessment(
          input(by, {
            ratings:
              by === 'officer'
                ? deltas.officers
                    .filter((r) => r.category === 'counted')
                    .map((r) => ({ ...r, sectorId: null, scale: scaleOf(r.unitId, r.month) }))
                : [...tree.values()],
            answers: deltas.answers.filter(keep).map((r) => ({ ...r, ...pick(r) })),
          }),
        );
        const keyOf = (r: AssessedRating) =>
          by === 'officer'
            ? r.officerId
            : by === 'unit'
              ? r.unitId
              : catalogue.sectors.get(r.sectorId)!.code;
        const want = new Map<string, ReturnType<typeof emptyCounts>>();
        for (const r of raw) {
          const key = keyOf(r);
          if (key === null || r.category !== 'counted') continue;
          const counts = want.get(key) ?? emptyCounts();
          countRatings(counts, [{ ...r, satisfied: satisfied(r.unitId, r.month, r.level) }]);
          want.set(key, counts);
        }
        expect(new Map(groups.map((g) => [g.key, g.counts]))).toEqual(want);
      }),
    );
  });
});

describe("a node's TT 01 figures pooled from its groups", () => {
  const group = (key: string, fill: (c: ReturnType<typeof emptyCounts>) => void) => {
    const counts = emptyCounts();
    fill(counts);
    return { key, name: key, unitIds: new Set([key]), counts, dossiers: 3, ratedDossiers: 2 };
  };
  const a = group('xa-a', (c) => {
    c.ratings = 4;
    c.satisfied = 4;
    c.visits = [4, 0, 0];
    c.time = { early: 1, onDate: 0, late: 0 };
    c.feedback = { judged: 1, onTime: 1 };
  });
  const b = group('xa-b', (c) => {
    c.ratings = 10;
    c.satisfied = 7;
    c.visits = [5, 3, 2];
    c.attitude.courteous = 6;
    c.time = { early: 0, onDate: 2, late: 8 };
    c.feedback = { judged: 10, onTime: 9 };
  });

  it('adds the counts and scores them once, as if every answer belonged to one group', () => {
    const pooled = poolAssessment([a, b], 'huyen', 'Huyện Phú Vang');
    expect(pooled).toMatchObject({ key: 'huyen', dossiers: 6, ratedDossiers: 4 });
    expect([...pooled.unitIds]).toEqual(['xa-a', 'xa-b']);
    expect(pooled.counts).toMatchObject({
      ratings: 14,
      satisfied: 11,
      visits: [9, 3, 2],
      time: { early: 1, onDate: 2, late: 8 },
      feedback: { judged: 11, onTime: 10 },
    });
    // Indicator 8 of the node: 10 of 11 on time (below 100 %) is 1 point — never the mean of the
    // units' 2 and 1.
    const score = scoreAssessment(pooled.counts);
    expect(score.indicators.find((i) => i.indicator === 8)?.points).toBe(1);
    expect(scoreAssessment(a.counts).indicators.find((i) => i.indicator === 8)?.points).toBe(2);
  });

  it('leaves indicator 8 unmeasured when no group measured it, and pools nothing to nothing', () => {
    const unmeasured = group('xa-c', (c) => (c.ratings = 2));
    expect(poolAssessment([unmeasured], 'x', 'x').counts.feedback).toBeNull();
    expect(poolAssessment([], 'x', 'x').counts).toEqual(emptyCounts());
  });
});
