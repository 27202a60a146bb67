/**
 * Short links of the phone page: the codes a unit's posters print (given on first use, then
 * kept), and where a typed code leads. The codes' rule is the domain's (short-codes.ts).
 */
import {
  counterNumber,
  counterShortCode,
  freeUnitCode,
  normalizeShortCode,
  shortCodeBase,
} from '@hailong/domain';
import type { UnitShortLinks } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadAccess } from '../auth/access.ts';
import type { ShortLinkRow } from './short-links.repository.ts';

/** Where a short link leads: the phone page of a unit, at one of its counters or none. */
export interface ShortLinkTarget {
  unitId: string;
  counterId: string | null;
}

export type ShortLinkService = ReturnType<typeof createShortLinkService>;

export function createShortLinkService(repos: Repositories, clock: Clock) {
  /** Gives the unit and its active counters the codes they lack, in catalogue order. */
  async function give(unitId: string, unitName: string): Promise<ShortLinkRow[]> {
    return repos.transaction(async (tx) => {
      const rows = await tx.shortLinks.forUnit(unitId);
      const counters = await tx.catalogue.listCounters(unitId, { activeOnly: true });
      const own = rows.find((r) => r.counterId === null);
      const missing = counters.filter((c) => !rows.some((r) => r.counterId === c.id));
      if (own && missing.length === 0) return rows;
      const at = clock();
      const added: ShortLinkRow[] = [];
      let unitCode = own?.code;
      if (!unitCode) {
        const base = shortCodeBase(unitName);
        // Codes of other units that start like this one: few, read once.
        const used = new Set<string>();
        unitCode = freeUnitCode(base, (code) => used.has(code));
        while (await tx.shortLinks.taken(unitCode)) {
          used.add(unitCode);
          unitCode = freeUnitCode(base, (code) => used.has(code));
        }
        added.push({ code: unitCode, unitId, counterId: null, createdAt: at });
      }
      // A number is never given twice, even after a counter is archived.
      let n = Math.max(0, ...rows.map((r) => counterNumber(unitCode, r.code) ?? 0));
      for (const counter of missing) {
        n += 1;
        added.push({
          code: counterShortCode(unitCode, n),
          unitId,
          counterId: counter.id,
          createdAt: at,
        });
      }
      await tx.shortLinks.add(added);
      return tx.shortLinks.forUnit(unitId);
    });
  }

  return {
    /** The unit's codes for its posters, given now where missing (any user who sees the unit). */
    async forPosters(user: UserRow, unitId: string): Promise<UnitShortLinks> {
      const unit = (await loadAccess(repos, user)).requireVisible(unitId);
      const rows = await give(unit.id, unit.name);
      const counters = await repos.catalogue.listCounters(unit.id, { activeOnly: true });
      return {
        unitId: unit.id,
        unitCode: rows.find((r) => r.counterId === null)?.code ?? '',
        counters: counters.flatMap((c) => {
          const code = rows.find((r) => r.counterId === c.id)?.code;
          return code ? [{ counterId: c.id, code }] : [];
        }),
      };
    },

    /** Where a typed code leads; null for a code never given, or one of an archived place. */
    async resolve(typed: string): Promise<ShortLinkTarget | null> {
      const code = normalizeShortCode(typed);
      const row = code ? await repos.shortLinks.find(code) : undefined;
      if (!row) return null;
      const unit = await repos.catalogue.findUnit(row.unitId);
      if (!unit || unit.archivedAt !== null) return null;
      if (row.counterId !== null) {
        const counter = await repos.catalogue.findCounter(row.counterId);
        if (!counter || counter.archivedAt !== null) return null;
      }
      return { unitId: row.unitId, counterId: row.counterId };
    },
  };
}
