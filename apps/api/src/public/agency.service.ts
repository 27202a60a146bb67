/**
 * The agency that publishes: what heads the public page, the register and the widget. An admin
 * sets its name, short name and emblem; until then the pages use the top unit's name (the
 * province's centre), and never the product's name. Read on every public page, so it is kept in
 * memory for a minute and forgotten at once when this process changes it.
 */
import { randomUUID } from 'node:crypto';
import type { AgencySettings, AgencySettingsUpdate } from '@hailong/contracts';
import type { Repositories } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { drawAgencyLogo } from './agency-logo.ts';
import type { AgencyLogoSize } from './agency.repository.ts';

export const AGENCY_LOGO_PATHS: Readonly<Record<AgencyLogoSize, string>> = {
  large: '/public/agency/logo.png',
  small: '/public/agency/logo-small.png',
};

const TTL_MS = 60_000;

/** What a public page is headed with. */
export interface AgencyHeading {
  /** Empty when nobody named the agency and the tree has no single top unit. */
  name: string;
  /** What the page's title and the widget's header use; the name when none was set. */
  shortName: string;
  /** The masthead's emblem (relative URL, versioned), or null. */
  logoUrl: string | null;
  /** The widget's emblem, or null. */
  smallLogoUrl: string | null;
}

const logoUrl = (size: AgencyLogoSize, version: string | null) =>
  version ? `${AGENCY_LOGO_PATHS[size]}?v=${version}` : null;

export function createAgencyService(repos: Repositories, clock: Clock) {
  let cached: { at: number; settings: AgencySettings; heading: AgencyHeading } | undefined;

  async function load() {
    const now = clock();
    if (cached && now - cached.at < TTL_MS) return cached;
    const [row, units] = await Promise.all([repos.agency.get(), repos.catalogue.listUnits()]);
    const roots = units.filter((u) => u.parentId === null && u.archivedAt === null);
    const name = row?.name ?? '';
    const displayName = name || (roots.length === 1 ? roots[0]!.name : '');
    const version = row?.logoVersion ?? null;
    cached = {
      at: now,
      settings: {
        name,
        shortName: row?.shortName ?? '',
        displayName,
        logoUrl: logoUrl('large', version),
        updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
      },
      heading: {
        name: displayName,
        shortName: row?.shortName || displayName,
        logoUrl: logoUrl('large', version),
        smallLogoUrl: logoUrl('small', version),
      },
    };
    return cached;
  }

  const audit = (actorId: string, action: string, details: unknown) =>
    repos.audit.append({
      id: randomUUID(),
      at: clock(),
      actorId,
      action,
      entityType: 'agency',
      entityId: 'agency',
      details,
    });

  async function changed(actorId: string, action: string, details: unknown) {
    await audit(actorId, action, details);
    cached = undefined;
    return (await load()).settings;
  }

  return {
    settings: async () => (await load()).settings,
    heading: async () => (await load()).heading,

    async update(names: AgencySettingsUpdate, actorId: string): Promise<AgencySettings> {
      await repos.agency.saveNames(names, clock(), actorId);
      return changed(actorId, 'agency.names', names);
    },

    /** Re-draws the uploaded emblem and keeps it; 422 for anything but a sound PNG or JPEG. */
    async setLogo(bytes: Uint8Array, actorId: string): Promise<AgencySettings> {
      const logo = drawAgencyLogo(bytes);
      await repos.agency.saveLogo(logo, clock(), actorId);
      return changed(actorId, 'agency.logo', { bytes: bytes.length, version: logo.version });
    },

    async removeLogo(actorId: string): Promise<AgencySettings> {
      await repos.agency.saveLogo(null, clock(), actorId);
      return changed(actorId, 'agency.logo', { removed: true });
    },

    logo: (size: AgencyLogoSize) => repos.agency.logo(size),
  };
}

export type AgencyService = ReturnType<typeof createAgencyService>;
