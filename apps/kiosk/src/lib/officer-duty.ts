/**
 * Who served the citizen (issue 12), as pure functions of the unit's configuration and the duty
 * kept on the tablet: the counter and the officer on duty go with each rating when the level is
 * pressed. The questions asked after the level are the domain's survey flow
 * (packages/domain/src/survey-flow.ts).
 */
import type { CounterDuty, DeviceConfig, RosterOfficer } from '@hailong/contracts';

/**
 * A sign-in or sign-out made on this tablet (staff mode), kept in IndexedDB so it survives a
 * reload and an offline week; `reported` once the server has heard of it.
 */
export interface LocalDuty {
  officerId: string | null;
  /** When it was made, by the tablet's clock (ISO 8601). */
  since: string;
  reported: boolean;
}

/**
 * The duty in force: the later of the server's (a supervisor's setting or an earlier report, from
 * the cached configuration) and the tablet's own; on a tie the tablet's, which the server then has.
 */
export function dutyInForce(
  server: CounterDuty | null | undefined,
  local: LocalDuty | null,
): { officerId: string | null; since: string } | null {
  if (!local) return server ?? null;
  if (server && Date.parse(server.since) > Date.parse(local.since)) return server;
  return { officerId: local.officerId, since: local.since };
}

/** The officer serving now, if the unit records officers and the one on duty is on the roster. */
export function officerOnDuty(
  config: DeviceConfig | null,
  local: LocalDuty | null,
): RosterOfficer | null {
  if (!config || config.survey?.officerAttribution === false) return null;
  const duty = dutyInForce(config.duty, local);
  if (!duty?.officerId) return null;
  return config.roster?.find((o) => o.id === duty.officerId) ?? null;
}

/**
 * The issue-12 fields of a rating, as the tablet knew them when the level was pressed: its
 * counter (or null), the officer on duty (or null; left out when the unit records no officer).
 */
export function attributionOf(
  config: DeviceConfig | null,
  local: LocalDuty | null,
): { counterId: string | null; officerId?: string | null } {
  const counterId = config?.counter?.id ?? null;
  if (config?.survey?.officerAttribution === false) return { counterId };
  return { counterId, officerId: officerOnDuty(config, local)?.id ?? null };
}
