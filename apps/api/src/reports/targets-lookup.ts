import {
  ancestorsOf,
  inheritOverallTarget,
  type OverallTarget,
  type UnitTree,
} from '@hailong/domain';
import type { Repositories } from '../repositories/types.ts';
import { FALLBACK_TARGET_BP } from '../catalogue/catalogue.service.ts';
import type { OverallTargetRow } from './report-types.ts';

/**
 * The targets in force in some years: a sector's own, else the year's default, else 90 %; and a
 * node's overall target (chỉ tiêu chung), its own else the nearest ancestor's, else none.
 */
export interface TargetLookup {
  defaultBp(year: number): number;
  sectorBp(unitId: string, sectorId: string, year: number): number;
  /** Whether the sector has its own target that year. */
  own(
    unitId: string,
    sectorId: string,
    year: number,
  ): { targetBp: number; updatedAt: number } | undefined;
  /** Whether someone set the year's default. */
  hasDefault(year: number): boolean;
  /** A node's own overall target that year. */
  ownOverall(unitId: string, year: number): OverallTargetRow | undefined;
  /** The overall target in force for a node that year (null node: several roots pooled). */
  overall(tree: UnitTree, unitId: string | null, year: number): OverallTarget;
}

export async function loadTargets(
  repos: Repositories,
  years: readonly number[],
): Promise<TargetLookup> {
  const unique = [...new Set(years)];
  const [targets, defaults, overall] = await Promise.all([
    repos.targets.listForYears(unique),
    repos.targets.listDefaults(unique),
    repos.targets.listOverall(unique),
  ]);
  const overallByKey = new Map(overall.map((t) => [`${t.year}/${t.unitId}`, t]));
  const ownOverall = (unitId: string, year: number) => overallByKey.get(`${year}/${unitId}`);
  const key = (unitId: string, sectorId: string, year: number) => `${year}/${unitId}/${sectorId}`;
  const byKey = new Map(targets.map((t) => [key(t.unitId, t.sectorId, t.year), t]));
  const defaultBp = (year: number) => defaults.get(year) ?? FALLBACK_TARGET_BP;
  return {
    defaultBp,
    sectorBp: (unitId, sectorId, year) =>
      byKey.get(key(unitId, sectorId, year))?.targetBp ?? defaultBp(year),
    own: (unitId, sectorId, year) => byKey.get(key(unitId, sectorId, year)),
    hasDefault: (year) => defaults.has(year),
    ownOverall,
    overall(tree, unitId, year) {
      // Several roots pooled ("Tất cả đơn vị"): one only if there is one root to take it from.
      const roots = tree.children.get(null) ?? [];
      const id = unitId ?? (roots.length === 1 ? roots[0]!.id : null);
      const path = id === null ? [] : ancestorsOf(tree, id);
      return inheritOverallTarget(path, (u) => ownOverall(u, year)?.targetBp);
    },
  };
}
