import { describe, expect, it } from 'vitest';
import {
  enrollmentCodeFromFragment,
  formatEnrollmentCode,
  normalizeEnrollmentCode,
} from './enroll-code.ts';

describe('enrollment codes', () => {
  it.each([
    ['7KQ2-M9XD', '7KQ2M9XD'],
    ['7kq2m9xd', '7KQ2M9XD'],
    [' 7KQ2 M9XD ', '7KQ2M9XD'],
    ['7KQ2-M9X', null],
    ['7KQ2-M9XDA', null],
    ['7KQ2-M9XU', null],
    ['ILOU-1234', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeEnrollmentCode(input)).toBe(expected);
  });

  it('shows a code in two groups', () => {
    expect(formatEnrollmentCode('7KQ2M9XD')).toBe('7KQ2-M9XD');
  });

  it.each([
    ['#enroll=7KQ2-M9XD', '7KQ2-M9XD'],
    ['#enroll=7kq2m9xd&x=1', '7kq2m9xd'],
    ['enroll=ABCD1234', 'ABCD1234'],
    ['#', null],
    ['', null],
    ['#other=1', null],
  ])('reads the fragment %j as %j', (hash, expected) => {
    expect(enrollmentCodeFromFragment(hash)).toBe(expected);
  });
});
