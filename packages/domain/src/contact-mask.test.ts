import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACT_MASK as M, maskContactText, mentionsContact } from './contact-mask.ts';
import { foldDiacritics } from './vi-text.ts';

const binh = { name: 'Nguyễn Văn Bình', phone: '0912345678' };

describe('masking contact data in free text', () => {
  it.each([
    ['Đã gọi 0912 345 678.', `Đã gọi ${M}.`],
    ['Đã gọi 0912.345.678.', `Đã gọi ${M}.`],
    ['Đã gọi 0912-345-678.', `Đã gọi ${M}.`],
    ['Đã gọi 0912345678.', `Đã gọi ${M}.`],
    ['Đã gọi +84 912345678.', `Đã gọi ${M}.`],
    ['Đã gọi +84912 345 678.', `Đã gọi ${M}.`],
    ['Đã gọi (+84) 912 345 678.', `Đã gọi ${M}.`],
    ['Đã gọi +84 (0) 912 345 678.', `Đã gọi ${M}.`],
    ['Đã gọi 84912345678.', `Đã gọi ${M}.`],
    // The citizen's own number written without its leading zero.
    ['số 912 345 678', `số ${M}`],
    // Another citizen's or the office's number: a phone number all the same.
    ['Liên hệ 0987 654 321 hoặc (024) 3825 1234.', `Liên hệ ${M} hoặc ${M}.`],
    ['Liên hệ 028.3829.1234', `Liên hệ ${M}`],
    ['Ông Nguyễn Văn Bình đến quầy.', `Ông ${M} đến quầy.`],
    ['Ông NGUYEN VAN BINH đến quầy.', `Ông ${M} đến quầy.`],
    ['ông nguyễn  văn\nbình đến', `ông ${M} đến`],
    ['Nguyễn Văn Bình'.normalize('NFD'), M],
    ['Nguyễn Văn Bình, 0912 345 678', `${M}, ${M}`],
    ['Bình (0912.345.678), (0987 654 321)', `Bình (${M}), (${M})`],
    // Not the name: part of a longer word, or only some of it.
    ['Nguyễn Văn Bìnhh', 'Nguyễn Văn Bìnhh'],
    ['anh Bình', 'anh Bình'],
    // Not a phone number: too short, part of a longer number, a date, a tracking code.
    [
      'Hồ sơ số 000.00.12.H29, ngày 20/11/2026, mã 7KQ2-M9XD',
      'Hồ sơ số 000.00.12.H29, ngày 20/11/2026, mã 7KQ2-M9XD',
    ],
    ['12345678', '12345678'],
    ['1234567890123', '1234567890123'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(maskContactText(text, binh)).toBe(expected);
  });

  it('masks nothing but phone numbers when there is no name, or none worth matching', () => {
    expect(maskContactText('Nguyễn Văn Bình', { name: null, phone: null })).toBe('Nguyễn Văn Bình');
    expect(maskContactText('a b 0912345678', { name: 'A', phone: null })).toBe(`a b ${M}`);
  });

  it('finds the name whatever the case, diacritics and spacing', () => {
    const noLettersOrDigits = fc
      .string({ maxLength: 12 })
      .filter((s) => !/[\p{L}\p{N}\p{M}]/u.test(s));
    const variant = fc
      .tuple(
        fc.array(fc.constantFrom<'keep' | 'fold' | 'upper'>('keep', 'fold', 'upper'), {
          minLength: 15,
          maxLength: 15,
        }),
        fc.constantFrom(' ', '  ', '\t', '\u00a0', '\n'),
        fc.boolean(),
      )
      .map(([how, space, nfd]) => {
        const chars = [...binh.name].map((c, i) =>
          how[i] === 'fold' ? foldDiacritics(c) : how[i] === 'upper' ? c.toUpperCase() : c,
        );
        const text = chars.join('').replace(/ /g, space);
        return nfd ? text.normalize('NFD') : text;
      });
    fc.assert(
      fc.property(noLettersOrDigits, variant, noLettersOrDigits, (before, name, after) => {
        const out = maskContactText(`${before} ${name} ${after}`, binh);
        expect(out).not.toMatch(/\p{L}/u);
        expect(out).toContain(M);
      }),
    );
  });

  it('finds any Vietnamese phone number however it is grouped', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 });
    const sep = fc.constantFrom('', ' ', '.', '-');
    const prefix = fc.constantFrom('0', '+84', '+84 ', '84', '(+84) ', '+84 (0) ');
    fc.assert(
      fc.property(prefix, digits, sep, (p, d, s) => {
        const grouped =
          p === '0'
            ? `0${d.slice(0, 3).join('')}${s}${d.slice(3, 6).join('')}${s}${d.slice(6).join('')}`
            : `${p}${d.slice(0, 3).join('')}${s}${d.slice(3, 6).join('')}${s}${d.slice(6).join('')}`;
        const out = maskContactText(`Gọi ${grouped}, gặp chị Lan.`, binh);
        expect(out).toBe(`Gọi ${M}, gặp chị Lan.`);
      }),
    );
  });

  it('changes text without a phone number or the name not at all, and is idempotent', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('0912 345 678', binh.name, 'BINH', '+84', '84', '(0)', ' ', '\n'),
      fc.integer({ min: 0, max: 99999 }).map(String),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        const once = maskContactText(text, binh);
        expect(maskContactText(once, binh)).toBe(once);
        if (!/\d/.test(text) && !foldDiacritics(text).includes('nguyen')) {
          expect(once).toBe(text.normalize('NFC'));
        }
      }),
    );
  });

  it('masks a name glued to a phone number as well, in one call', () => {
    const once = maskContactText(`0912 345 678${binh.name}`, binh);
    expect(once).toBe(`${M}${M}`);
    expect(maskContactText(once, binh)).toBe(once);
  });

  it('tells whether a text names the citizen or gives their own number, not another', () => {
    expect(mentionsContact('Kính gửi ông nguyen van binh', binh)).toBe(true);
    expect(mentionsContact('Đã gọi số 0912.345.678', binh)).toBe(true);
    expect(mentionsContact('Liên hệ đường dây nóng 0243 825 1234', binh)).toBe(false);
    expect(mentionsContact('Hồ sơ đã có kết quả.', binh)).toBe(false);
  });
});
