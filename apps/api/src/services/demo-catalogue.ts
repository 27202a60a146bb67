import type { ScaleId, UnitKind } from '@hailong/contracts';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  scale: ScaleId;
  /** Sectors (lĩnh vực TTHC) with an optional target in basis points for the current year. */
  sectors: { code: string; name: string; targetBp?: number }[];
}

/**
 * A provincial service centre's departments with real lĩnh vực names from the national TTHC
 * catalogue. Sở KH&ĐT aims higher (95%), as its 2020–2025 plan sets.
 */
export const DEMO_CATALOGUE: DemoUnit[] = [
  {
    code: 'so-khdt',
    name: 'Sở Kế hoạch và Đầu tư',
    kind: 'department',
    scale: 'five',
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
    sectors: [
      { code: 'ho-tich', name: 'Hộ tịch' },
      { code: 'ly-lich-tu-phap', name: 'Lý lịch tư pháp' },
      { code: 'quoc-tich', name: 'Quốc tịch' },
      { code: 'cong-chung', name: 'Công chứng' },
    ],
  },
  {
    code: 'so-tnmt',
    name: 'Sở Tài nguyên và Môi trường',
    kind: 'department',
    scale: 'five',
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
    sectors: [
      { code: 'lao-dong', name: 'Lao động' },
      { code: 'viec-lam', name: 'Việc làm' },
      { code: 'nguoi-co-cong', name: 'Người có công' },
    ],
  },
  {
    code: 'ubnd-phuong-trung-tam',
    name: 'UBND phường Trung Tâm',
    kind: 'commune',
    scale: 'three',
    sectors: [
      { code: 'ho-tich', name: 'Hộ tịch' },
      { code: 'chung-thuc', name: 'Chứng thực' },
      { code: 'bao-tro-xa-hoi', name: 'Bảo trợ xã hội' },
    ],
  },
];
