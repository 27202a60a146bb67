/**
 * Reports to test and time the documents with: the province of Thừa Thiên Huế over quý IV/2026
 * (19 sectors with every verdict, 9 units with a tie and one too few to rank, three months, phản
 * ánh, TT 01 measured), and a year report of any size for the bench. Counts are made up but add
 * up: the overall figures are the sums of the sectors', and the months' totals sum to the period's.
 */
import {
  INDICATOR_LABELS,
  INDICATORS,
  parsePeriod,
  rankLeague,
  reportPeriod,
  reportRate,
  seededRandom,
} from '@hailong/domain';
import type { PeriodicReport, ReportRankedRow, ReportRow } from './report-data.ts';

const MIN_SAMPLE = 30;
const TARGET_BP = 9100;

export const HUE_SECTORS: readonly [string, number, number][] = [
  ['Hộ tịch', 2310, 2398],
  ['Chứng thực', 1874, 1932],
  ['Đất đai', 1105, 1300],
  ['Xây dựng', 402, 463],
  ['Đăng ký kinh doanh', 861, 890],
  ['Tư pháp', 38, 40],
  ['Lao động - Thương binh và Xã hội', 1012, 1049],
  ['Giáo dục và Đào tạo', 288, 297],
  ['Y tế', 240, 251],
  ['Giao thông vận tải', 1490, 1544],
  ['Tài nguyên và Môi trường', 44, 50],
  ['Nông nghiệp và Phát triển nông thôn', 174, 180],
  ['Công Thương', 130, 134],
  ['Văn hóa, Thể thao và Du lịch', 95, 98],
  ['Khoa học và Công nghệ', 11, 12],
  ['Thông tin và Truyền thông', 0, 0],
  ['Nội vụ', 77, 79],
  ['Tài chính', 119, 122],
  ['Kế hoạch và Đầu tư', 404, 416],
];

export const HUE_UNITS: readonly [string, number, number][] = [
  ['Trung tâm Phục vụ hành chính công tỉnh', 3420, 3560],
  ['UBND thành phố Huế', 2880, 3000],
  ['UBND thị xã Hương Thủy', 1440, 1500],
  ['UBND thị xã Hương Trà', 1190, 1250],
  ['UBND huyện Phong Điền', 920, 980],
  ['UBND huyện Quảng Điền', 610, 640],
  ['UBND huyện Phú Vang', 700, 790],
  ['UBND huyện Phú Lộc', 1002, 1075],
  ['UBND huyện A Lưới', 23, 25],
];

const row = ([name, satisfied, total]: readonly [string, number, number]): ReportRow => ({
  name,
  ...reportRate(satisfied, total, TARGET_BP, MIN_SAMPLE),
});

function ranked(units: readonly (readonly [string, number, number])[]): ReportRankedRow[] {
  const rows = units.map(row);
  const league = rankLeague(rows.map((r) => ({ ...r, tooFew: r.verdict === 'too-few' })));
  return [
    ...league.ranked.map(({ tied: _t, overlapsAbove: _o, tooFew: _f, ...r }) => r),
    ...league.tooFew.map(({ tooFew: _f, ...r }) => ({ ...r, rank: null })),
  ];
}

/** Splits `total` over `parts` months as evenly as whole numbers allow. */
function split(total: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, i) => Math.floor((total * (i + 1)) / parts) - Math.floor((total * i) / parts),
  );
}

const TT01_POINTS: Partial<Record<number, number>> = {
  1: 1.92,
  3: 1.97,
  4: 1.99,
  7: 1.96,
  8: 1.85,
};

function base(sectors: ReportRow[], units: ReportRankedRow[], periodId: string): PeriodicReport {
  const satisfied = sectors.reduce((s, r) => s + r.satisfied, 0);
  const total = sectors.reduce((s, r) => s + r.total, 0);
  const period = parsePeriod(periodId)!;
  const totals = split(total, period.months.length);
  // Months around the period's rate, better towards its end; their counts add up to the period's.
  const drift = (i: number) => (i - (totals.length - 1) / 2) * 0.004;
  const monthly = totals.map((n, i) => Math.round(n * (satisfied / total + drift(i))));
  monthly[monthly.length - 1]! += satisfied - monthly.reduce((a, b) => a + b, 0);
  return {
    agency: 'UBND tỉnh Thừa Thiên Huế',
    issuer: 'Trung tâm Phục vụ hành chính công',
    place: 'Huế',
    signedOn: '2026-12-07',
    symbol: 'BC-TTPVHCC',
    nodeName: 'tỉnh Thừa Thiên Huế',
    period: reportPeriod(period),
    minSample: MIN_SAMPLE,
    overall: reportRate(satisfied, total, TARGET_BP, MIN_SAMPLE),
    sectors,
    units,
    trend: period.months.map((month, i) => ({
      month,
      rate: monthly[i]! / totals[i]!,
      total: totals[i]!,
    })),
    feedback: { received: 126, answeredOnTime: 112, overdue: 4, accepted: 87, notAccepted: 6 },
    tt01: {
      rows: INDICATORS.map((indicator) => ({
        indicator,
        label: INDICATOR_LABELS[indicator].vi,
        points: TT01_POINTS[indicator] ?? null,
        n: TT01_POINTS[indicator] === undefined ? 0 : 1000 + indicator * 37,
      })),
      total: 9.69,
      maxMeasured: 10,
      band: 'Tốt',
    },
    exclusions: [
      { label: 'Nghi bấm lặp', count: 214 },
      { label: 'Đồng hồ máy tính bảng sai lệch', count: 12 },
      { label: 'Hồ sơ được đánh giá lại sau đó', count: 37 },
      { label: 'Qua điện thoại, chưa gắn hồ sơ', count: 1058 },
      { label: 'Đến sau khi chốt số liệu', count: 9 },
      { label: 'Mức đánh giá ngoài thang đo', count: 0 },
    ],
    recipients: [
      'UBND tỉnh (để báo cáo)',
      'Văn phòng UBND tỉnh',
      'Sở Nội vụ',
      'Các sở, ban, ngành cấp tỉnh',
      'UBND các huyện, thị xã, thành phố Huế',
      'Giám đốc, các Phó Giám đốc Trung tâm',
      'Lưu: VT, NV',
    ],
    signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Thị Minh Hoa' },
  };
}

/** The province of Thừa Thiên Huế, quý IV/2026. */
export function hueQuarterReport(): PeriodicReport {
  return base(HUE_SECTORS.map(row), ranked(HUE_UNITS), '2026-Q4');
}

/** A year report of `sectorCount` sectors and `unitCount` units, the same for a same seed. */
export function largeYearReport(sectorCount: number, unitCount: number, seed = 24): PeriodicReport {
  const random = seededRandom(seed);
  const counts = (i: number): [number, number] => {
    const total = i % 37 === 36 ? Math.floor(random() * 30) : 200 + Math.floor(random() * 4000);
    return [Math.round(total * (0.84 + random() * 0.16)), total];
  };
  const sectors = Array.from({ length: sectorCount }, (_, i) => {
    const name = HUE_SECTORS[i % HUE_SECTORS.length]![0];
    return row([i < HUE_SECTORS.length ? name : `${name} (${i + 1})`, ...counts(i)]);
  });
  const units = ranked(
    Array.from({ length: unitCount }, (_, i) => [
      `${i % 3 === 0 ? 'Phường' : 'Xã'} Số ${i + 1} thuộc huyện ${(i % 9) + 1}`,
      ...counts(i),
    ]),
  );
  return { ...base(sectors, units, '2026'), signedOn: '2027-01-05' };
}
