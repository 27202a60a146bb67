import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent, yearAt } from './vi-format.ts';

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
