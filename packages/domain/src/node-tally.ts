/**
 * The tally of any node of the organisation tree for any reporting period: its figures per pooled
 * lĩnh vực (sector code), its totals with "x of n sectors met", and the totals of each unit directly
 * beneath it. Counts are pooled (summed over months, units and sectors), never averaged: a node's
 * rate is its satisfied answers over its answers. Pure: the caller reads the node counters of the
 * period's months and the catalogue, and passes them in.
 */
import {
  addScaled,
  cellScale,
  hasCounts,
  newCountCell,
  subtractCounts,
  uniformLevels,
  type CountCell,
  type LevelCount,
  type ReasonCount,
  type ScaledCount,
} from './node-counts.ts';
import type { OverallTarget, TargetChoice, TargetSource } from './node-targets.ts';
import type { ScaleId } from './scales.ts';
import {
  addCounts,
  DEFAULT_MIN_SAMPLE,
  figuresOf,
  ZERO_COUNTS,
  type Figures,
  type TallyCounts,
} from './tally-figures.ts';

/** A node counter summed over the period's months. */
export interface SectorCount extends ScaledCount {
  sectorCode: string;
}

export interface SectorReasonCount {
  sectorCode: string;
  reason: string;
  count: number;
}

/** A node counter summed over sectors and months. */
export interface NodeCount extends ScaledCount {
  nodeId: string;
}

/** A lĩnh vực as the node pools it: every sector of that code in its subtree. */
export interface PooledSectorInput {
  code: string;
  /** The name in force at the end of the period. */
  name: string;
  /** Every sector of this code in the subtree is archived: listed only with answers. */
  archived: boolean;
  target: TargetChoice;
}

export interface NodeRef {
  /** null: everything the reader may see, pooled (several roots). */
  id: string | null;
  name: string;
  kind: string | null;
}

export interface ChildInput {
  id: string;
  name: string;
  kind: string;
  archived: boolean;
  /** Whether units lie beneath it (the reader can open it). */
  hasChildren: boolean;
  /** The child's overall target (chỉ tiêu chung), its own or inherited. */
  target: OverallTarget;
}

export interface NodeTallyInput {
  node: NodeRef;
  /** The scale of the node's own unit, for the levels of a period without answers. */
  scale: ScaleId | null;
  /** In catalogue order. */
  sectors: readonly PooledSectorInput[];
  /** The node's counters per sector over the period. */
  rows: readonly SectorCount[];
  reasons: readonly SectorReasonCount[];
  /**
   * The node's overall target (chỉ tiêu chung), its own or inherited; none means the headline has
   * no verdict. Never derived from its sectors' targets.
   */
  target: OverallTarget;
  /** What a sector code counted but missing from the catalogue is judged against. */
  strayTarget: TargetChoice;
  /** Units directly beneath; archived ones are listed only with answers in the period. */
  children: readonly ChildInput[];
  /** The counts of each child over the period (see `countsByNode`); absent ones are zero. */
  childCounts: ReadonlyMap<string, TallyCounts>;
  minSample?: number;
}

export interface TargetedFigures extends Figures {
  targetSource: TargetSource;
}

export interface PooledSectorTally extends TargetedFigures {
  sectorCode: string;
  sectorName: string;
  archived: boolean;
  /** The scale of every answer; null when units of both scales are pooled. */
  scale: ScaleId | null;
  /** Answers per level when `scale` is one; null otherwise. */
  levels: LevelCount[] | null;
  reasons: ReasonCount[];
}

export interface ChildTally extends TargetedFigures {
  unitId: string;
  unitName: string;
  kind: string;
  archived: boolean;
  hasChildren: boolean;
}

export interface NodeTotals extends TargetedFigures {
  scale: ScaleId | null;
  levels: LevelCount[] | null;
  reasons: ReasonCount[];
  /** Sectors with enough answers to judge, and how many of them met their target ("x/n lĩnh vực đạt"). */
  sectorsJudged: number;
  sectorsMet: number;
  /** Sectors with answers, but fewer than the minimum sample: shown, not judged. */
  sectorsTooFew: number;
}

