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
    ['Bình (0912.345.678), (0987 654 321)', `${M} (${M}), (${M})`],
    // Not the name: part of a longer word.
    ['Nguyễn Văn Bìnhh', 'Nguyễn Văn Bìnhh'],
    // The given name alone, written as a name or after a form of address; the rest of the name
    // next to it goes with it.
    ['anh Bình', `anh ${M}`],
    ['Đã gọi cho Bình, hẹn sáng mai.', `Đã gọi cho ${M}, hẹn sáng mai.`],
    ['Đã gọi cho BINH.', `Đã gọi cho ${M}.`],
    ['gặp ông bình hôm qua', `gặp ông ${M} hôm qua`],
    ['gap ong binh hom qua', `gap ong ${M} hom qua`],
    ['Kính gửi đ/c binh', `Kính gửi đ/c ${M}`],
    ['Đã gọi cho Nguyễn Bình.', `Đã gọi cho ${M}.`],
    ['Đã gọi cho Văn Bình.', `Đã gọi cho ${M}.`],
    // The same word as an ordinary word or inside another proper name is not the citizen.
    ['Tình hình bình thường, trung bình.', 'Tình hình bình thường, trung bình.'],
    ['Trụ sở ở tỉnh Hòa Bình, gần Bình Dương.', 'Trụ sở ở tỉnh Hòa Bình, gần Bình Dương.'],
    ['có bình nước', 'có bình nước'],
    // The brief's groupings: spaced dashes, slashes, commas, underscores, full-width digits.
    ['Số 0933 - 970 - 283 gọi lại', `Số ${M} gọi lại`],
    ['Số 0912/345/678.', `Số ${M}.`],
    ['Số 0912,345,678.', `Số ${M}.`],
    ['Số 0912_345_678.', `Số ${M}.`],
    ['Số ０９１２ ３４５ ６７８.', `Số ${M}.`],
    ['Số ＋８４ ９１２ ３４５ ６７８.', `Số ${M}.`],
    ['Số 0084 912 345 678.', `Số ${M}.`],
    ['Số 0933 – 970 – 283.', `Số ${M}.`],
    ['SĐT:0987.654.321/0912.345.678', `SĐT:${M}/${M}`],
    // Invisible characters pasted from a word processor split nothing.
    ['Gọi Bì\u00adnh: 0912\u200b345\u2060678', `Gọi ${M}: ${M}`],
    ['ngày 07/12/2026, gọi 0987 654 321', `ngày 07/12/2026, gọi ${M}`],
    ['ngày 07/12/2026 0987 654 321', `ngày 07/12/2026 ${M}`],
    // Not a phone number: too short, part of a longer number, a date, a tracking code.
    [
      'Hồ sơ số 000.00.12.H29, ngày 20/11/2026, mã 7KQ2-M9XD',
      'Hồ sơ số 000.00.12.H29, ngày 20/11/2026, mã 7KQ2-M9XD',
    ],
    ['Tổng đài 1900 123 456 hoặc 1800 1234', 'Tổng đài 1900 123 456 hoặc 1800 1234'],
    ['12345678', '12345678'],
    ['1234567890123', '1234567890123'],
    // Dates have 8 digits, money a currency word; neither is a phone number.
    [
      'ngày 07/12/2026 10 giờ, 07.12.2026 và 2026-12-07',
      'ngày 07/12/2026 10 giờ, 07.12.2026 và 2026-12-07',
    ],
    [
      'Phí 1.234.000 đồng, tổng 84.500.000.000 đồng',
      'Phí 1.234.000 đồng, tổng 84.500.000.000 đồng',
    ],
    [
      'tổng 1.084.500.000 VNĐ; đường dây nóng 1900 1234',
      'tổng 1.084.500.000 VNĐ; đường dây nóng 1900 1234',
    ],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(maskContactText(text, binh)).toBe(expected);
  });

  it('reads the given name as Vietnamese names are written: family, middle, given', () => {
    const khai = { name: 'Nguyễn Thị Minh Khai', phone: null };
    expect(maskContactText('Đã gọi chị Khai.', khai)).toBe(`Đã gọi chị ${M}.`);
    expect(maskContactText('Đã gọi Minh Khai.', khai)).toBe(`Đã gọi ${M}.`);
    // An ordinary word in lower case, another proper name, other marks: not the citizen.
    expect(maskContactText('Nộp tờ khai, đường Minh Khai cũ.', khai)).toBe(
      `Nộp tờ khai, đường ${M} cũ.`,
    );
    expect(maskContactText('Năm nay hồ sơ nam giới', { name: 'Trần Văn Nam', phone: null })).toBe(
      'Năm nay hồ sơ nam giới',
    );
    // A one-letter given name is never matched alone; a two-letter one is, written as a name.
    expect(maskContactText('Ý kiến của chị Ý', { name: 'Lê Thị Ý', phone: null })).toBe(
      'Ý kiến của chị Ý',
    );
    expect(maskContactText('Đã gọi An.', { name: 'Phạm An', phone: null })).toBe(`Đã gọi ${M}.`);
    // The first word of a sentence is capitalised anyway: the name's word there is masked (the
    // rule errs on the citizen's side).
    expect(maskContactText('Khai báo đã nộp.', khai)).toBe(`${M} báo đã nộp.`);
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
    // A national number never begins with 0 ("0000000000" is a code, not a number).
    const digits = fc
      .tuple(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
      )
      .map(([first, rest]) => [first, ...rest]);
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
        const folded = foldDiacritics(text);
        if (!/\d/.test(text) && !folded.includes('nguyen') && !folded.includes('binh')) {
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

  it('tells whether a text names the citizen or gives any phone number (what publication refuses)', () => {
    expect(mentionsContact('Kính gửi ông nguyen van binh', binh)).toBe(true);
    expect(mentionsContact('Kính gửi ông Bình: hồ sơ đã có kết quả.', binh)).toBe(true);
    expect(mentionsContact('Đã gọi số 0912.345.678', binh)).toBe(true);
    expect(mentionsContact('Đã gọi số 912 345 678', binh)).toBe(true);
    // Any number: a missed grouping of the citizen's own must not reach the public register.
    expect(mentionsContact('Liên hệ 0933 - 970 - 283', binh)).toBe(true);
    expect(mentionsContact('Liên hệ đường dây nóng 0243 825 1234', binh)).toBe(true);
    expect(mentionsContact('Hồ sơ đã có kết quả ngày 07/12/2026, phí 1.234.000 đồng.', binh)).toBe(
      false,
    );
  });
});
