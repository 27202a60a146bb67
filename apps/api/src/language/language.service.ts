/**
 * Language packs as the kiosk, the phone page and the console see them (issue 27): the built-in
 * Vietnamese and English packs with any clips a province recorded for them, and the packs it
 * uploaded, each checked against the Vietnamese reference before it is kept. A pack is served with
 * only the clips that exist, so a client never asks for a file that is not there; its version is
 * a hash of what is served, clips' contents included, so any upload changes it.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  ClipFileName,
  LanguagePack,
  type LanguagePackList,
  type LanguagePackSummary,
} from '@hailong/contracts';
import { BUILT_IN_PACKS, VIETNAMESE_PACK } from '@hailong/domain/built-in-packs';
import {
  clipFileName,
  SCALE_CLIP_KEYS,
  validateLanguagePack,
  type LanguagePackData,
} from '@hailong/domain';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { loadAccess } from '../auth/access.ts';
import type { Clock } from '../jobs/clock.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { checkClip } from './clip-format.ts';
import type { ClipInfo } from './language.repository.ts';

/** A pack as served, its version and when it last changed. */
export interface ServedPack {
  pack: LanguagePack;
  version: string;
  builtIn: boolean;
  updatedAt: number | null;
}

const builtIn = (language: string) => BUILT_IN_PACKS.find((p) => p.language === language);

/**
 * The clips of a built-in pack: the file an admin uploaded under a key's conventional name
 * (`kiosk.question.mp3`, `scale.five.4.wav`: clip-keys.ts) reads that key.
 */
function conventionalClips(pack: LanguagePackData, files: readonly ClipInfo[]) {
  const byStem = new Map(
    [...Object.keys(VIETNAMESE_PACK.texts), ...SCALE_CLIP_KEYS].map((key) => [
      clipFileName(key, ''),
      key,
    ]),
  );
  const clips: Record<string, string> = { ...pack.clips };
  for (const { file } of files) {
    const key = byStem.get(file.slice(0, file.lastIndexOf('.') + 1));
    if (key !== undefined) clips[key] = file;
  }
  return clips;
}

function served(
  data: LanguagePackData,
  files: readonly ClipInfo[],
  isBuiltIn: boolean,
  updatedAt: number | null,
): ServedPack {
  const sha = new Map(files.map((f) => [f.file, f.sha256]));
  const named = isBuiltIn ? conventionalClips(data, files) : data.clips;
  const clips = Object.fromEntries(Object.entries(named).filter(([, file]) => sha.has(file)));
  const pack: LanguagePack = {
    ...data,
    scale: { five: [...data.scale.five], three: [...data.scale.three] },
    texts: { ...data.texts },
    clips,
  };
  const hashes = Object.values(clips)
    .sort()
    .map((file) => [file, sha.get(file)]);
  const version = createHash('sha256')
    .update(JSON.stringify([pack, hashes]))
    .digest('hex');
  const latest = Math.max(updatedAt ?? 0, ...files.map((f) => f.uploadedAt));
  return { pack, version, builtIn: isBuiltIn, updatedAt: latest > 0 ? latest : null };
}

const summaryOf = ({ pack, version, builtIn, updatedAt }: ServedPack): LanguagePackSummary => ({
  language: pack.language,
  name: pack.name,
  nameVi: pack.nameVi,
  builtIn,
  version,
  clipCount: Object.keys(pack.clips).length,
  updatedAt: updatedAt === null ? null : new Date(updatedAt).toISOString(),
});

