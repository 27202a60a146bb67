import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commentForRole,
  masksCommentContact,
  matchesTerms,
  searchTerms,
} from './citizen-comments.ts';
import { CONTACT_MASK as M } from './contact-mask.ts';
import { ROLES } from './roles.ts';

describe('searching citizens’ comments', () => {
  it.each([
    ['cho lau', 'Chờ lâu quá, 2 tiếng mới tới lượt', true],
    ['CHỜ LÂU', 'chờ lâu', true],
    ['Chờ   lâu', 'Phải chờ\nlâu', true],
    ['dat dai', 'Hồ sơ ĐẤT ĐAI trả chậm', true],
    ['lâu chờ', 'Chờ lâu', true],
    ['cho lau', 'Chỗ ngồi chật', false],
    ['thai do', 'Chờ lâu', false],
    ['', 'bất cứ gì', true],
    ['   ', 'bất cứ gì', true],
    ['chờ'.normalize('NFD'), 'Chờ lâu', true],
  ])('%j in %j → %s', (query, text, expected) => {
    expect(matchesTerms(text, searchTerms(query))).toBe(expected);
  });

  it('finds every part of a comment, typed with or without diacritics', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(
          /^[a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễđìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ ]{1,40}$/,
        ),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const start = a % text.length;
          const part = text.slice(start, start + 1 + (b % (text.length - start)));
          if (!part.trim()) return;
          expect(matchesTerms(text, searchTerms(part))).toBe(true);
          expect(matchesTerms(text.toUpperCase(), searchTerms(part))).toBe(true);
        },
      ),
    );
  });
});

describe('who reads a comment as typed', () => {
  const comment = 'Gọi lại cho tôi 0912 345 678 hoặc +84 987654321, cảm ơn';

  it('masks every phone number for a viewer only', () => {
    expect(commentForRole(comment, 'viewer')).toBe(`Gọi lại cho tôi ${M} hoặc ${M}, cảm ơn`);
    for (const role of ['admin', 'supervisor', 'staff'] as const) {
      expect(commentForRole(comment, role)).toBe(comment);
    }
    expect(ROLES.filter(masksCommentContact)).toEqual(['viewer']);
  });

  it('leaves a comment without a number unchanged, for every role', () => {
    for (const role of ROLES) expect(commentForRole('Chờ lâu quá', role)).toBe('Chờ lâu quá');
  });
});
