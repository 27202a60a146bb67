/**
 * A unit's opening hours (giờ làm việc), which the "outside opening hours" signal judges by: read
 * by whoever sees the unit, set by whoever manages it (audited, with what it replaces). Until set,
 * the defaults apply and say so — a signal never rests silently on hours nobody chose.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_OPENING_HOURS } from '@hailong/domain';
import type { OpeningHours, UnitOpeningHoursView } from '@hailong/contracts';
import { loadAccess } from '../auth/access.ts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { openingHoursOf } from './integrity-day.ts';

export function createOpeningHoursService(repos: Repositories, clock: () => number) {
  async function view(unitId: string): Promise<UnitOpeningHoursView> {
    const { hours, chosen, updatedAt } = await openingHoursOf(repos, unitId);
    return {
      hours: { weekdays: [...hours.weekdays], saturday: [...hours.saturday] },
      chosen,
      defaults: {
        weekdays: [...DEFAULT_OPENING_HOURS.weekdays],
        saturday: [...DEFAULT_OPENING_HOURS.saturday],
      },
      updatedAt,
    };
  }

  return {
    async get(user: UserRow, unitId: string): Promise<UnitOpeningHoursView> {
      (await loadAccess(repos, user)).requireVisible(unitId);
      return view(unitId);
    },

    async put(user: UserRow, unitId: string, hours: OpeningHours): Promise<UnitOpeningHoursView> {
      (await loadAccess(repos, user)).requireManage(unitId);
      const now = clock();
      await repos.transaction(async (tx) => {
        const before = await tx.integrity.openingHours(unitId);
        await tx.integrity.putOpeningHours(unitId, JSON.stringify(hours), now, user.id);
        await tx.audit.append({
          id: randomUUID(),
          at: now,
          actorId: user.id,
          action: 'unit.opening_hours',
          entityType: 'unit',
          entityId: unitId,
          // `before` null: what it replaces is the defaults, which nobody had chosen.
          details: { before: before ? (JSON.parse(before.hours) as unknown) : null, after: hours },
        });
      });
      return view(unitId);
    },
  };
}

export type OpeningHoursService = ReturnType<typeof createOpeningHoursService>;
