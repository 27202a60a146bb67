import { randomBytes, randomUUID } from 'node:crypto';
import { yearAt } from '@hailong/domain';
import type { Repositories } from '../repositories/types.ts';
import type { Clock } from './clock.ts';
import { DEMO_CATALOGUE } from './demo-catalogue.ts';
import { hashPassword } from './passwords.ts';
import { FALLBACK_TARGET_BP } from './catalogue.service.ts';

/** Seeds the demo catalogue into a database that has no unit yet. Returns whether it did. */
export async function seedDemoCatalogue(repos: Repositories, clock: Clock): Promise<boolean> {
  if ((await repos.catalogue.countUnits()) > 0) return false;
  const now = clock();
  const year = yearAt(now);
  await repos.transaction(async (tx) => {
    await tx.catalogue.upsertDefaultTarget(year, FALLBACK_TARGET_BP, now);
    for (const [unitIndex, unit] of DEMO_CATALOGUE.entries()) {
      const unitId = randomUUID();
      await tx.catalogue.createUnit({
        id: unitId,
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        scale: unit.scale,
        sortOrder: unitIndex,
        createdAt: now,
        parentId: null,
        archivedAt: null,
        updatedAt: null,
      });
      for (const [sectorIndex, sector] of unit.sectors.entries()) {
        const sectorId = randomUUID();
        await tx.catalogue.createSector({
          id: sectorId,
          unitId,
          code: sector.code,
          name: sector.name,
          sortOrder: sectorIndex,
          createdAt: now,
          archivedAt: null,
          updatedAt: null,
        });
        if (sector.targetBp !== undefined) {
          await tx.catalogue.upsertTarget({
            unitId,
            sectorId,
            year,
            targetBp: sector.targetBp,
            updatedAt: now,
            updatedBy: null,
          });
        }
      }
    }
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
