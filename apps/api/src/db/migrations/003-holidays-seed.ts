/**
 * The days off for cán bộ, công chức, viên chức in 2025–2027, as the migration 003 pre-fills them.
 * Frozen with that migration: corrections go through the console (Ngày nghỉ lễ) or a later one.
 *
 * 2025: Thông báo 6150/TB-BLĐTBXH (after Công văn 8726/VPCP-KGVX, 2024): Tết 25/01–02/02; Giỗ Tổ
 *   Monday 07/04 (with the weekend); 30/4–4/5 with Friday 02/5 swapped for Saturday 26/4 (làm bù);
 *   Quốc khánh 30/8–2/9 (2/9 and Monday 1/9).
 * 2026: Tết Bính Ngọ 14/02–22/02 as decided; Giỗ Tổ falls on Sunday 26/4, nghỉ bù Monday 27/4;
 *   30/4–3/5. Tết Dương lịch 1–4/1 with Friday 2/1 swapped for Saturday 10/1, and Quốc khánh
 *   29/8–2/9 with Monday 31/8 swapped for Saturday 22/8, are the Bộ Nội vụ proposals: "dự kiến".
 * 2027: not announced; the legal days (Bộ luật Lao động 2019, Điều 111–112) placed as usual, all
 *   "dự kiến". Tết Đinh Mùi is Saturday 06/02/2027; Giỗ Tổ (10/3 âm lịch) is Friday 16/04/2027.
 */
import { dateRange } from '@hailong/domain';

type Kind = 'off' | 'makeup';
type Span = [from: string, to: string, name: string, kind: Kind, note: string | null];

const PLANNED = 'dự kiến';
const PROPOSED = 'dự kiến (theo đề xuất của Bộ Nội vụ)';

const SPANS: readonly Span[] = [
  ['2025-01-01', '2025-01-01', 'Tết Dương lịch', 'off', null],
  ['2025-01-25', '2025-02-02', 'Tết Nguyên đán', 'off', null],
  ['2025-04-05', '2025-04-07', 'Giỗ Tổ Hùng Vương', 'off', null],
  ['2025-04-26', '2025-04-26', 'Làm bù cho ngày 02/5', 'makeup', null],
  ['2025-04-30', '2025-04-30', 'Ngày Chiến thắng', 'off', null],
  ['2025-05-01', '2025-05-01', 'Ngày Quốc tế Lao động', 'off', null],
  ['2025-05-02', '2025-05-04', 'Nghỉ lễ 30/4 – 1/5 (hoán đổi)', 'off', null],
  ['2025-08-30', '2025-09-02', 'Quốc khánh', 'off', null],

  ['2026-01-01', '2026-01-01', 'Tết Dương lịch', 'off', null],
  ['2026-01-02', '2026-01-04', 'Tết Dương lịch (hoán đổi)', 'off', PROPOSED],
  ['2026-01-10', '2026-01-10', 'Làm bù cho ngày 02/01', 'makeup', PROPOSED],
  ['2026-02-14', '2026-02-22', 'Tết Nguyên đán', 'off', null],
  ['2026-04-25', '2026-04-26', 'Giỗ Tổ Hùng Vương', 'off', null],
  ['2026-04-27', '2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)', 'off', null],
  ['2026-04-30', '2026-04-30', 'Ngày Chiến thắng', 'off', null],
  ['2026-05-01', '2026-05-03', 'Ngày Quốc tế Lao động', 'off', null],
  ['2026-08-22', '2026-08-22', 'Làm bù cho ngày 31/8', 'makeup', PROPOSED],
  ['2026-08-29', '2026-08-31', 'Quốc khánh (hoán đổi)', 'off', PROPOSED],
  ['2026-09-01', '2026-09-01', 'Quốc khánh', 'off', PROPOSED],
  ['2026-09-02', '2026-09-02', 'Quốc khánh', 'off', null],

  ['2027-01-01', '2027-01-03', 'Tết Dương lịch', 'off', PLANNED],
  ['2027-02-04', '2027-02-10', 'Tết Nguyên đán', 'off', PLANNED],
  ['2027-04-16', '2027-04-18', 'Giỗ Tổ Hùng Vương', 'off', PLANNED],
  ['2027-04-30', '2027-05-02', 'Ngày Chiến thắng, Quốc tế Lao động', 'off', PLANNED],
  ['2027-05-03', '2027-05-03', 'Ngày Quốc tế Lao động (nghỉ bù)', 'off', PLANNED],
  ['2027-09-02', '2027-09-05', 'Quốc khánh', 'off', PLANNED],
];

export interface SeedHoliday {
  date: string;
  name: string;
  kind: Kind;
  note: string | null;
}

/** One row per date. */
export function seedHolidays(): SeedHoliday[] {
  return SPANS.flatMap(([from, to, name, kind, note]) =>
    dateRange(from, to).map((date) => ({ date, name, kind, note })),
  );
}
