import { buildTree, depthOf, monthOf, yearAt } from '@hailong/domain';
import type { UnitList } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadAccess } from '../auth/access.ts';
import { scalesOf } from './catalogue.mapper.ts';

/** The target when neither the sector nor the year has one (domain.md: 90% is the common floor). */
export const FALLBACK_TARGET_BP = 9000;

/**
 * Units (đơn vị) for forms and filters: those the user may see and that are not archived, in
 * catalogue order, with their active sectors (lĩnh vực) and each sector's target this year.
 */
export function createCatalogueService(repos: Repositories, clock: Clock) {
  return {
    async listUnits(user: UserRow): Promise<UnitList> {
      const now = clock();
      const year = yearAt(now);
      const month = monthOf(now);
      const access = await loadAccess(repos, user);
      const units = access.visibleUnits().filter((u) => u.archivedAt === null);
      const [sectors, counters, targets, yearDefault, scales] = await Promise.all([
        repos.catalogue.listSectors(undefined, { activeOnly: true }),
        repos.catalogue.listCounters(undefined, { activeOnly: true }),
        repos.catalogue.listTargets(year),
        repos.catalogue.findDefaultTarget(year),
        repos.catalogue.listUnitScales(units.map((u) => u.id)),
      ]);
      const targetOf = new Map(targets.map((t) => [`${t.unitId}/${t.sectorId}`, t.targetBp]));
      const fallback = yearDefault ?? FALLBACK_TARGET_BP;
      const tree = buildTree(units);
      return {
        year,
        units: units.map((unit) => ({
          id: unit.id,
          code: unit.code,
          name: unit.name,
          kind: unit.kind,
          scale: scalesOf(unit, scales, month).scale,
          parentId: tree.parents.get(unit.id) ?? null,
          depth: depthOf(tree, unit.id),
          sectors: sectors
            .filter((s) => s.unitId === unit.id)
            .map((s) => ({
              id: s.id,
              code: s.code,
              name: s.name,
              targetPercent: (targetOf.get(`${unit.id}/${s.id}`) ?? fallback) / 100,
            })),
          counters: counters
            .filter((c) => c.unitId === unit.id)
            .map((c) => ({ id: c.id, code: c.code, name: c.name })),
        })),
      };
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
