/**
 * The catalogue as a report of a period needs it: the sectors of any subtree pooled by code, with
 * the name in force at the end of the period (catalogue_history keeps renames) and the target each
 * pooled figure is judged against, and units under the names they had then. Built from the
 * catalogue's snapshot (catalogue-snapshot.ts), so a report re-reads nothing while the catalogue's
 * version stands: a nation has thousands of units and tens of thousands of sectors.
 */
import {
  compareVi,
  defaultTarget,
  poolTargets,
  type EffectiveTarget,
  type OverallTarget,
  type PooledSectorInput,
  type TargetChoice,
  type UnitTree,
} from '@hailong/domain';
import type {
  NameChangeRow,
  ReportSectorRow,
  Repositories,
  UnitRow,
} from '../repositories/types.ts';
import { FALLBACK_TARGET_BP } from '../catalogue/catalogue.service.ts';
import type { TargetLookup } from './targets-lookup.ts';
import { catalogueSnapshot } from './catalogue-snapshot.ts';

export interface ReportCatalogue {
  /** The unit's name in force at the end of the period. */
  unitName(unit: UnitRow): string;
  /** The lĩnh vực of these units pooled by code, in catalogue order, with their targets in `year`. */
  pooledSectors(unitIds: Iterable<string>, year: number): PooledSectorInput[];
  /**
   * The overall target (chỉ tiêu chung) a node's headline is judged against in `year`: its own,
   * else the nearest ancestor's, else none (no verdict). Null node: several roots pooled.
   */
  overallTarget(unitId: string | null, year: number): OverallTarget;
  /** What a sector code counted but missing from the catalogue is judged against. */
  defaultChoice(year: number): TargetChoice;
  /** A sector's code and its name in force at the end of the period. */
  sector(id: string): { code: string; name: string } | undefined;
  /** The ids of these units' sectors with this code (one lĩnh vực pooled). */
  sectorIds(unitIds: Iterable<string>, code: string): string[];
}

/**
 * The names in force at `month` of the entities ever renamed: the last change applying by then.
 * Others, and those created after `month`, go by their current name.
 */
function namesAt(history: readonly NameChangeRow[], month: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, rows] of groupBy(history, (row) => `${row.entityType}/${row.entityId}`)) {
    const inForce = rows.filter((r) => r.month <= month).at(-1);
    if (inForce) out.set(key, inForce.name);
  }
  return out;
}

export async function loadReportCatalogue(
  repos: Repositories,
  tree: UnitTree<UnitRow>,
  years: readonly number[],
  atMonth: string,
): Promise<ReportCatalogue> {
  const snapshot = await catalogueSnapshot(repos);
  const targets = await snapshot.targets(years);
  const names = snapshot.derived(`names@${atMonth}`, () => namesAt(snapshot.history, atMonth));
  const byUnit = snapshot.derived('byUnit', () => {
    const groups = groupBy(snapshot.sectors, (s) => s.unitId);
    // Within a unit, catalogue order; units come in the order the caller lists them (the tree's).
    for (const group of groups.values()) {
      group.sort((a, b) => a.sortOrder - b.sortOrder || compareVi(a.name, b.name));
    }
    return groups;
  });
  const sectorsOf = (unitIds: Iterable<string>) =>
    [...unitIds].flatMap((id) => byUnit.get(id) ?? []);
  // Each sector's target is worked out once per year and catalogue version: a province report
  // pools ~4 000 of them for the node and again for every unit beneath it.
  const effectiveOf = (year: number) => {
    const byId = snapshot.derived(`effective@${year}`, () => new Map<string, EffectiveTarget>());
    return (s: ReportSectorRow): EffectiveTarget => {
      let target = byId.get(s.id);
      if (!target) byId.set(s.id, (target = effectiveTarget(targets, s, year)));
      return target;
    };
  };
  const defaultChoice = (year: number) =>
    defaultTarget(
      targets.hasDefault(year) ? targets.defaultBp(year) : undefined,
      FALLBACK_TARGET_BP,
    );

  const byId = snapshot.derived('byId', () => new Map(snapshot.sectors.map((s) => [s.id, s])));

  return {
    unitName: (unit) => names.get(`unit/${unit.id}`) ?? unit.name,
    defaultChoice,
    sector(id) {
      const s = byId.get(id);
      return s && { code: s.code, name: names.get(`sector/${s.id}`) ?? s.name };
    },
    sectorIds: (unitIds, code) =>
      sectorsOf(unitIds)
        .filter((s) => s.code === code)
        .map((s) => s.id),
    overallTarget: (unitId, year) => targets.overall(tree, unitId, year),
    pooledSectors(unitIds, year) {
      // The same subtree pooled again (the next report of this node) is the same answer while
      // the catalogue's version stands.
      const ids = [...unitIds];
      return snapshot.derived(`pooled@${year}@${atMonth}@${ids.join(',')}`, () => pool(ids, year));
    },
  };

  function pool(unitIds: string[], year: number): PooledSectorInput[] {
    const effective = effectiveOf(year);
    const byCode = groupBy(sectorsOf(unitIds), (s) => s.code);
    return [...byCode].map(([code, group]) => {
      const active = group.filter((s) => s.archivedAt === null);
      return {
        code,
        name: commonest(
          (active.length > 0 ? active : group).map((s) => names.get(`sector/${s.id}`) ?? s.name),
        ),
        archived: active.length === 0,
        target: poolTargets(group.map(effective), defaultChoice(year)),
      };
    });
  }
}

function effectiveTarget(targets: TargetLookup, s: ReportSectorRow, year: number): EffectiveTarget {
  const own = targets.own(s.unitId, s.id, year);
  if (own) return { targetBp: own.targetBp, source: 'sector' };
  if (targets.hasDefault(year)) return { targetBp: targets.defaultBp(year), source: 'default' };
  return { targetBp: FALLBACK_TARGET_BP, source: 'fallback' };
}

/** Rows grouped by key, groups in order of first appearance, rows in input order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = out.get(k);
    if (group) group.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** The name most units give a sector code; the first of them on a tie. */
function commonest(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = names[0]!;
  for (const n of names) if (counts.get(n)! > counts.get(best)!) best = n;
  return best;
}
