/**
 * For random trees and random ratings, the node counters the sync path writes and the node tally
 * that reads them: any node's totals equal what was answered at it plus the sum of its children's,
 * equal a recount of the ratings of its subtree, and pooling never averages rates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeRollupDeltas, type NodeRollupRow, type NodeStoredRating } from './node-rollup.ts';
import { countsByNode } from './node-counts.ts';
import { tallyNode, type NodeTally } from './node-tally.ts';
import { ROLLUP_CATEGORIES } from './rollup.ts';
import { RATING_SCALES, type ScaleId } from './scales.ts';
import { ancestorsOf, buildTree, type UnitTree } from './unit-tree.ts';
import { ZERO_COUNTS, type TallyCounts } from './tally-figures.ts';

const CODES = ['ho-tich', 'chung-thuc', 'dat-dai'];
const TARGET = { targetBp: 9000, source: 'fallback' } as const;
const OVERALL = { targetBp: 9000, source: 'overall' } as const;

const world = fc
  .array(fc.record({ parent: fc.nat(), root: fc.boolean(), three: fc.boolean() }), {
    minLength: 1,
    maxLength: 12,
  })
  .chain((specs) => {
    // Node i's parent is one of the nodes before it, so the input is always a forest.
    const units = specs.map((s, i) => ({
      id: `n${i}`,
      parentId: i === 0 || s.root ? null : `n${s.parent % i}`,
      scale: (s.three ? 'three' : 'five') as ScaleId,
    }));
    const rating = fc.record({
      unit: fc.nat({ max: units.length - 1 }),
      code: fc.constantFrom(...CODES),
      level: fc.integer({ min: 1, max: 6 }),
      category: fc.constantFrom(...ROLLUP_CATEGORIES, 'counted', 'counted'),
      copies: fc.integer({ min: 1, max: 3 }),
    });
    return fc.tuple(fc.constant(units), fc.array(rating, { maxLength: 80 }));
  });

type Unit = { id: string; parentId: string | null; scale: ScaleId };

function store(
  units: Unit[],
  ratings: {
    unit: number;
    code: string;
    level: number;
    category: NodeStoredRating['category'];
    copies: number;
  }[],
): NodeStoredRating[] {
  return ratings.flatMap((r) => {
    const unit = units[r.unit]!;
    return Array.from({ length: r.copies }, () => ({
      unitId: unit.id,
      sectorCode: r.code,
      scale: unit.scale,
      month: '2026-03',
      level: r.level,
      category: r.category,
      reasons: [],
      counterId: null,
      channel: 'tablet' as const,
      storedAt: 0,
    }));
  });
}

/** What the tally must find: the ratings of a subtree counted one by one. */
function recount(
  tree: UnitTree,
  ratings: NodeStoredRating[],
  root: string,
  code?: string,
): TallyCounts {
  const counts = { ...ZERO_COUNTS };
  for (const r of ratings) {
    if (!ancestorsOf(tree, r.unitId).includes(root) || (code && r.sectorCode !== code)) continue;
    const level = RATING_SCALES[r.scale].levels.find((l) => l.level === r.level);
    if (r.category === 'repeat') counts.repeats++;
    else if (r.category === 'bad_clock') counts.badClock++;
    else if (r.category === 'superseded') counts.superseded++;
    else if (r.category === 'late') counts.late++;
    else if (r.category === 'excluded') counts.excludedBySupervisor++;
    else if (r.category === 'unverified') {
      counts.unverified++;
      if (level?.satisfied) counts.unverifiedSatisfied++;
    } else {
      if (!level) counts.otherLevels++;
      else {
        counts.total++;
        if (level.satisfied) counts.satisfied++;
      }
    }
  }
  return counts;
}

const countsOf = (f: TallyCounts): TallyCounts => ({
  total: f.total,
  satisfied: f.satisfied,
  repeats: f.repeats,
  badClock: f.badClock,
  superseded: f.superseded,
  unverified: f.unverified,
  unverifiedSatisfied: f.unverifiedSatisfied,
  late: f.late,
  otherLevels: f.otherLevels,
  excludedBySupervisor: f.excludedBySupervisor,
});

function tallyOf(tree: UnitTree<Unit>, rows: NodeRollupRow[], id: string): NodeTally {
  const children = tree.children.get(id) ?? [];
  const childIds = new Set(children.map((c) => c.id));
  return tallyNode({
    node: { id, name: id, kind: 'other' },
    scale: tree.nodes.get(id)!.scale,
    sectors: CODES.map((code) => ({ code, name: code, archived: false, target: TARGET })),
    rows: rows.filter((r) => r.nodeId === id),
    reasons: [],
    target: OVERALL,
    strayTarget: TARGET,
    children: children.map((c) => ({
      id: c.id,
      name: c.id,
      kind: 'other',
      archived: false,
      hasChildren: (tree.children.get(c.id) ?? []).length > 0,
      target: OVERALL,
    })),
    childCounts: countsByNode(rows.filter((r) => childIds.has(r.nodeId))),
  });
}

describe('node tally over node counters, for any tree and ratings', () => {
  it('gives every node its own answers plus the sum of its children’s, as a recount does', () => {
    fc.assert(
      fc.property(world, ([units, spec]) => {
        const tree = buildTree(units);
        const ratings = store(units, spec);
        const { levels } = nodeRollupDeltas(ratings, (unitId) => ancestorsOf(tree, unitId));
        for (const unit of units) {
          const tally = tallyOf(tree, levels, unit.id);
          const totals = countsOf(tally.totals);
          expect(totals).toEqual(recount(tree, ratings, unit.id));
          // Totals = direct + Σ children, field by field.
          expect(tally.direct).not.toBeNull();
          const sum = tally.children.reduce(
            (acc, c) => ({
              total: acc.total + c.total,
              satisfied: acc.satisfied + c.satisfied,
              repeats: acc.repeats + c.repeats,
              badClock: acc.badClock + c.badClock,
              superseded: acc.superseded + c.superseded,
              unverified: acc.unverified + c.unverified,
              unverifiedSatisfied: acc.unverifiedSatisfied + c.unverifiedSatisfied,
              late: acc.late + c.late,
              otherLevels: acc.otherLevels + c.otherLevels,
              excludedBySupervisor: acc.excludedBySupervisor + c.excludedBySupervisor,
            }),
            countsOf(tally.direct!),
          );
          expect(sum).toEqual(totals);
          for (const child of tally.children) {
            expect(countsOf(child)).toEqual(recount(tree, ratings, child.unitId));
          }
          for (const sector of tally.sectors) {
            expect(countsOf(sector)).toEqual(recount(tree, ratings, unit.id, sector.sectorCode));
          }
        }
      }),
    );
  });

  it('pools counts, never averages rates', () => {
    fc.assert(
      fc.property(world, ([units, spec]) => {
        const tree = buildTree(units);
        const { levels } = nodeRollupDeltas(store(units, spec), (id) => ancestorsOf(tree, id));
        for (const unit of units) {
          const { totals, sectors, children, direct } = tallyOf(tree, levels, unit.id);
          const pooled = (parts: TallyCounts[]) => {
            const total = parts.reduce((n, p) => n + p.total, 0);
            const satisfied = parts.reduce((n, p) => n + p.satisfied, 0);
            return total === 0 ? null : satisfied / total;
          };
          expect(totals.rate).toBe(pooled([...children, direct!]));
          expect(totals.rate).toBe(pooled(sectors));
          expect(totals.rate).toBe(totals.total === 0 ? null : totals.satisfied / totals.total);
        }
      }),
    );
  });
});
