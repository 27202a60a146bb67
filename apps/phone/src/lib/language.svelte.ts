/**
 * The phone page's words and modes (issue 27): every text comes from a language pack by key —
 * Vietnamese bundled (only the phone's texts, `packs/vi/phone.json`), another language fetched
 * from the server when the citizen picks it. A key the chosen pack lacks reads in Vietnamese; the
 * citizen never sees a key. The language, "Nghe" and "Chữ lớn" are kept for the tab's session
 * (sessionStorage), so a reload or the next step keeps them, and a new tab starts in Vietnamese.
 */
import {
  assemblePack,
  lookupText,
  scaleLabel,
  type LanguagePackData,
  type PackMeta,
  type PackParams,
  type ScaleId,
} from '@hailong/domain';
import viMeta from '@hailong/domain/packs/vi/meta.json' with { type: 'json' };
import viPhone from '@hailong/domain/packs/vi/phone.json' with { type: 'json' };

export const REFERENCE: LanguagePackData = assemblePack(viMeta as PackMeta, viPhone);

/** A language the server offers, as the choice shows it. */
export interface Offered {
  language: string;
  name: string;
}

const KEY = 'hailong.phone.modes';
const PACKS = '/api/v1/language-packs';

interface Modes {
  language: string;
  audio: boolean;
  largeText: boolean;
}

function remembered(): Modes {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<Modes> | null;
    return {
      language: typeof v?.language === 'string' ? v.language : REFERENCE.language,
      audio: v?.audio === true,
      largeText: v?.largeText === true,
    };
  } catch {
    return { language: REFERENCE.language, audio: false, largeText: false };
  }
}

const isPack = (v: unknown): v is LanguagePackData => {
  const p = v as LanguagePackData | null;
  return (
    typeof p?.language === 'string' &&
    typeof p.name === 'string' &&
    typeof p.texts === 'object' &&
    typeof p.scale === 'object' &&
    Array.isArray(p.scale.five) &&
    Array.isArray(p.scale.three)
  );
};

/** The pack of `language` as the server serves it (Vietnamese: with the province's clips). */
async function fetchPack(language: string): Promise<LanguagePackData> {
  const res = await fetch(`${PACKS}/${encodeURIComponent(language)}`);
  const body: unknown = res.ok ? await res.json() : null;
  if (!isPack(body)) throw new Error(`no pack for ${language}`);
  return { ...body, clips: body.clips ?? {} };
}

class Words {
  pack = $state<LanguagePackData>(REFERENCE);
  offered = $state<Offered[]>([]);
  audio = $state(false);
  largeText = $state(false);

  constructor() {
    const modes = remembered();
    this.audio = modes.audio;
    this.largeText = modes.largeText;
    if (modes.language !== REFERENCE.language) void this.choose(modes.language);
    else if (modes.audio) void this.withClips();
  }

  /** The text of `key` in the chosen language (Vietnamese where the pack lacks it). */
  t = (key: string, params?: PackParams): string =>
    lookupText(this.pack, REFERENCE, key, params).text;

  /** A rating level's label in the chosen language. */
  level = (scale: ScaleId, level: number): string =>
    scaleLabel(this.pack, REFERENCE, scale, level).text;

  /** The languages the server has packs for; the choice shows when there is more than one. */
  async loadOffered(): Promise<void> {
    try {
      const res = await fetch(PACKS);
      const body = (res.ok ? await res.json() : null) as { items?: Offered[] } | null;
      this.offered = (body?.items ?? []).filter(
        (i) => typeof i.language === 'string' && typeof i.name === 'string',
      );
    } catch {
      this.offered = [];
    }
  }

  /** Switches the page to `language`; on failure the page stays as it is. */
  async choose(language: string): Promise<void> {
    if (language === REFERENCE.language && !this.audio) {
      this.pack = REFERENCE;
    } else {
      try {
        const pack = await fetchPack(language);
        // The bundled texts win for Vietnamese; the server adds the province's clips.
        this.pack = language === REFERENCE.language ? { ...REFERENCE, clips: pack.clips } : pack;
      } catch {
        if (language !== REFERENCE.language) return;
        this.pack = REFERENCE;
      }
    }
    this.remember();
  }

  /** The current language's clips, needed once "Nghe" is on. */
  private async withClips(): Promise<void> {
    if (this.pack.language === REFERENCE.language) await this.choose(REFERENCE.language);
  }

  setAudio(on: boolean): Promise<void> {
    this.audio = on;
    this.remember();
    return on ? this.withClips() : Promise.resolve();
  }

  setLargeText(on: boolean): void {
    this.largeText = on;
    this.remember();
  }

  /** What a rating records of how it was given (issue 27). */
  get modes(): Modes {
    return { language: this.pack.language, audio: this.audio, largeText: this.largeText };
  }

  private remember(): void {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(this.modes));
    } catch {
      // Private mode: the page keeps its modes until it is closed.
    }
  }
}

export const words = new Words();
