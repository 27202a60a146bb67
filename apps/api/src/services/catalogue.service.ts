import { yearAt } from '@hailong/domain';
import type { UnitList } from '@hailong/contracts';
import type { Repositories } from '../repositories/types.ts';
import type { Clock } from './clock.ts';

/** The target when neither the sector nor the year has one (domain.md: 90% is the common floor). */
export const FALLBACK_TARGET_BP = 9000;

/** Units (đơn vị) with their sectors (lĩnh vực) and each sector's target for the current year. */
export function createCatalogueService(repos: Repositories, clock: Clock) {
  return {
    async listUnits(): Promise<UnitList> {
      const year = yearAt(clock());
      const [units, sectors, targets, yearDefault] = await Promise.all([
        repos.catalogue.listUnits(),
        repos.catalogue.listSectors(),
        repos.catalogue.listTargets(year),
        repos.catalogue.findDefaultTarget(year),
      ]);
      const targetOf = new Map(targets.map((t) => [`${t.unitId}/${t.sectorId}`, t.targetBp]));
      const fallback = yearDefault ?? FALLBACK_TARGET_BP;
      return {
        year,
        units: units.map((unit) => ({
          id: unit.id,
          code: unit.code,
          name: unit.name,
          kind: unit.kind,
          scale: unit.scale,
          sectors: sectors
            .filter((s) => s.unitId === unit.id)
            .map((s) => ({
              id: s.id,
              code: s.code,
              name: s.name,
              targetPercent: (targetOf.get(`${unit.id}/${s.id}`) ?? fallback) / 100,
            })),
        })),
      };
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
