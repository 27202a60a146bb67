/**
 * Masking that holds, over generated input: Vietnamese phone numbers in every grouping, width and
 * prefix; Vietnamese names in every case and with or without diacritics; and ordinary sentences
 * (dates, amounts, codes) that must come back unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACT_MASK as M, maskContactText, mentionsContact } from './contact-mask.ts';
import { foldDiacritics } from './vi-text.ts';

const nobody = { name: null, phone: null };

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Ngọc', 'Thanh', 'Quốc', 'Xuân', 'Minh', 'Thu'];
const GIVEN = [
  'Bình',
  'Khai',
  'Hùng',
  'Dũng',
  'Lan',
  'Mai',
  'Hương',
  'Tuấn',
  'Thắng',
  'Đạt',
  'Yến',
];

const digit = fc.integer({ min: 0, max: 9 });
/** A national number: a mobile (3, 5, 7, 8, 9 and 8 digits) or a landline (2 and 9 digits). */
const nationalNumber = fc
  .oneof(
    fc.tuple(fc.constantFrom(3, 5, 7, 8, 9), fc.array(digit, { minLength: 8, maxLength: 8 })),
    fc.tuple(fc.constant(2), fc.array(digit, { minLength: 9, maxLength: 9 })),
  )
  .map(([first, rest]) => [first, ...rest].join(''));

const PREFIXES = ['0', '+84', '+84 ', '0084', '0084 ', '84', '(+84) ', '+84 (0) ', '+84 0'];
const SEPARATORS = ['', ' ', '.', '-', '/', ',', '_', ' - ', ' . ', ' / ', ', ', '  ', ' – '];

const toFullWidth = (d: string) => String.fromCharCode(0xff10 + Number(d));

/** Splits `digits` into groups of 1 to 4 at random. */
const grouped = (digits: string) =>
  fc
    .array(fc.integer({ min: 1, max: 4 }), { minLength: digits.length, maxLength: digits.length })
    .map((sizes) => {
      const groups: string[] = [];
      for (let at = 0, i = 0; at < digits.length; i++) {
        groups.push(digits.slice(at, at + sizes[i]!));
        at += sizes[i]!;
      }
      return groups;
    });

/** A number as people write it: a prefix, groups joined by one separator, some digits full-width. */
const writtenNumber = nationalNumber.chain((nsn) =>
  fc
    .tuple(
      fc.constantFrom(...PREFIXES),
      grouped(nsn),
      fc.constantFrom(...SEPARATORS),
      fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    )
    .map(([prefix, groups, sep, wide]) => {
      const text = `${prefix}${groups.join(sep)}`;
      let i = 0;
      return {
        nsn,
        text: text.replace(/\d/g, (d) => (wide[i++ % 16] ? toFullWidth(d) : d)),
      };
    }),
);

const BEFORE = ['Đã gọi', 'Số của ông:', 'Liên hệ lại', 'gọi cho tôi theo số', 'SĐT', '(số'];
const AFTER = ['để hẹn lịch.', ', cảm ơn.', 'vào sáng mai', '.', 'hoặc đến trực tiếp.', ')'];

describe('phone numbers, generated', () => {
  it('masks any Vietnamese number in any grouping, separator, width and prefix', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BEFORE),
        writtenNumber,
        fc.constantFrom(...AFTER),
        (before, { text }, after) => {
          const out = maskContactText(`${before} ${text} ${after}`, nobody);
          expect(out).toBe(`${before} ${M} ${after}`);
          expect(mentionsContact(`${before} ${text} ${after}`, nobody)).toBe(true);
        },
      ),
    );
  });

  it("masks the citizen's own number written without any prefix", () => {
    fc.assert(
      fc.property(
        nationalNumber.chain((nsn) =>
          fc.tuple(fc.constant(nsn), grouped(nsn), fc.constantFrom(...SEPARATORS)),
        ),
        fc.constantFrom('0', '+84'),
        ([nsn, groups, sep], stored) => {
          const out = maskContactText(`số ${groups.join(sep)} nhé`, {
            name: null,
            phone: `${stored}${nsn}`,
          });
          expect(out).toBe(`số ${M} nhé`);
        },
      ),
    );
  });

  it('masks two numbers side by side, whatever stands between them', () => {
    fc.assert(
      fc.property(
        writtenNumber,
        fc.constantFrom('/', ' / ', ', ', ' hoặc ', '; '),
        writtenNumber,
        (a, between, b) => {
          expect(maskContactText(`Gọi ${a.text}${between}${b.text}.`, nobody)).toBe(
            `Gọi ${M}${between}${M}.`,
          );
        },
      ),
    );
  });
});

/** A name in random case per letter, with or without its diacritics, in NFC or NFD. */
const written = (name: string) =>
  fc
    .tuple(
      fc.array(
        fc.constantFrom<'keep' | 'fold' | 'upper' | 'lower'>('keep', 'fold', 'upper', 'lower'),
        {
          minLength: name.length,
          maxLength: name.length,
        },
      ),
      fc.boolean(),
    )
    .map(([how, nfd]) => {
      const text = [...name]
        .map((c, i) =>
          how[i] === 'fold'
            ? foldDiacritics(c).replace(/./, (f) => (c === c.toUpperCase() ? f.toUpperCase() : f))
            : how[i] === 'upper'
              ? c.toUpperCase()
              : how[i] === 'lower'
                ? c.toLowerCase()
                : c,
        )
        .join('');
      return nfd ? text.normalize('NFD') : text.normalize('NFC');
    });

