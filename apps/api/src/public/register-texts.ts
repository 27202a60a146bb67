/** The words of the public register of answers and of the verdict form, from a language pack. */
import type { LanguagePackData } from '@hailong/domain';
import { ENGLISH_PACK, VIETNAMESE_PACK } from '@hailong/domain/built-in-packs';
import { packText, type PublicLocale } from './texts.ts';

export function registerTexts(pack: LanguagePackData) {
  const text = (key: string) => packText(pack, key);
  return {
    registerLink: text('registerLink'),
    registerTitle: text('registerTitle'),
    registerIntro: text('registerIntro'),
    registerSearch: text('registerSearch'),
    registerUnit: text('registerUnit'),
    registerSector: text('registerSector'),
    registerAll: text('registerAll'),
    registerSubmit: text('registerSubmit'),
    registerEmpty: text('registerEmpty'),
    registerCount: (count: string) => packText(pack, 'registerCount', { count }),
    registerPages: text('registerPages'),
    registerPrev: text('registerPrev'),
    registerNext: text('registerNext'),
    registerPage: (page: string, pages: string) => packText(pack, 'registerPage', { page, pages }),
    registerFeed: text('registerFeed'),
    registerBack: text('registerBack'),
    receivedOn: text('receivedOn'),
    answeredOn: text('answeredOn'),
    verdictTitle: text('verdictTitle'),
    verdictAccept: text('verdictAccept'),
    verdictReject: text('verdictReject'),
    verdictReason: text('verdictReason'),
    verdictSubmit: text('verdictSubmit'),
    verdictThanks: text('verdictThanks'),
    verdictGiven: {
      accepted: text('verdictGiven.accepted'),
      not_accepted: text('verdictGiven.not_accepted'),
    },
    verdictProblem: text('verdictProblem'),
    verdictToken: text('verdictToken'),
    verdictTokenHint: text('verdictTokenHint'),
    verdictTokenWrong: text('verdictTokenWrong'),
    verdictByStaff: (unit: string) => packText(pack, 'verdictByStaff', { unit }),
  };
}

export type RegisterTexts = ReturnType<typeof registerTexts>;

export const REGISTER_TEXTS: Readonly<Record<PublicLocale, RegisterTexts>> = {
  vi: registerTexts(VIETNAMESE_PACK),
  en: registerTexts(ENGLISH_PACK),
};
