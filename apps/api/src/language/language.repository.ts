/**
 * Uploaded language packs and the clips of every language (migration 034). A province has a
 * handful of languages with a few dozen clips each: listing them whole is bounded; bytes are read
 * one clip at a time.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, LanguageClipTable, LanguagePackTable } from '../db/schema.ts';

export type StoredPack = Selectable<LanguagePackTable>;
export type StoredClip = Selectable<LanguageClipTable>;
export type ClipInfo = Omit<StoredClip, 'bytes'>;

export interface LanguagePackRepository {
  listPacks(): Promise<StoredPack[]>;
  findPack(language: string): Promise<StoredPack | undefined>;
  putPack(pack: StoredPack): Promise<void>;
  /** The pack and its clips; false when there was no pack. */
  deletePack(language: string): Promise<boolean>;
  /** Every clip's description (no bytes), of one language or all. */
  listClips(language?: string): Promise<ClipInfo[]>;
  findClip(language: string, file: string): Promise<StoredClip | undefined>;
  putClip(clip: StoredClip): Promise<void>;
}

const CLIP_INFO = [
  'language',
  'file',
  'contentType',
  'sha256',
  'size',
  'uploadedAt',
  'uploadedBy',
] as const;

export function createLanguagePackRepository(db: Kysely<Database>): LanguagePackRepository {
  return {
    listPacks: () => db.selectFrom('languagePacks').selectAll().orderBy('language').execute(),
    findPack: (language) =>
      db
        .selectFrom('languagePacks')
        .selectAll()
        .where('language', '=', language)
        .executeTakeFirst(),
    async putPack(pack) {
      await db
        .insertInto('languagePacks')
        .values(pack)
        .onConflict((oc) =>
          oc.column('language').doUpdateSet({
            pack: pack.pack,
            version: pack.version,
            updatedAt: pack.updatedAt,
            updatedBy: pack.updatedBy,
          }),
        )
        .execute();
    },
    async deletePack(language) {
      await db.deleteFrom('languageClips').where('language', '=', language).execute();
      const gone = await db
        .deleteFrom('languagePacks')
        .where('language', '=', language)
        .executeTakeFirst();
      return Number(gone.numDeletedRows) > 0;
    },
    listClips(language) {
      let query = db.selectFrom('languageClips').select(CLIP_INFO);
      if (language !== undefined) query = query.where('language', '=', language);
      return query.orderBy('language').orderBy('file').execute();
    },
    findClip: (language, file) =>
      db
        .selectFrom('languageClips')
        .selectAll()
        .where('language', '=', language)
        .where('file', '=', file)
        .executeTakeFirst(),
    async putClip(clip) {
      await db
        .insertInto('languageClips')
        .values(clip)
        .onConflict((oc) =>
          oc.columns(['language', 'file']).doUpdateSet({
            contentType: clip.contentType,
            bytes: clip.bytes,
            sha256: clip.sha256,
            size: clip.size,
            uploadedAt: clip.uploadedAt,
            uploadedBy: clip.uploadedBy,
          }),
        )
        .execute();
    },
  };
}
