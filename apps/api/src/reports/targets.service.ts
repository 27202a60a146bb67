import { randomUUID } from 'node:crypto';
import { ancestorsOf, buildTree, yearAt } from '@hailong/domain';
import type { z } from 'zod';
import type { TargetList, UpdateTargetsRequest } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import { loadAccess } from '../auth/access.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadTargets } from './targets-lookup.ts';

type Update = z.output<typeof UpdateTargetsRequest>;

/** Percent with two decimals (91.55) → basis points (9155); rounding absorbs 91.55 * 100 = 9154.99…. */
const toBp = (percent: number) => Math.round(percent * 100);
const toPercent = (bp: number) => bp / 100;

/**
 * Chỉ tiêu tỷ lệ hài lòng: per unit, sector and year, with a default per year; and per node and
 * year an overall target (chỉ tiêu chung) its headline rate is judged against, inherited down the
 * tree. Every change is audited with its actor, old and new value, so a leader's rate can always
 * be read against the target that was in force. A supervisor sets the targets of their subtree
 * only; the default moves every unit's, so it is for whoever may change every unit (access.ts).
 */
export function createTargetsService(repos: Repositories, clock: Clock) {
  /** The targets of the units `user` may see, and what they may change. */
  async function list(user: UserRow, year = yearAt(clock())): Promise<TargetList> {
    const [access, sectors, targets, units] = await Promise.all([
      loadAccess(repos, user),
      repos.catalogue.listSectors(),
      loadTargets(repos, [year]),
      repos.catalogue.listUnits(),
    ]);
    const tree = buildTree(units);
    const nameOf = new Map(units.map((u) => [u.id, u.name]));
    /** The unit whose overall target is in force here: the first up the tree that has one. */
    const overallFrom = (unitId: string) => {
      const from = ancestorsOf(tree, unitId).find((id) => targets.ownOverall(id, year));
      return from === undefined ? null : { unitId: from, unitName: nameOf.get(from) ?? from };
    };
    const ownOverall = (unitId: string) => {
      const own = targets.ownOverall(unitId, year);
      return own ? toPercent(own.targetBp) : null;
    };
    const inForce = (unitId: string) => {
      const { targetBp } = targets.overall(tree, unitId, year);
      return targetBp === null ? null : toPercent(targetBp);
    };
    return {
      year,
      defaultPercent: toPercent(targets.defaultBp(year)),
      defaultIsSet: targets.hasDefault(year),
      canSetDefault: access.mayManageEveryUnit,
      units: access.visibleUnits().map((unit) => ({
        unitId: unit.id,
        unitName: unit.name,
        editable: access.mayManage(unit.id),
        overallPercent: ownOverall(unit.id),
        overallInForcePercent: inForce(unit.id),
        overallFrom: overallFrom(unit.id),
        sectors: sectors
          .filter((s) => s.unitId === unit.id)
          .map((s) => {
            const own = targets.own(unit.id, s.id, year);
            return {
              sectorId: s.id,
              sectorCode: s.code,
              sectorName: s.name,
              targetPercent: toPercent(own?.targetBp ?? targets.defaultBp(year)),
              custom: own !== undefined,
              updatedAt: own ? new Date(own.updatedAt).toISOString() : null,
            };
          }),
      })),
    };
  }

  return {
    list,

    /**
     * Applies the changes in one transaction, auditing each that changes something. A request
     * naming the default or a unit the user may not change is refused whole (403) before anything.
     */
    async update(request: Update, user: UserRow): Promise<TargetList> {
      const { year } = request;
      const actorId = user.id;
      const access = await loadAccess(repos, user);
      if (request.defaultPercent !== undefined) access.requireManageEveryUnit();
      access.requireManageAll([
        ...(request.sectors ?? []).map((s) => s.unitId),
        ...(request.overall ?? []).map((o) => o.unitId),
      ]);
      const now = clock();
      await repos.transaction(async (tx) => {
        // Two people setting the same target at once: one after the other, so each audit's "from"
        // is what the other wrote and the row holds the last writer's value.
        await tx.catalogue.lockTree();
        const before = await loadTargets(tx, [year]);
        const audit = (action: string, entityId: string, details: unknown) =>
          tx.audit.append({
            id: randomUUID(),
            at: now,
            actorId,
            action,
            entityType: 'target',
            entityId,
            details,
          });
        if (request.defaultPercent !== undefined) {
          const to = toBp(request.defaultPercent);
          const from = before.hasDefault(year) ? before.defaultBp(year) : null;
          if (from !== to) {
            await tx.catalogue.upsertDefaultTarget(year, to, now);
            await audit('target.default', `${year}`, { year, fromBp: from, toBp: to });
          }
        }
        const sectorUnit = new Map((await tx.catalogue.listSectors()).map((s) => [s.id, s.unitId]));
        const unknown = (request.sectors ?? []).findIndex(
          (s) => sectorUnit.get(s.sectorId) !== s.unitId,
        );
        if (unknown >= 0) {
          throw new ApiError(422, 'validation_failed', 'Lĩnh vực không thuộc đơn vị.', [
            { path: `sectors.${unknown}.sectorId`, message: 'not a sector of this unit' },
          ]);
        }
        for (const { unitId, sectorId, targetPercent } of request.sectors ?? []) {
          const entityId = `${year}/${unitId}/${sectorId}`;
          const from = before.own(unitId, sectorId, year)?.targetBp ?? null;
          if (targetPercent === null) {
            if (await tx.targets.remove(unitId, sectorId, year)) {
              await audit('target.reset', entityId, { year, unitId, sectorId, fromBp: from });
            }
            continue;
          }
          const to = toBp(targetPercent);
          if (from === to) continue;
          await tx.catalogue.upsertTarget({
            unitId,
            sectorId,
            year,
            targetBp: to,
            updatedAt: now,
            updatedBy: actorId,
          });
          await audit('target.set', entityId, { year, unitId, sectorId, fromBp: from, toBp: to });
        }
        for (const { unitId, targetPercent } of request.overall ?? []) {
          const entityId = `${year}/${unitId}`;
          const from = before.ownOverall(unitId, year)?.targetBp ?? null;
          if (targetPercent === null) {
            if (await tx.targets.removeOverall(unitId, year)) {
              await audit('target.overall.reset', entityId, { year, unitId, fromBp: from });
            }
            continue;
          }
          const to = toBp(targetPercent);
          if (from === to) continue;
          await tx.targets.upsertOverall({
            unitId,
            year,
            targetBp: to,
            updatedAt: now,
            updatedBy: actorId,
          });
          await audit('target.overall', entityId, { year, unitId, fromBp: from, toBp: to });
        }
      });
      return list(user, year);
    },
  };
}

export type TargetsService = ReturnType<typeof createTargetsService>;
