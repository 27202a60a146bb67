import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LanguagePackData } from './pack-text.ts';
import { hasMarkup, validateLanguagePack } from './pack-validate.ts';

const reference: LanguagePackData = {
  format: 'hailong-language-pack/1',
  language: 'vi',
  name: 'Tiếng Việt',
  nameVi: 'Tiếng Việt',
  plural: 'other',
  scale: { five: ['1', '2', '3', '4', '5'], three: ['1', '2', '3'] },
  texts: {
    'kiosk.question': 'Ông/bà hài lòng với {sector}?',
    'kiosk.thanks': 'Cảm ơn ông/bà',
    'phone.count': '{count} lượt đánh giá',
    'public.title': 'Mức độ hài lòng',
  },
  clips: {},
};

const khmer = (overrides: Partial<LanguagePackData> = {}): LanguagePackData => ({
  ...reference,
  language: 'km',
  name: 'ភាសាខ្មែរ',
  nameVi: 'Tiếng Khmer',
  texts: Object.fromEntries(
    Object.entries(reference.texts).map(([k, v]) => [k, `ខ្មែរ ${String(v)}`]),
  ),
  ...overrides,
});

const codes = (pack: LanguagePackData) =>
  validateLanguagePack(pack, reference).map((p) => `${p.code} ${p.key}`);

describe('validateLanguagePack', () => {
  it('accepts a full translation, clips for texts and scale labels included', () => {
    expect(
      codes(khmer({ clips: { 'kiosk.question': 'q.mp3', 'scale.five.4': 'hai-long.ogg' } })),
    ).toEqual([]);
  });

  it('names each missing and unknown key', () => {
    const texts = { ...khmer().texts, 'kiosk.extra': 'x' } as Record<string, string>;
    delete texts['kiosk.thanks'];
    expect(codes(khmer({ texts }))).toEqual([
      'missing_text kiosk.thanks',
      'unknown_text kiosk.extra',
    ]);
  });

  it.each([
    '<b>đậm</b>',
    'a <img src=x onerror=alert(1)> b',
    'Tom &amp; Jerry',
    '&#60;script',
    'javascript:alert(1)',
    'JavaScript :void(0)',
  ])('refuses markup: %s', (text) => {
    const pack = khmer({ texts: { ...khmer().texts, 'kiosk.thanks': text } });
    expect(codes(pack)).toEqual(['markup kiosk.thanks']);
  });

  it('allows text that only looks like markup', () => {
    for (const text of ['3 < 5 và 7 > 6', 'A & B', 'Giờ: 8:00', '{sector} a']) {
      expect(hasMarkup(text)).toBe(false);
    }
  });

  it('refuses markup in scale labels and names', () => {
    const pack = khmer({
      name: '<i>x</i>',
      scale: { ...reference.scale, five: ['1', '2', '<b>3</b>', '4', '5'] },
    });
    expect(codes(pack)).toEqual(['markup scale.five.3', 'markup name']);
  });

  it('wants the reference placeholders, no more and no fewer', () => {
    const lost = khmer({ texts: { ...khmer().texts, 'kiosk.question': 'ខ្មែរ ?' } });
    const extra = khmer({ texts: { ...khmer().texts, 'kiosk.thanks': '{name} ខ្មែរ' } });
    expect(codes(lost)).toEqual(['placeholders kiosk.question']);
    expect(codes(extra)).toEqual(['placeholders kiosk.thanks']);
    expect(validateLanguagePack(lost, reference)[0]!.message).toContain('{sector}');
  });

  it('takes plural forms only in a one-other pack; the singular may omit the count', () => {
    const plural = { one: 'one rating', other: '{count} ratings' };
    const texts = { ...khmer().texts, 'phone.count': plural };
    expect(codes(khmer({ texts }))).toEqual(['plural_form phone.count']);
    expect(codes(khmer({ texts, plural: 'one-other' }))).toEqual([]);
    const noCount = { ...texts, 'phone.count': { one: 'one', other: 'many' } };
    expect(codes(khmer({ texts: noCount, plural: 'one-other' }))).toEqual([
      'placeholders phone.count',
    ]);
  });

  it('refuses clips for keys that are neither texts nor scale labels', () => {
    const pack = khmer({
      clips: { 'kiosk.nope': 'a.mp3', 'scale.five.6': 'b.mp3', 'scale.three.3': 'c.mp3' },
    });
    expect(codes(pack)).toEqual(['unknown_clip_key kiosk.nope', 'unknown_clip_key scale.five.6']);
  });

  it('finds exactly the keys a pack drops, whatever they are (property)', () => {
    const keys = Object.keys(reference.texts);
    fc.assert(
      fc.property(fc.subarray(keys), (dropped) => {
        const texts = Object.fromEntries(
          Object.entries(khmer().texts).filter(([k]) => !dropped.includes(k)),
        );
        const problems = validateLanguagePack(khmer({ texts }), reference);
        expect(problems.map((p) => p.key).sort()).toEqual([...dropped].sort());
        expect(problems.every((p) => p.code === 'missing_text' && p.message.includes(p.key))).toBe(
          true,
        );
      }),
    );
  });

  it('never passes a text holding a tag (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[a-z]{1,8}$/), fc.string(), (a, tag, b) => {
        expect(hasMarkup(`${a}<${tag}>${b}`)).toBe(true);
      }),
    );
  });
});

describe('the built-in packs', () => {
  it('pass their own check, and every clipped key is a Vietnamese text', async () => {
    const { VIETNAMESE_PACK, ENGLISH_PACK } = await import('./built-in.ts');
    const { CLIPPED_KEYS } = await import('./clip-keys.ts');
    expect(validateLanguagePack(VIETNAMESE_PACK, VIETNAMESE_PACK)).toEqual([]);
    expect(
      validateLanguagePack(ENGLISH_PACK, VIETNAMESE_PACK).filter((p) => p.code !== 'missing_text'),
    ).toEqual([]);
    expect(CLIPPED_KEYS.filter((key) => VIETNAMESE_PACK.texts[key] === undefined)).toEqual([]);
  });
});
