import type { TallyUnitInput } from '@hailong/domain';
import type { SectorRow, UnitRow, UserRow, Repositories } from '../repositories/types.ts';
import type { TargetLookup } from './targets-lookup.ts';
import { forbidden, notFound } from '../http/errors.ts';

export interface ScopedUnit {
  unit: UnitRow;
  sectors: SectorRow[];
}

/**
 * The units a user may tally, in catalogue order: admins, supervisors and viewers see every unit
 * (or the one asked for); staff see only their own, and asking for another is refused.
 */
export async function unitsInScope(
  repos: Repositories,
  user: UserRow | null,
  requested: string | undefined,
): Promise<ScopedUnit[]> {
  let unitId = requested;
  if (user?.role === 'staff') {
    if (!user.unitId || (requested !== undefined && requested !== user.unitId)) throw forbidden();
    unitId = user.unitId;
  }
  const [units, sectors] = await Promise.all([
    repos.catalogue.listUnits(),
    repos.catalogue.listSectors(unitId),
  ]);
  const chosen = unitId === undefined ? units : units.filter((u) => u.id === unitId);
  if (unitId !== undefined && chosen.length === 0) throw notFound('Đơn vị');
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
