/**
 * What a form field says when the browser refuses it, in the page's language: left to itself the
 * browser says "Please fill out this field" in the language of the system, on a Vietnamese screen.
 * Pure: the apps pass the field's ValidityState and attributes; `watchValidity` (each app) sets it.
 */
export interface FieldValidity {
  valueMissing: boolean;
  typeMismatch: boolean;
  patternMismatch: boolean;
  tooShort: boolean;
  tooLong: boolean;
  rangeUnderflow: boolean;
  rangeOverflow: boolean;
  stepMismatch: boolean;
  badInput: boolean;
}

export interface FieldFacts {
  /** The element's tag, lower case: input, select, textarea. */
  tag: string;
  /** The input's type (text, email, number, date…). */
  type: string;
  minLength: number;
  min: string;
  max: string;
}

const MESSAGES = {
  vi: {
    choose: 'Vui lòng chọn một mục trong danh sách.',
    fill: 'Vui lòng điền vào ô này.',
    tick: 'Vui lòng đánh dấu vào ô này nếu muốn tiếp tục.',
    format: 'Giá trị chưa đúng định dạng.',
    tooShort: (n: number) => `Vui lòng nhập ít nhất ${n} ký tự.`,
    tooLong: 'Nội dung quá dài.',
    atLeast: (min: string) => `Giá trị phải từ ${min} trở lên.`,
    atMost: (max: string) => `Giá trị phải không quá ${max}.`,
    number: 'Vui lòng nhập một số.',
    invalid: 'Giá trị không hợp lệ.',
  },
  en: {
    choose: 'Please choose an item in the list.',
    fill: 'Please fill in this field.',
    tick: 'Please tick this box to go on.',
    format: 'This value is not in the expected format.',
    tooShort: (n: number) => `Please enter at least ${n} characters.`,
    tooLong: 'This is too long.',
    atLeast: (min: string) => `The value must be ${min} or more.`,
    atMost: (max: string) => `The value must be ${max} or less.`,
    number: 'Please enter a number.',
    invalid: 'This value is not valid.',
  },
} as const;

/** The message for a refused field, or '' when it is valid. */
export function validityMessage(
  validity: FieldValidity,
  field: FieldFacts,
  locale: 'vi' | 'en',
): string {
  const m = MESSAGES[locale];
  if (validity.valueMissing) {
    if (field.tag === 'select') return m.choose;
    if (field.type === 'checkbox') return m.tick;
    return m.fill;
  }
  if (validity.badInput) return field.type === 'number' ? m.number : m.format;
  if (validity.typeMismatch || validity.patternMismatch) return m.format;
  if (validity.tooShort) return m.tooShort(field.minLength);
  if (validity.tooLong) return m.tooLong;
  if (validity.rangeUnderflow) return m.atLeast(field.min);
  if (validity.rangeOverflow) return m.atMost(field.max);
  if (validity.stepMismatch) return m.invalid;
  return '';
}
