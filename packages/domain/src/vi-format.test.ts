import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatPhone,
  yearAt,
} from './vi-format.ts';

describe('Vietnamese formats', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });

  it('formats rates as 91,5%', () => {
    expect(formatPercent(0.915)).toBe('91,5%');
    expect(formatPercent(0.9)).toBe('90%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.915, 'en')).toBe('91.5%');
  });

  it('writes dates as dd/mm/yyyy in Việt Nam time, whatever the server zone', () => {
    // 23:30 UTC on 31/12/2025 is already 1 January 2026 in Hà Nội (UTC+7).
    const instant = Date.UTC(2025, 11, 31, 23, 30);
    expect(formatDate(instant)).toBe('01/01/2026');
    expect(formatDateTime(instant)).toBe('01/01/2026 06:30');
    expect(yearAt(instant)).toBe(2026);
    expect(yearAt(Date.UTC(2025, 11, 31, 16, 59))).toBe(2025);
  });
});

describe('formatPhone', () => {
  it.each([
    ['0912345678', '0912 345 678'],
    ['0912.345.678', '0912 345 678'],
    ['+84912345678', '+84 912 345 678'],
    ['02438251234', '024 3825 1234'],
    ['(024) 3825 1234', '024 3825 1234'],
    ['1900 1234', '1900 1234'],
    ['gọi sau', 'gọi sau'],
  ])('groups %s as %s', (phone, grouped) => {
    expect(formatPhone(phone)).toBe(grouped);
  });
});