export interface NodeTally {
  node: NodeRef;
  minSample: number;
  totals: NodeTotals;
  sectors: PooledSectorTally[];
  children: ChildTally[];
  /**
   * Answers given at the node itself rather than beneath it: its totals less its children's. Null
   * when a unit moved in during the period makes that unknowable (its earlier answers count under
   * its old parent, so the children's sum can exceed the node's).
   */
  direct: Figures | null;
}

const bump = (map: Map<string, number>, key: string, by: number) =>
  map.set(key, (map.get(key) ?? 0) + by);

/** Most frequent first; ties in code order so the output does not depend on row order. */
function sortedReasons(reasons: Map<string, number>): ReasonCount[] {
  return [...reasons]
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}

const targeted = (
  cell: CountCell,
  target: TargetChoice | OverallTarget,
  minSample: number,
): TargetedFigures => ({
  ...figuresOf(cell.counts, target.targetBp, minSample),
  targetSource: target.source,
});

/** The tally of one node over one period. */
export function tallyNode(input: NodeTallyInput): NodeTally {
  const minSample = input.minSample ?? DEFAULT_MIN_SAMPLE;
  const cells = new Map<string, CountCell>();
  const reasonsOf = new Map<string, Map<string, number>>();
  const all = newCountCell();
  const allReasons = new Map<string, number>();
  for (const row of input.rows) {
    let cell = cells.get(row.sectorCode);
    if (!cell) cells.set(row.sectorCode, (cell = newCountCell()));
    addScaled(cell, row);
    addScaled(all, row);
  }
  for (const row of input.reasons) {
    if (row.count === 0) continue;
    let map = reasonsOf.get(row.sectorCode);
    if (!map) reasonsOf.set(row.sectorCode, (map = new Map()));
    bump(map, row.reason, row.count);
    bump(allReasons, row.reason, row.count);
  }

  // Catalogue sectors in order, archived ones only if they have answers, then codes counted but
  // no longer in the catalogue, under their code: the totals never lose answers.
  const listed = new Set(input.sectors.map((s) => s.code));
  const strays = [...cells.keys()].filter((code) => !listed.has(code)).sort();
  const sectorInputs = [
    ...input.sectors.filter((s) => !s.archived || cells.has(s.code)),
    ...strays.map((code) => ({ code, name: code, archived: true, target: input.strayTarget })),
  ];
  const sectors = sectorInputs.map((s): PooledSectorTally => {
    const cell = cells.get(s.code) ?? newCountCell();
    const scale = cellScale(cell, input.scale);
    return {
      sectorCode: s.code,
      sectorName: s.name,
      archived: s.archived,
      ...targeted(cell, s.target, minSample),
      scale,
      levels: uniformLevels(cell, scale),
      reasons: sortedReasons(reasonsOf.get(s.code) ?? new Map()),
    };
  });

  const countsOf = (id: string) => input.childCounts.get(id) ?? ZERO_COUNTS;
  // Archived units stay in the reports of periods they have answers in, and only there.
  const children = input.children
    .filter((c) => !c.archived || hasCounts(countsOf(c.id)))
    .map((c): ChildTally => ({
      unitId: c.id,
      unitName: c.name,
      kind: c.kind,
      archived: c.archived,
      hasChildren: c.hasChildren,
      ...figuresOf(countsOf(c.id), c.target.targetBp, minSample),
      targetSource: c.target.source,
    }));
  const fromChildren = input.children.reduce((sum, c) => addCounts(sum, countsOf(c.id)), {
    ...ZERO_COUNTS,
  });
  const direct = subtractCounts(all.counts, fromChildren);

  const judged = sectors.filter((s) => s.total > 0 && !s.tooFew);
  const scale = cellScale(all, input.scale);
  return {
    node: input.node,
    minSample,
    totals: {
      ...targeted(all, input.target, minSample),
      scale,
      levels: uniformLevels(all, scale),
      reasons: sortedReasons(allReasons),
      sectorsJudged: judged.length,
      sectorsMet: judged.filter((s) => s.verdict === 'met').length,
      sectorsTooFew: sectors.filter((s) => s.total > 0 && s.tooFew).length,
    },
    sectors,
    children,
    direct: direct ? figuresOf(direct, input.target.targetBp, minSample) : null,
  };
}
