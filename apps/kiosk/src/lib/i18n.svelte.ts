/**
 * The kiosk's words. What a citizen reads comes from a language pack (issue 27): Vietnamese, the
 * reference, is bundled; any other pack is read from the tablet's pack cache (lib/language), so
 * that a province adds a language without code. A key a pack lacks falls back to Vietnamese (staff
 * mode lists those). Staff, enrollment and PIN screens keep their own catalogues in code (vi, en).
 */
import {
  assemblePack,
  fillPlaceholders,
  lookupText,
  scaleLabel,
  type LanguagePackData,
  type Locale,
  type PackMeta,
  type ScaleId,
} from '@hailong/domain';
import viMeta from '@hailong/domain/packs/vi/meta.json' with { type: 'json' };
import viKiosk from '@hailong/domain/packs/vi/kiosk.json' with { type: 'json' };
import { vi, type MessageKey as StaffKey, type Messages } from './i18n/vi.ts';

/** A citizen-facing text: a key of the kiosk's surface of a pack. */
export type KioskKey = keyof typeof viKiosk;
export type MessageKey = StaffKey | KioskKey;

/** The Vietnamese pack's kiosk texts: the first paint, and the fallback of every other pack. */
export const REFERENCE_PACK: LanguagePackData = assemblePack(viMeta as PackMeta, viKiosk);

/** A language the citizen may choose, by its name in its own script. */
export interface LanguageChoice {
  readonly language: string;
  readonly name: string;
}

/** Staff catalogues: Vietnamese built in; English loaded on first use. */
const catalogues: Partial<Record<Locale, Messages>> = { vi };

async function ensure(locale: Locale): Promise<void> {
  if (!catalogues[locale]) catalogues[locale] = (await import('./i18n/en.ts')).en;
}

const packStore = () => import('./language/pack-store.ts');

class I18n {
  /** The pack on the citizen's screens; a citizen's choice lasts until the screen returns to the start. */
  pack = $state.raw<LanguagePackData>(REFERENCE_PACK);
  /** The language staff chose for this tablet; the start screen always comes back to it. */
  home = $state<Locale>('vi');
  /** The languages the tablet holds packs of (built-in ones until the first list is cached). */
  available = $state.raw<readonly LanguageChoice[]>([
    { language: 'vi', name: 'Tiếng Việt' },
    { language: 'en', name: 'English' },
  ]);
  /** The BCP 47 tag of the pack on screen. */
  language = $derived(this.pack.language);
  /** The staff catalogue that goes with it: English or Vietnamese, else the tablet's own. */
  locale: Locale = $derived(
    this.language === 'en' || this.language === 'vi' ? this.language : this.home,
  );

  /** Shows `language`, once its pack (and its staff catalogue) is there; unknown: stays. */
  async use(language: string): Promise<void> {
    if (language === 'en' || language === 'vi') await ensure(language);
    if (language === 'vi' && this.pack !== REFERENCE_PACK) this.pack = REFERENCE_PACK;
    const pack = await (await packStore()).loadPack(language).catch(() => null);
    if (pack) this.pack = pack;
  }

  reset(): void {
    if (this.language !== this.home) void this.use(this.home);
  }

  /**
   * Loads the pack cache and the list of languages, then keeps them fresh (lib/language); and the
   * code of English and of "Nghe", so that a page the service worker does not control yet has
   * them offline too.
   */
  async preload(): Promise<void> {
    await ensure('en');
    const store = await packStore();
    store.startPacks();
    await Promise.all([store.loadPack('en'), import('./language/speech.ts')]);
  }
}

export const i18n = new I18n();

/** The text of `key` in the current language, with `{param}` placeholders filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  if (key.startsWith('kiosk.')) return lookupText(i18n.pack, REFERENCE_PACK, key, params).text;
  return fillPlaceholders((catalogues[i18n.locale] ?? vi)[key as StaffKey], params);
}

/** The label of a level of `scale` in the current pack. */
export function levelLabel(scale: ScaleId, level: number): string {
  return scaleLabel(i18n.pack, REFERENCE_PACK, scale, level).text;
}

/** A domain label ({ vi, en }) for staff screens, in their language. */
export function label(value: { readonly vi: string; readonly en: string }): string {
  return value[i18n.locale];
}
