/**
 * `/public` in an uploaded language (issue 27): its words from the pack, `lang` on the page, the
 * language choice as names in their own script, forms that keep the language; a pack lacking a key
 * reads it in Vietnamese, never as the key.
 */
import { describe, expect, it } from 'vitest';
import { monthPeriod, type LanguagePackData } from '@hailong/domain';
import { BUILT_IN_PACKS, VIETNAMESE_PACK } from '@hailong/domain/built-in-packs';
import { TEST_PACK_MARKER, testPack } from '../../../../test/support/language-pack-fixture.ts';
import { publicPack, type PublicPacks } from './public-pack.ts';
import { renderPublicPage } from './render.ts';

const khmer = testPack('km') as LanguagePackData;
const packs: PublicPacks = {
  pack: async (language) => [...BUILT_IN_PACKS, khmer].find((p) => p.language === language),
  languages: async () =>
    [...BUILT_IN_PACKS, khmer].map(({ language, name }) => ({ language, name })),
};

async function page(lang: string | undefined, pack = packs): Promise<string> {
  const chosen = await publicPack(pack, lang);
  const rendered = renderPublicPage({
    locale: chosen.language === 'en' ? 'en' : 'vi',
    pack: chosen,
    languages: await pack.languages(),
    thisMonth: '2026-11',
    period: monthPeriod('2026-11'),
    node: undefined,
    stats: null,
    notice: null,
    lookup: null,
    agency: {
      name: 'Ủy ban nhân dân tỉnh Hải Long',
      shortName: 'UBND tỉnh',
      logoUrl: null,
      smallLogoUrl: null,
    },
  });
  return String(await rendered);
}

describe('/public in a language pack', () => {
  it('reads every text of the page from the pack, with lang on the page', async () => {
    const html = await page('km');
    expect(html).toContain('<html lang="km">');
    const title = VIETNAMESE_PACK.texts['public.title'] as string;
    expect(html).toContain(`<h1>${TEST_PACK_MARKER}${title}</h1>`);
    expect(html).toContain(
      `${TEST_PACK_MARKER}${VIETNAMESE_PACK.texts['public.lookupTitle'] as string}`,
    );
    // The lookup form stays in the language.
    expect(html).toContain('<input type="hidden" name="lang" value="km" />');
  });

  it('offers the other languages by their own names, each marked with its lang', async () => {
    const html = await page(undefined);
    expect(html).toContain('<html lang="vi">');
    expect(html).toMatch(
      /<a\s+class="language"\s+lang="km"\s+hreflang="km"\s+href="\/public\?period=2026-11&amp;lang=km"\s*>ភាសាខ្មែរ<\/a/,
    );
    expect(html).toMatch(/lang="en"[^>]*>English<\/a/);
    // The page's own language is not offered again.
    expect(html).not.toMatch(/hreflang="vi"/);
  });

  it('falls back to Vietnamese for a language nobody uploaded, and for a key a pack lacks', async () => {
    expect(await page('hmn')).toContain('<html lang="vi">');
    const texts = Object.fromEntries(
      Object.entries(khmer.texts).filter(([key]) => key !== 'public.title'),
    );
    const lacking: PublicPacks = { ...packs, pack: async () => ({ ...khmer, texts }) };
    const html = await page('km', lacking);
    expect(html).toContain(`<h1>${VIETNAMESE_PACK.texts['public.title'] as string}</h1>`);
    expect(html).not.toContain('public.title');
  });
});
