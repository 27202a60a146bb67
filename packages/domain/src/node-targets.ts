/**
 * Targets (chỉ tiêu) of pooled figures. A target is set per unit and sector and year; when the
 * figures of several unit-sectors are pooled (a lĩnh vực across a hundred communes, or a whole node)
 * the pooled target is theirs if they agree, and otherwise the highest (the strictest), and the
 * payload says which. A target nobody set (the built-in 90 % floor) never votes and is never
 * presented as if someone had set it.
 */

/** Where a target comes from. */
export type TargetSource =
  /** Set for the sector (or for every contributing sector, all agreeing). */
  | 'sector'
  /** The year's default, set by an administrator, for sectors without their own. */
  | 'default'
  /** Nobody set anything: the built-in floor, shown as such. */
  | 'fallback'
  /** Contributing targets differ: the highest of them. */
  | 'derived-max'
  /** A node's overall target (chỉ tiêu chung), set for the node itself. */
  | 'overall'
  /** A node's overall target inherited from the nearest ancestor that has one. */
  | 'inherited'
  /** No overall target anywhere up the tree: the headline shows no verdict. */
  | 'none';

export interface TargetChoice {
  targetBp: number;
  source: TargetSource;
}

/**
 * What a node's headline rate is judged against: its overall target (chỉ tiêu tỷ lệ hài lòng
 * chung), set for it or inherited, or nothing. Never a sector's target: the strictest sector target
 * a node pools is nobody's choice for the node as a whole.
 */
export type OverallTarget =
  { targetBp: number; source: 'overall' | 'inherited' } | { targetBp: null; source: 'none' };

export const NO_OVERALL_TARGET: OverallTarget = { targetBp: null, source: 'none' };

/**
 * The overall target of a node in some year: the first of `pathUp` (the node, then its parent, up
 * to the root) that has one of its own (`own`), else none.
 */
export function inheritOverallTarget(
  pathUp: Iterable<string>,
  own: (unitId: string) => number | undefined,
): OverallTarget {
  let first = true;
  for (const id of pathUp) {
    const bp = own(id);
    if (bp !== undefined) return { targetBp: bp, source: first ? 'overall' : 'inherited' };
    first = false;
  }
  return NO_OVERALL_TARGET;
}

/** The target in force for one unit-sector: its own, else the year's default, else the floor. */
export interface EffectiveTarget {
  targetBp: number;
  source: 'sector' | 'default' | 'fallback';
}

/**
 * The target of pooled figures from the targets of what they pool. `otherwise` applies when none of
 * them was set by anyone (all at the floor, or nothing pooled).
 */
export function poolTargets(
  targets: Iterable<EffectiveTarget>,
  otherwise: TargetChoice,
): TargetChoice {
  let max: number | undefined;
  let min: number | undefined;
  let own = false;
  for (const t of targets) {
    if (t.source === 'fallback') continue;
    if (max === undefined || t.targetBp > max) max = t.targetBp;
    if (min === undefined || t.targetBp < min) min = t.targetBp;
    if (t.source === 'sector') own = true;
  }
  if (max === undefined) return otherwise;
  if (max !== min) return { targetBp: max, source: 'derived-max' };
  return { targetBp: max, source: own ? 'sector' : 'default' };
}

/** What applies where nothing pooled was set: the year's default if set, else the floor. */
export function defaultTarget(yearDefaultBp: number | undefined, floorBp: number): TargetChoice {
  return yearDefaultBp === undefined
    ? { targetBp: floorBp, source: 'fallback' }
    : { targetBp: yearDefaultBp, source: 'default' };
}

/** How reports say where a target comes from. */
export const TARGET_SOURCE_LABELS: Readonly<Record<TargetSource, { vi: string; en: string }>> = {
  sector: { vi: 'Chỉ tiêu của lĩnh vực', en: 'Target set for the sector' },
  default: { vi: 'Chỉ tiêu chung của năm', en: 'The year’s default target' },
  fallback: {
    vi: 'Chưa đặt chỉ tiêu, tạm so với mức sàn 90%',
    en: 'No target set; compared with the 90% floor',
  },
  'derived-max': {
    vi: 'Chỉ tiêu cao nhất trong các chỉ tiêu được tổng hợp',
    en: 'The highest of the pooled targets',
  },
  overall: { vi: 'Chỉ tiêu tỷ lệ hài lòng chung', en: 'The overall satisfaction target' },
  inherited: {
    vi: 'Chỉ tiêu tỷ lệ hài lòng chung của cấp trên',
    en: 'The overall target set above this unit',
  },
  none: { vi: 'Chưa đặt chỉ tiêu chung', en: 'No overall target set' },
};
