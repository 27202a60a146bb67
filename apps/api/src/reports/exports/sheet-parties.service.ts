/**
 * Who issues a workbook: the agency an admin named (cơ quan chủ quản, apps/api/src/public/agency.*)
 * and the unit of whoever downloads it (cơ quan ban hành); someone of no unit issues in the
 * agency's own name. Read when a file is made, so a renamed unit heads the next file at once.
 */
import type { AgencyHeading } from '../../public/agency.service.ts';
import type { Repositories, UserRow } from '../../repositories/types.ts';
import type { Clock } from '../../jobs/clock.ts';
import type { SheetParties } from './sheet-header.ts';

export function createSheetParties(
  repos: Repositories,
  agency: { heading(): Promise<AgencyHeading> },
  clock: Clock,
) {
  return async (user: UserRow | null): Promise<SheetParties> => {
    const [heading, unit] = await Promise.all([
      agency.heading(),
      user?.unitId ? repos.catalogue.findUnit(user.unitId) : undefined,
    ]);
    const issuer = unit?.name ?? heading.name;
    return {
      agency: heading.name === issuer ? '' : heading.name,
      issuer,
      createdAt: clock(),
    };
  };
}

export type SheetPartiesOf = ReturnType<typeof createSheetParties>;
