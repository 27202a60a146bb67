import { randomBytes, randomUUID } from 'node:crypto';
import { yearAt } from '@hailong/domain';
import type { Repositories } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { DEMO_TREE, type DemoUnit } from './demo-catalogue.ts';
import { createCounter, createSector, createUnit } from '../catalogue/catalogue-commands.ts';
import { hashPassword } from '../auth/passwords.ts';
import { FALLBACK_TARGET_BP } from '../catalogue/catalogue.service.ts';

/**
 * The province's chỉ tiêu tỷ lệ hài lòng chung for the current year, as its plan sets it ("Tỷ lệ
 * hài lòng chung: từ 91%"); every unit beneath inherits it, so the demo's headlines read a verdict.
 */
export const DEMO_OVERALL_TARGET_BP = 9100;

/**
 * Seeds the demo organisation tree (province → centre → departments, and communes) with its
 * sectors, counters and targets (the year's default, some sectors' own, the province's overall)
 * into a database that has no unit yet, through the catalogue commands like any other change.
 * Returns whether it did.
 */
export async function seedDemoCatalogue(repos: Repositories, clock: Clock): Promise<boolean> {
  if ((await repos.catalogue.countUnits()) > 0) return false;
  const now = clock();
  const year = yearAt(now);
  const ctx = { now, actorId: null };
  await repos.transaction(async (tx) => {
    await tx.catalogue.upsertDefaultTarget(year, FALLBACK_TARGET_BP, now);
    const plant = async (unit: DemoUnit, parentId: string | null): Promise<void> => {
      const { id: unitId } = await createUnit(tx, ctx, { ...unit, parentId });
      if (parentId === null) {
        await tx.targets.upsertOverall({
          unitId,
          year,
          targetBp: DEMO_OVERALL_TARGET_BP,
          updatedAt: now,
          updatedBy: null,
        });
      }
      for (const sector of unit.sectors) {
        const { id: sectorId } = await createSector(tx, ctx, { ...sector, unitId });
        if (sector.targetBp === undefined) continue;
        await tx.catalogue.upsertTarget({
          unitId,
          sectorId,
          year,
          targetBp: sector.targetBp,
          updatedAt: now,
          updatedBy: null,
        });
      }
      for (const counter of unit.counters) await createCounter(tx, ctx, { ...counter, unitId });
      for (const child of unit.children ?? []) await plant(child, unitId);
    };
    await plant(DEMO_TREE, null);
  });
  return true;
}

/**
 * Creates the first `admin` when there are no users at all. Returns the password when it was
 * generated here (to be printed once), null when the given one was used, undefined when users exist.
 */
export async function ensureFirstAdmin(
  repos: Repositories,
  clock: Clock,
  password: string | undefined,
): Promise<string | null | undefined> {
  if ((await repos.users.count()) > 0) return undefined;
  const chosen = password ?? randomBytes(12).toString('base64url');
  const now = clock();
  await repos.users.create({
    id: randomUUID(),
    username: 'admin',
    displayName: 'Quản trị hệ thống',
    role: 'admin',
    unitId: null,
    passwordHash: await hashPassword(chosen),
    disabledAt: null,
    createdAt: now,
    updatedAt: now,
  });
  return password === undefined ? chosen : null;
}
