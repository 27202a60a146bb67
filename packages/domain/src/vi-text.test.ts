import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVi, foldDiacritics, normalizeText } from './vi-text.ts';

describe('Vietnamese text', () => {
  it('normalises decomposed input to NFC and trims', () => {
    const decomposed = '  Hộ tịch '.normalize('NFD');
    expect(normalizeText(decomposed)).toBe('Hộ tịch'.normalize('NFC'));
  });

  it('folds every diacritic, including đ, for search', () => {
    expect(foldDiacritics('Đất đai')).toBe('dat dai');
    expect(foldDiacritics('Đăng ký kinh doanh')).toBe('dang ky kinh doanh');
    expect(foldDiacritics('Lý lịch tư pháp')).toBe('ly lich tu phap');
    expect(foldDiacritics('Ưu tiên NGƯỜI CAO TUỔI')).toBe('uu tien nguoi cao tuoi');
  });

  it('folding is idempotent and independent of the input normal form', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = foldDiacritics(s);
        expect(foldDiacritics(once)).toBe(once);
        expect(foldDiacritics(s.normalize('NFD'))).toBe(foldDiacritics(s.normalize('NFC')));
      }),
    );
  });

  it('sorts in Vietnamese alphabetical order, đ after d', () => {
    const names = ['Đất đai', 'Xây dựng', 'Doanh nghiệp', 'Ăn uống', 'An toàn', 'Bảo hiểm'];
    expect([...names].sort(compareVi)).toEqual([
      'An toàn',
      'Ăn uống',
      'Bảo hiểm',
      'Doanh nghiệp',
      'Đất đai',
      'Xây dựng',
    ]);
  });
});