const vietnameseName = fc
  .tuple(
    fc.constantFrom(...FAMILY),
    fc.array(fc.constantFrom(...MIDDLE), { minLength: 0, maxLength: 2 }),
    fc.constantFrom(...GIVEN),
  )
  .map(([family, middle, given]) => ({ full: [family, ...middle, given].join(' '), given }));

/** Given name written as a name: capitalised, with or without its diacritics. */
const capitalised = (given: string) =>
  fc.constantFrom(
    given,
    foldDiacritics(given).replace(/^./, (c) => c.toUpperCase()),
    given.toUpperCase(),
  );

describe('names, generated', () => {
  it('masks the full name in any case, with or without diacritics', () => {
    fc.assert(
      fc.property(
        vietnameseName.chain((n) => fc.tuple(fc.constant(n), written(n.full))),
        fc.constantFrom('Đã gọi cho', 'Kính gửi', 'hẹn gặp', '-'),
        ([name, text], before) => {
          const out = maskContactText(`${before} ${text}, hồ sơ đã xong.`, {
            name: name.full,
            phone: null,
          });
          expect(out).toBe(`${before.normalize('NFC')} ${M}, hồ sơ đã xong.`);
        },
      ),
    );
  });

  it('masks the given name alone when written as a name or after a form of address', () => {
    const asName = vietnameseName.chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.oneof(
          fc.tuple(
            fc.constantFrom('Đã gọi cho', 'hẹn gặp', 'cán bộ đã trả lời'),
            capitalised(n.given),
          ),
          fc.tuple(
            fc.constantFrom('gặp anh', 'gọi chị', 'Kính gửi ông', 'trả lời bà', 'báo đ/c'),
            fc.constantFrom(n.given, n.given.toLowerCase()),
          ),
          fc.tuple(
            fc.constantFrom('gap ong', 'goi chi', 'gui anh'),
            fc.constant(foldDiacritics(n.given)),
          ),
        ),
        fc.constantFrom(' sáng mai.', ', hồ sơ đã xong.', '.', ' đã nhận kết quả'),
      ),
    );
    fc.assert(
      fc.property(asName, ([name, [before, given], after]) => {
        const out = maskContactText(`${before} ${given}${after}`, { name: name.full, phone: null });
        expect(out).toBe(`${before} ${M}${after}`);
      }),
    );
  });
});

const pad = (n: number) => String(n).padStart(2, '0');
const date = fc
  .tuple(
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1990, max: 2035 }),
    fc.constantFrom('/', '.', '-'),
    fc.boolean(),
  )
  .map(([d, m, y, sep, iso]) =>
    iso ? `${y}-${pad(m)}-${pad(d)}` : `${pad(d)}${sep}${pad(m)}${sep}${y}`,
  );
/** Amounts in đồng grouped by thousands, up to hundreds of billions (12 digits). */
const amount = fc
  .tuple(
    fc.bigInt({ min: 1000n, max: 999_999_999_999n }),
    fc.constantFrom(' đồng', 'đ', ' VNĐ', ' triệu đồng'),
  )
  .map(([n, unit]) => `${n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${unit}`);
const ordinary = fc.constantFrom(
  'Hồ sơ khai sinh đã có kết quả',
  'Tình hình bình thường, tờ khai đã nhận',
  'cán bộ đã hướng dẫn công dân bổ sung giấy tờ',
  'mã hồ sơ 000.00.12.H29-241120-0001',
  'mã tra cứu 7KQ2-M9XD',
  'đường dây nóng 1900 1234',
  'lúc 10:30, hẹn 10 giờ',
  'Quyết định số 1234/QĐ-UBND',
  'tỉnh Hòa Bình và Bình Dương',
  'năm nay trung bình 3 ngày',
);
const piece = fc.oneof(
  ordinary,
  date.map((d) => `ngày ${d}`),
  amount.map((a) => `phí ${a}`),
  date,
);

describe('ordinary text, generated', () => {
  it('leaves sentences without the name or a phone number as they are', () => {
    fc.assert(
      fc.property(
        vietnameseName,
        fc.array(piece, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(' ', ', ', '; ', '. '),
        (name, pieces, joint) => {
          const text = pieces.join(joint);
          const contact = { name: name.full, phone: '0912345678' };
          expect(maskContactText(text, contact)).toBe(text);
          expect(mentionsContact(text, contact)).toBe(false);
        },
      ),
    );
  });

  it('is idempotent on any text', () => {
    const anything = fc.oneof(
      piece,
      writtenNumber.map((n) => n.text),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(vietnameseName, fc.array(anything, { maxLength: 8 }), (name, pieces) => {
        const contact = { name: name.full, phone: null };
        const once = maskContactText(pieces.join(' '), contact);
        expect(maskContactText(once, contact)).toBe(once);
      }),
    );
  });
});
