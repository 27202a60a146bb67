/**
 * The language packs on the tablet (issue 27), kept in Cache Storage so that every language and
 * its clips work offline after a reload: the list, each pack as served, each clip's bytes. When
 * online the list is fetched again; a pack whose version changed is fetched again with its clips,
 * and only then does the new list replace the old one, so a half-done refresh leaves the old packs
 * whole. (Cache Storage rather than IndexedDB: the outbox's database keeps to records.)
 */
import { assemblePack, type LanguagePackData, type PackMeta } from '@hailong/domain';
import { i18n } from '../i18n.svelte.ts';

export const PACK_CACHE = 'hailong-language-packs';
const API = '/api/v1/language-packs';
/** Long enough not to matter to the server, short enough that a new pack reaches tablets the same day. */
const REFRESH_MS = 30 * 60_000;

/** What the tablet keeps of the server's list (`LanguagePackSummary`). */
export interface PackSummary {
  language: string;
  name: string;
  nameVi: string;
  version: string;
  clipCount: number;
  updatedAt: string | null;
}

const packUrl = (language: string) => `${API}/${encodeURIComponent(language)}`;
const clipUrl = (language: string, file: string) =>
  `${packUrl(language)}/clips/${encodeURIComponent(file)}`;

const loaded = new Map<string, LanguagePackData>();
let started = false;

function isPack(value: unknown): value is LanguagePackData {
  const pack = value as LanguagePackData | null;
  return (
    typeof pack === 'object' &&
    pack !== null &&
    pack.format === 'hailong-language-pack/1' &&
    typeof pack.language === 'string' &&
    typeof pack.texts === 'object' &&
    Array.isArray(pack.scale?.five) &&
    Array.isArray(pack.scale?.three)
  );
}

async function open(): Promise<Cache | null> {
  return (await globalThis.caches?.open(PACK_CACHE).catch(() => null)) ?? null;
}

async function readJson(cache: Cache, url: string): Promise<unknown> {
  const response = await cache.match(url);
  return response ? response.json().catch(() => null) : null;
}

/** The list as last cached, or null before the first refresh. */
export async function cachedList(): Promise<PackSummary[] | null> {
  const cache = await open();
  const list = cache && ((await readJson(cache, API)) as { items?: PackSummary[] } | null);
  return Array.isArray(list?.items) ? list.items : null;
}

/** The pack of `language` from the cache (English falls back to the built-in one). */
export async function loadPack(language: string): Promise<LanguagePackData | null> {
  const known = loaded.get(language);
  if (known) return known;
  const cache = await open();
  const cached = cache && (await readJson(cache, packUrl(language)));
  let pack = isPack(cached) ? cached : null;
  if (!pack && language === 'en') {
    const [meta, kiosk] = await Promise.all([
      import('@hailong/domain/packs/en/meta.json', { with: { type: 'json' } }),
      import('@hailong/domain/packs/en/kiosk.json', { with: { type: 'json' } }),
    ]);
    pack = assemblePack(meta.default as PackMeta, kiosk.default);
  }
  if (pack) loaded.set(language, pack);
  return pack;
}

/** A playable URL for a clip of `language` held in the cache, or null. */
export async function clipSource(language: string, file: string): Promise<string | null> {
  const cache = await open();
  const response = await cache?.match(clipUrl(language, file));
  return response ? URL.createObjectURL(await response.blob()) : null;
}

async function fetchOk(url: string): Promise<Response | null> {
  try {
    const response = await fetch(url, { cache: 'no-cache', credentials: 'omit' });
    return response.ok ? response : null;
  } catch {
    return null;
  }
}

/**
 * Fetches the list and every pack whose version changed, with its clips; answers whether the
 * tablet's packs changed. Offline or on any failure, the cache stays as it was.
 */
export async function refreshPacks(): Promise<boolean> {
  const cache = await open();
  const reply = cache && (await fetchOk(API));
  if (!cache || !reply) return false;
  const body = (await reply.json().catch(() => null)) as { items?: PackSummary[] } | null;
  if (!Array.isArray(body?.items)) return false;
  const before = new Map((await cachedList())?.map((p) => [p.language, p.version]) ?? []);
  const changed = body.items.filter((p) => before.get(p.language) !== p.version);
  for (const summary of changed) {
    const packReply = await fetchOk(packUrl(summary.language));
    const pack: unknown = await packReply
      ?.clone()
      .json()
      .catch(() => null);
    if (!packReply || !isPack(pack)) return false;
    for (const file of new Set(Object.values(pack.clips))) {
      const clip = await fetchOk(clipUrl(summary.language, file));
      if (!clip) return false;
      await cache.put(clipUrl(summary.language, file), clip);
    }
    await cache.put(packUrl(summary.language), packReply);
    loaded.delete(summary.language);
  }
  const kept = new Set(body.items.map((p) => p.language));
  const gone = [...before.keys()].filter((language) => !kept.has(language));
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (gone.some((language) => path.startsWith(packUrl(language)))) await cache.delete(request);
  }
  await cache.put(
    API,
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
  );
  return changed.length > 0 || gone.length > 0;
}

function offer(list: PackSummary[] | null): void {
  if (list?.length) i18n.available = list.map(({ language, name }) => ({ language, name }));
}

async function refreshAndOffer(): Promise<void> {
  if (!(await refreshPacks())) return;
  offer(await cachedList());
  // The pack on screen may have new texts or clips: show them.
  await i18n.use(i18n.language);
}

/** Offers the cached languages, then refreshes now, on reconnecting and every half hour. */
export function startPacks(): void {
  if (started) return;
  started = true;
  void cachedList()
    .then(offer)
    .then(refreshAndOffer)
    .catch(() => undefined);
  addEventListener('online', () => void refreshAndOffer());
  setInterval(() => void refreshAndOffer(), REFRESH_MS);
}

/** What staff mode shows of each pack on the tablet. */
export async function packsOnTablet(): Promise<{ summary: PackSummary; pack: LanguagePackData }[]> {
  const list = (await cachedList()) ?? [];
  const found = await Promise.all(
    list.map(async (summary) => ({ summary, pack: await loadPack(summary.language) })),
  );
  return found.filter(
    (f): f is { summary: PackSummary; pack: LanguagePackData } => f.pack !== null,
  );
}
