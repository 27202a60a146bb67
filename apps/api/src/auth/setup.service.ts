/**
 * The first run of a production install (HAILONG_DEMO=0): the console asks whether the catalogue
 * is still empty, and an admin may then create the first unit with one sector and one counter from
 * a small form (the other path is importing a whole province file). Through the catalogue commands.
 */
import type { FirstUnitRequest, FirstUnitResult, SetupStatus } from '@hailong/contracts';
import type { z } from 'zod';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { createCounter, createSector, createUnit } from '../catalogue/catalogue-commands.ts';

/** The form as validated (codes lower-cased, names normalised, scale defaulted). */
export type FirstUnitInput = z.output<typeof FirstUnitRequest>;

export function createSetupService(repos: Repositories, clock: Clock) {
  return {
    async status(): Promise<SetupStatus> {
      const [units, sectors, counters, devices] = await Promise.all([
        repos.catalogue.countUnits(),
        repos.catalogue.listSectors().then((l) => l.length),
        repos.catalogue.listCounters().then((l) => l.length),
        repos.devices.list().then((l) => l.filter((d) => d.revokedAt === null).length),
      ]);
      return { needsSetup: units === 0, units, sectors, counters, devices };
    },

    /** Only while there is no unit at all: later changes belong to the catalogue pages. */
    async firstUnit(input: FirstUnitInput, user: UserRow): Promise<FirstUnitResult> {
      const ctx = { now: clock(), actorId: user.id };
      return repos.transaction(async (tx) => {
        await tx.catalogue.lockTree();
        if ((await tx.catalogue.countUnits()) > 0) {
          throw new ApiError(
            409,
            'conflict',
            'Hệ thống đã có đơn vị: hãy quản lý danh mục hoặc nhập tệp thay vì thiết lập ban đầu.',
          );
        }
        const unit = await createUnit(tx, ctx, { ...input.unit, parentId: null });
        const sector = await createSector(tx, ctx, { ...input.sector, unitId: unit.id });
        const counter = await createCounter(tx, ctx, { ...input.counter, unitId: unit.id });
        return { unitId: unit.id, sectorId: sector.id, counterId: counter.id };
      });
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
