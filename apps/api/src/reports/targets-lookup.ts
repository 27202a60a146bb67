import type { Repositories } from '../repositories/types.ts';
import { FALLBACK_TARGET_BP } from '../catalogue/catalogue.service.ts';

/** The targets in force in some years: a sector's own, else the year's default, else 90 %. */
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
}

export async function loadTargets(
  repos: Repositories,
  years: readonly number[],
): Promise<TargetLookup> {
  const unique = [...new Set(years)];
  const [targets, defaults] = await Promise.all([
    repos.targets.listForYears(unique),
    repos.targets.listDefaults(unique),
  ]);
  const key = (unitId: string, sectorId: string, year: number) => `${year}/${unitId}/${sectorId}`;
  const byKey = new Map(targets.map((t) => [key(t.unitId, t.sectorId, t.year), t]));
  const defaultBp = (year: number) => defaults.get(year) ?? FALLBACK_TARGET_BP;
  return {
    defaultBp,
    sectorBp: (unitId, sectorId, year) =>
      byKey.get(key(unitId, sectorId, year))?.targetBp ?? defaultBp(year),
    own: (unitId, sectorId, year) => byKey.get(key(unitId, sectorId, year)),
    hasDefault: (year) => defaults.has(year),
  };
}
