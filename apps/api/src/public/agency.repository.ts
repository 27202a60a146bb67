/**
 * The agency's one row over Kysely, on both dialects. The names and the emblem are written apart
 * (an admin renames without sending the emblem again); whichever comes first creates the row.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

const ROW_ID = 'agency';

export interface AgencyProfileRow {
  /** Empty strings until an admin names the agency (only an emblem was sent). */
  name: string;
  shortName: string;
  /** Names the stored emblem in its URLs; null without one. */
  logoVersion: string | null;
  updatedAt: number;
  updatedBy: string | null;
}

/** The emblem as the server re-drew it: the masthead's size and the widget's. */
export interface AgencyLogo {
  large: Uint8Array;
  small: Uint8Array;
  version: string;
}

export type AgencyLogoSize = 'large' | 'small';

export interface AgencyRepository {
  get(): Promise<AgencyProfileRow | undefined>;
  saveNames(
    names: { name: string; shortName: string },
    at: number,
    by: string | null,
  ): Promise<void>;
  /** Stores the emblem, or removes it (null). */
  saveLogo(logo: AgencyLogo | null, at: number, by: string | null): Promise<void>;
  /** The emblem's bytes at one size, with its version; undefined without one. */
  logo(size: AgencyLogoSize): Promise<{ bytes: Uint8Array; version: string } | undefined>;
}

export function createAgencyRepository(db: Kysely<Database>): AgencyRepository {
  const upsert = async (
    change: {
      name?: string;
      shortName?: string;
      logo?: Uint8Array | null;
      logoSmall?: Uint8Array | null;
      logoVersion?: string | null;
    },
    at: number,
    by: string | null,
  ) => {
    const stamp = { updatedAt: at, updatedBy: by };
    await db
      .insertInto('agencyProfile')
      .values({
        id: ROW_ID,
        name: '',
        shortName: '',
        logo: null,
        logoSmall: null,
        logoVersion: null,
        ...change,
        ...stamp,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet({ ...change, ...stamp }))
      .execute();
  };

  return {
    async get() {
      return db
        .selectFrom('agencyProfile')
        .select(['name', 'shortName', 'logoVersion', 'updatedAt', 'updatedBy'])
        .where('id', '=', ROW_ID)
        .executeTakeFirst()
        .then((row) => row && { ...row, updatedAt: Number(row.updatedAt) });
    },

    saveNames: (names, at, by) => upsert(names, at, by),

    saveLogo: (logo, at, by) =>
      upsert(
        {
          logo: logo && Buffer.from(logo.large),
          logoSmall: logo && Buffer.from(logo.small),
          logoVersion: logo?.version ?? null,
        },
        at,
        by,
      ),

    async logo(size) {
      const row = await db
        .selectFrom('agencyProfile')
        .select([size === 'large' ? 'logo as bytes' : 'logoSmall as bytes', 'logoVersion'])
        .where('id', '=', ROW_ID)
        .executeTakeFirst();
      if (!row?.bytes || !row.logoVersion) return undefined;
      return { bytes: new Uint8Array(row.bytes), version: row.logoVersion };
    },
  };
}
