/**
 * Which language packs `/public` may be read in (issue 27), behind two small functions so that the
 * server's language service (apps/api/src/language/, with the packs a province uploads) can back
 * them without the pages changing: the built-in Vietnamese and English packs and those uploaded.
 */
import type { LanguagePackData } from '@hailong/domain';
import { ApiError } from '../http/errors.ts';
import { REFERENCE_LANGUAGE } from '@hailong/domain/built-in-packs';

/** A language the page offers: its tag and its name in its own script. */
export interface PublicLanguage {
  readonly language: string;
  readonly name: string;
}

export interface PublicPacks {
  /** The pack of `language`, or undefined when there is none (the page is then Vietnamese). */
  pack(language: string): Promise<LanguagePackData | undefined>;
  /** Every language the page may be read in, Vietnamese first. */
  languages(): Promise<PublicLanguage[]>;
}

/** The pack `/public` is read in for `?lang=`: the asked one if it exists, else Vietnamese. */
export async function publicPack(
  packs: PublicPacks,
  language: string | undefined,
): Promise<LanguagePackData> {
  const asked = language ? await packs.pack(language) : undefined;
  return asked ?? (await packs.pack(REFERENCE_LANGUAGE))!;
}

/** What `/public` needs of the server's language service (apps/api/src/language/). */
export interface PackSource {
  list(): Promise<{ items: readonly PublicLanguage[] }>;
  /** Throws a 404 ApiError for a language nobody uploaded. */
  pack(language: string): Promise<{ pack: LanguagePackData }>;
}

/** The built-in and uploaded packs, as the language service serves them. */
export function servedPublicPacks(source: PackSource): PublicPacks {
  return {
    async pack(language) {
      try {
        return (await source.pack(language)).pack;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return undefined;
        throw err;
      }
    },
    languages: async () =>
      (await source.list()).items.map(({ language, name }) => ({ language, name })),
  };
}