export function createLanguagePackService(repos: Repositories, clock: Clock) {
  const audit = (
    actorId: string,
    action: string,
    language: string,
    details: unknown,
    on: Repositories = repos,
  ) =>
    on.audit.append({
      id: randomUUID(),
      at: clock(),
      actorId,
      action,
      entityType: 'language_pack',
      entityId: language,
      details,
    });

  async function all(): Promise<ServedPack[]> {
    const [stored, clips] = await Promise.all([
      repos.languagePacks.listPacks(),
      repos.languagePacks.listClips(),
    ]);
    const filesOf = (language: string) => clips.filter((c) => c.language === language);
    return [
      ...BUILT_IN_PACKS.map((p) => served(p, filesOf(p.language), true, null)),
      ...stored.map((row) =>
        served(
          LanguagePack.parse(JSON.parse(row.pack)),
          filesOf(row.language),
          false,
          row.updatedAt,
        ),
      ),
    ];
  }

  async function one(language: string): Promise<ServedPack> {
    const files = await repos.languagePacks.listClips(language);
    const own = builtIn(language);
    if (own) return served(own, files, true, null);
    const row = await repos.languagePacks.findPack(language);
    if (!row) throw notFound('Gói ngôn ngữ');
    return served(LanguagePack.parse(JSON.parse(row.pack)), files, false, row.updatedAt);
  }

  return {
    async list(): Promise<LanguagePackList> {
      return { items: (await all()).map(summaryOf) };
    },

    pack: one,

    /** Stores an uploaded pack in `language`; 409 for vi and en, 422 listing its problems. */
    async put(user: UserRow, language: string, pack: LanguagePack): Promise<LanguagePackSummary> {
      (await loadAccess(repos, user)).requireManageEveryUnit();
      const actorId = user.id;
      if (pack.language !== language) {
        throw new ApiError(422, 'validation_failed', 'Mã ngôn ngữ trong tệp khác đường dẫn.', [
          { path: 'language', message: `the pack says ${pack.language}` },
        ]);
      }
      if (builtIn(language)) {
        throw new ApiError(
          409,
          'built_in_pack',
          'Gói tiếng Việt và tiếng Anh có sẵn không thay được nội dung; chỉ tải âm thanh cho chúng.',
        );
      }
      const problems = validateLanguagePack(pack, VIETNAMESE_PACK);
      if (problems.length > 0) {
        throw new ApiError(
          422,
          'invalid_language_pack',
          `Gói ngôn ngữ có ${problems.length} lỗi, chưa được lưu.`,
          { problems },
        );
      }
      const now = clock();
      const version = createHash('sha256').update(JSON.stringify(pack)).digest('hex');
      await repos.languagePacks.putPack({
        language,
        pack: JSON.stringify(pack),
        version,
        updatedAt: now,
        updatedBy: actorId,
      });
      await audit(actorId, 'language_pack.put', language, {
        texts: Object.keys(pack.texts).length,
        clips: Object.keys(pack.clips).length,
      });
      return summaryOf(await one(language));
    },

    async remove(user: UserRow, language: string): Promise<void> {
      (await loadAccess(repos, user)).requireManageEveryUnit();
      const actorId = user.id;
      if (builtIn(language)) {
        throw new ApiError(
          409,
          'built_in_pack',
          'Không thể gỡ gói tiếng Việt hoặc tiếng Anh có sẵn.',
        );
      }
      const gone = await repos.transaction(async (tx) => {
        const removed = await tx.languagePacks.deletePack(language);
        if (removed) await audit(actorId, 'language_pack.delete', language, {}, tx);
        return removed;
      });
      if (!gone) throw notFound('Gói ngôn ngữ');
    },

    async clip(language: string, file: string) {
      const clip = await repos.languagePacks.findClip(language, file);
      if (!clip) throw notFound('Tệp âm thanh');
      return clip;
    },

    /** Keeps a clip of a built-in or uploaded pack under `file`, replacing one of that name. */
    async putClip(
      user: UserRow,
      language: string,
      file: string,
      declared: string | undefined,
      bytes: Uint8Array,
    ) {
      (await loadAccess(repos, user)).requireManageEveryUnit();
      const actorId = user.id;
      if (!ClipFileName.safeParse(file).success) {
        throw new ApiError(422, 'validation_failed', 'Tên tệp âm thanh không hợp lệ.', [
          { path: 'file', message: 'lower-case letters, digits, . _ - and an audio extension' },
        ]);
      }
      const contentType = checkClip(file, declared, bytes);
      if (!builtIn(language) && !(await repos.languagePacks.findPack(language))) {
        throw notFound('Gói ngôn ngữ');
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await repos.languagePacks.putClip({
        language,
        file,
        contentType,
        bytes,
        sha256,
        size: bytes.length,
        uploadedAt: clock(),
        uploadedBy: actorId,
      });
      await audit(actorId, 'language_clip.put', language, { file, bytes: bytes.length, sha256 });
      return { file, bytes: bytes.length };
    },
  };
}

export type LanguagePackService = ReturnType<typeof createLanguagePackService>;
