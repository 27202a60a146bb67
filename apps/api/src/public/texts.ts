/**
 * The public page's words (issue 27): read from a language pack's `public.…` texts, so a province
 * that uploads Khmer or Hmong gets `/public?lang=km` without code. Vietnamese is the reference a
 * missing key falls back to; numbers, dates and periods keep the Vietnamese (or, on the English
 * page, English) conventions, which `PublicLocale` names.
 */
import { lookupText, type LanguagePackData, type PackParams } from '@hailong/domain';
import { ENGLISH_PACK, VIETNAMESE_PACK } from '@hailong/domain/built-in-packs';

/** How numbers, dates and the domain's labels are written: English only on the English page. */
export type PublicLocale = 'vi' | 'en';

/** The locale of a pack's page. */
export function localeOf(pack: LanguagePackData): PublicLocale {
  return pack.language === 'en' ? 'en' : 'vi';
}

/** `key`'s text in `pack` (Vietnamese where it lacks it), with `{placeholders}` filled. */
export function packText(pack: LanguagePackData, key: string, params?: PackParams): string {
  return lookupText(pack, VIETNAMESE_PACK, `public.${key}`, params).text;
}

/** The words of the figures and the lookup in one pack. */
export function publicTexts(pack: LanguagePackData) {
  const text = (key: string) => packText(pack, key);
  return {
    name: 'hailong',
    tagline: text('tagline'),
    skip: text('skip'),
    languages: text('languages'),
    footer: text('footer'),
    title: text('title'),
    description: text('description'),
    intro: (unit: string, period: string) => packText(pack, 'intro', { unit, period }),
    periods: text('periods'),
    periodField: text('periodField'),
    show: text('show'),
    kinds: {
      month: text('kinds.month'),
      quarter: text('kinds.quarter'),
      half: text('kinds.half'),
      'nine-months': text('kinds.nine-months'),
      year: text('kinds.year'),
    },
    previous: (period: string) => packText(pack, 'previous', { period }),
    top: text('top'),
    thisPeriod: (period: string) => packText(pack, 'thisPeriod', { period }),
    answers: (count: string) => packText(pack, 'answers', { count }),
    answersShort: (count: string) => packText(pack, 'answersShort', { count }),
    target: (target: string) => packText(pack, 'target', { target }),
    lastPeriod: (period: string, figure: string) =>
      packText(pack, 'lastPeriod', { period, figure }),
    noAnswers: text('noAnswers'),
    open: (unit: string) => packText(pack, 'open', { unit }),
    openUnit: (unit: string) => packText(pack, 'openUnit', { unit }),
    sectorsOf: (unit: string, period: string) => packText(pack, 'sectorsOf', { unit, period }),
    colSector: text('colSector'),
    colAnswers: text('colAnswers'),
    colTarget: text('colTarget'),
    colResult: text('colResult'),
    empty: text('empty'),
    method: (count: string) => packText(pack, 'method', { count }),
    generated: (at: string) => packText(pack, 'generated', { at }),
    badPeriod: text('badPeriod'),
    noSuchUnit: text('noSuchUnit'),
    lookupTitle: text('lookupTitle'),
    lookupIntro: text('lookupIntro'),
    lookupField: text('lookupField'),
    lookupSubmit: text('lookupSubmit'),
    lookupInvalid: text('lookupInvalid'),
    lookupNotFound: text('lookupNotFound'),
    lookupThrottled: text('lookupThrottled'),
    lookupResult: (code: string) => packText(pack, 'lookupResult', { code }),
    receivedAt: text('receivedAt'),
    answerDue: text('answerDue'),
    answeredAt: text('answeredAt'),
    closedAt: text('closedAt'),
    answer: text('answer'),
    noAnswerYet: text('noAnswerYet'),
  };
}

export type PublicTexts = ReturnType<typeof publicTexts>;

/** The built-in languages' words, for pages that offer only those (the verifier, short links). */
export const PUBLIC_TEXTS: Readonly<Record<PublicLocale, PublicTexts>> = {
  vi: publicTexts(VIETNAMESE_PACK),
  en: publicTexts(ENGLISH_PACK),
};
