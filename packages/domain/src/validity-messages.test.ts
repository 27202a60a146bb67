import { describe, expect, it } from 'vitest';
import { validityMessage, type FieldValidity } from './validity-messages.ts';

const valid: FieldValidity = {
  valueMissing: false,
  typeMismatch: false,
  patternMismatch: false,
  tooShort: false,
  tooLong: false,
  rangeUnderflow: false,
  rangeOverflow: false,
  stepMismatch: false,
  badInput: false,
};
const input = { tag: 'input', type: 'text', minLength: 10, min: '0', max: '100' };

describe('validityMessage', () => {
  it.each([
    [{ valueMissing: true }, input, 'Vui lòng điền vào ô này.'],
    [{ valueMissing: true }, { ...input, tag: 'select' }, 'Vui lòng chọn một mục trong danh sách.'],
    [
      { valueMissing: true },
      { ...input, type: 'checkbox' },
      'Vui lòng đánh dấu vào ô này nếu muốn tiếp tục.',
    ],
    [{ tooShort: true }, input, 'Vui lòng nhập ít nhất 10 ký tự.'],
    [{ rangeOverflow: true }, { ...input, type: 'number' }, 'Giá trị phải không quá 100.'],
    [{ badInput: true }, { ...input, type: 'number' }, 'Vui lòng nhập một số.'],
    [{ typeMismatch: true }, { ...input, type: 'email' }, 'Giá trị chưa đúng định dạng.'],
  ])('says %o of a %o in Vietnamese', (flags, field, message) => {
    expect(validityMessage({ ...valid, ...flags }, field, 'vi')).toBe(message);
  });

  it('speaks English too, and says nothing of a valid field', () => {
    expect(validityMessage({ ...valid, valueMissing: true }, input, 'en')).toBe(
      'Please fill in this field.',
    );
    expect(validityMessage(valid, input, 'vi')).toBe('');
  });
});
