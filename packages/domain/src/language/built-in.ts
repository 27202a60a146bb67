/**
 * The packs that ship with the product: Vietnamese, the reference every uploaded pack is checked
 * against and the fallback of any missing key, and English. Each is its meta plus one file of
 * texts per surface, so that the kiosk and the phone page bundle only their own texts (they import
 * `@hailong/domain/packs/<language>/<surface>.json` directly); the server serves them whole.
 */
import viMeta from './packs/vi/meta.json' with { type: 'json' };
import viKiosk from './packs/vi/kiosk.json' with { type: 'json' };
import viPhone from './packs/vi/phone.json' with { type: 'json' };
import viPublic from './packs/vi/public.json' with { type: 'json' };
import enMeta from './packs/en/meta.json' with { type: 'json' };
import enKiosk from './packs/en/kiosk.json' with { type: 'json' };
import enPhone from './packs/en/phone.json' with { type: 'json' };
import enPublic from './packs/en/public.json' with { type: 'json' };
import { assemblePack, type LanguagePackData, type PackMeta } from './pack-text.ts';

export const REFERENCE_LANGUAGE = 'vi';

export const VIETNAMESE_PACK: LanguagePackData = assemblePack(
  viMeta as PackMeta,
  viKiosk,
  viPhone,
  viPublic,
);

export const ENGLISH_PACK: LanguagePackData = assemblePack(
  enMeta as PackMeta,
  enKiosk,
  enPhone,
  enPublic,
);

export const BUILT_IN_PACKS: readonly LanguagePackData[] = [VIETNAMESE_PACK, ENGLISH_PACK];
