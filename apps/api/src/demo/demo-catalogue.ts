import type { NewUnitKind, ScaleId } from '@hailong/contracts';

export interface DemoUnit {
  code: string;
  name: string;
  kind: NewUnitKind;
  scale: ScaleId;
  /** Sectors (lĩnh vực TTHC) with an optional target in basis points for the current year. */
  sectors: { code: string; name: string; targetBp?: number }[];
  /** Quầy of the unit's one-stop desk. */
  counters: { code: string; name: string }[];
  children?: DemoUnit[];
}

const counters = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ code: `quay-${i + 1}`, name: `Quầy số ${i + 1}` }));

/**
 * Thành phố Huế as it is run since 1 July 2025: a centrally governed city with two tiers of local
 * government (Luật Tổ chức chính quyền địa phương 2025), so no district stands between the city
 * and its wards and communes. The city's Trung tâm Phục vụ hành chính công hosts the one-stop desks
 * of its departments as merged in 2025 (Sở Tài chính took over Sở Kế hoạch và Đầu tư; Sở Nông
 * nghiệp và Môi trường joined agriculture with natural resources and environment; Sở Nội vụ took
 * over labour, invalids and social affairs; Sở Xây dựng took over transport); each ward and commune
 * has its own Bộ phận Một cửa. Real lĩnh vực names from the national TTHC catalogue. The business
 * and investment sectors aim higher (95%), as the city's plan sets.
 */
export const DEMO_TREE: DemoUnit = {
  code: 'tp-hue',
  name: 'Thành phố Huế',
  kind: 'province',
  scale: 'five',
  sectors: [],
  counters: [],
  children: [
    {
      code: 'trung-tam-phvhcc',
      name: 'Trung tâm Phục vụ hành chính công thành phố',
      kind: 'centre',
      scale: 'five',
      sectors: [],
      counters: [],
      children: departments(),
    },
    ...communes(),
  ],
};

/** Every demo unit, parents before children, in catalogue order. */
export const DEMO_CATALOGUE: DemoUnit[] = flatten(DEMO_TREE);

function flatten(unit: DemoUnit): DemoUnit[] {
  return [unit, ...(unit.children ?? []).flatMap(flatten)];
}

function departments(): DemoUnit[] {
  return [
    {
      code: 'so-tc',
      name: 'Sở Tài chính',
      kind: 'department',
      scale: 'five',
      counters: counters(2),
      sectors: [
        { code: 'dang-ky-kinh-doanh', name: 'Đăng ký kinh doanh', targetBp: 9500 },
        { code: 'dau-tu-tai-viet-nam', name: 'Đầu tư tại Việt Nam', targetBp: 9500 },
        { code: 'dau-thau', name: 'Đấu thầu', targetBp: 9500 },
        { code: 'hop-tac-xa', name: 'Thành lập và hoạt động của hợp tác xã', targetBp: 9500 },
      ],
    },
    {
      code: 'so-tp',
      name: 'Sở Tư pháp',
      kind: 'department',
      scale: 'five',
      counters: counters(2),
      sectors: [
        { code: 'ho-tich', name: 'Hộ tịch' },
        { code: 'ly-lich-tu-phap', name: 'Lý lịch tư pháp' },
        { code: 'quoc-tich', name: 'Quốc tịch' },
        { code: 'cong-chung', name: 'Công chứng' },
      ],
    },
    {
      code: 'so-nnmt',
      name: 'Sở Nông nghiệp và Môi trường',
      kind: 'department',
      scale: 'five',
      counters: counters(2),
      sectors: [
        { code: 'dat-dai', name: 'Đất đai' },
        { code: 'moi-truong', name: 'Môi trường' },
        { code: 'tai-nguyen-nuoc', name: 'Tài nguyên nước' },
      ],
    },
    {
      code: 'so-xd',
      name: 'Sở Xây dựng',
      kind: 'department',
      scale: 'five',
      counters: counters(2),
      sectors: [
        { code: 'hoat-dong-xay-dung', name: 'Hoạt động xây dựng' },
        { code: 'nha-o', name: 'Nhà ở' },
        { code: 'quy-hoach-xay-dung', name: 'Quy hoạch xây dựng, kiến trúc' },
      ],
    },
    {
      code: 'so-noi-vu',
      name: 'Sở Nội vụ',
      kind: 'department',
      scale: 'five',
      counters: counters(2),
      sectors: [
        { code: 'lao-dong', name: 'Lao động' },
        { code: 'viec-lam', name: 'Việc làm' },
        { code: 'nguoi-co-cong', name: 'Người có công' },
      ],
    },
  ];
}

function communes(): DemoUnit[] {
  return [
    {
      code: 'ubnd-phuong-thuan-hoa',
      name: 'UBND phường Thuận Hóa',
      kind: 'commune',
      scale: 'three',
      counters: counters(2),
      sectors: [
        { code: 'ho-tich', name: 'Hộ tịch' },
        { code: 'chung-thuc', name: 'Chứng thực' },
        { code: 'bao-tro-xa-hoi', name: 'Bảo trợ xã hội' },
      ],
    },
    {
      code: 'ubnd-xa-quang-dien',
      name: 'UBND xã Quảng Điền',
      kind: 'commune',
      scale: 'three',
      counters: counters(1),
      sectors: [
        { code: 'ho-tich', name: 'Hộ tịch' },
        { code: 'chung-thuc', name: 'Chứng thực' },
        { code: 'dat-dai', name: 'Đất đai' },
      ],
    },
  ];
}
