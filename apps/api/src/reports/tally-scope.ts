import type { TallyUnitInput } from '@hailong/domain';
import type { SectorRow, UnitRow, UserRow, Repositories } from '../repositories/types.ts';
import type { TargetLookup } from './targets-lookup.ts';
import { loadReportScope } from './report-scope.ts';

export interface ScopedUnit {
  unit: UnitRow;
  sectors: SectorRow[];
}

/**
 * The units a user may tally, in catalogue order: the visible ones (their subtree; every unit for
 * admins and the public page), or the one asked for, which outside the subtree is "not found".
 */
export async function unitsInScope(
  repos: Repositories,
  user: UserRow | null,
  requested: string | undefined,
): Promise<ScopedUnit[]> {
  const scope = await loadReportScope(repos, user);
  const chosen = requested === undefined ? scope.visibleUnits() : [scope.requireVisible(requested)];
  const sectors = await repos.catalogue.listSectors(requested);
  return chosen.map((unit) => ({ unit, sectors: sectors.filter((s) => s.unitId === unit.id) }));
}

/** The units as the tally takes them, each sector with the target in force in `year`. */
export function tallyUnits(
  scoped: readonly ScopedUnit[],
  targets: TargetLookup,
  year: number,
): TallyUnitInput[] {
  return scoped.map(({ unit, sectors }) => ({
    id: unit.id,
    name: unit.name,
    scale: unit.scale,
    sectors: sectors.map((s) => ({
      id: s.id,
      name: s.name,
      targetBp: targets.sectorBp(unit.id, s.id, year),
    })),
  }));
}
