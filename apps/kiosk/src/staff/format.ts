import type { Locale } from '@hailong/domain';

/** A waiting time for staff: "2 ngày 3 giờ", "45 phút", "12 giây". */
export function formatAge(ms: number, locale: Locale): string {
  const units =
    locale === 'vi'
      ? { d: 'ngày', h: 'giờ', m: 'phút', s: 'giây' }
      : { d: 'd', h: 'h', m: 'min', s: 's' };
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  if (d > 0) return `${d} ${units.d} ${h} ${units.h}`;
  if (h > 0) return `${h} ${units.h} ${m} ${units.m}`;
  if (m > 0) return `${m} ${units.m}`;
  return `${seconds} ${units.s}`;
}
