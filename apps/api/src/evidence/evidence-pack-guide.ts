/**
 * "Hướng dẫn kiểm chứng", the plain-text guide at the top of the PAR Index evidence pack: what each
 * file is, how an appraisal team checks it (the verifier page, `npm run verify`), what the checks
 * prove and what they do not, and the state of every month of the period — a month without a
 * checkpoint is named as such, never silently missing.
 */
import { formatDate, formatMonth, formatNumber, formatPercent } from '@hailong/domain';
import type { Checkpoint } from './evidence.schemas.ts';

export const GUIDE_FILE = 'HUONG-DAN-KIEM-CHUNG.txt';

/** One month of the period: its latest checkpoint, or none yet. */
export interface GuideMonth {
  month: string;
  checkpoint: Checkpoint | null;
  /** Every version signed, oldest first (a correction is a new version). */
  versions: number;
}

export interface GuideView {
  unitName: string;
  periodLabel: string;
  /** Generated at, epoch ms. */
  madeAt: number;
  months: readonly GuideMonth[];
  reportFiles: readonly string[];
  /** The verifier page's address, absolute when the server knows its origin. */
  verifyUrl: string;
  keysUrl: string;
}

const rate = (c: Checkpoint) =>
  c.counted === 0 ? 'chưa có phiếu được tính' : formatPercent(c.satisfied / c.counted, 'vi', 1);

function monthLine({ month, checkpoint, versions }: GuideMonth): string {
  if (!checkpoint) {
    return `- Tháng ${formatMonth(month)}: CHƯA CHỐT SỐ LIỆU — không có tệp dữ liệu của tháng này trong hồ sơ (tháng chưa khóa sổ, hoặc máy chủ chưa ký điểm chốt).`;
  }
  const correction =
    versions > 1
      ? ` Đã điều chỉnh ${versions - 1} lần; lý do lần gần nhất: ${checkpoint.reason ?? '(không ghi)'}.`
      : '';
  return (
    `- Tháng ${formatMonth(month)}: đã chốt ngày ${formatDate(checkpoint.signedAt)}, ` +
    `${formatNumber(checkpoint.size)} bản ghi, ${formatNumber(checkpoint.counted)} phiếu được tính, ` +
    `${formatNumber(checkpoint.satisfied)} phiếu hài lòng (${rate(checkpoint)}). ` +
    `Tệp: du-lieu/${month}.json và du-lieu/${month}.csv. Gốc Merkle: ${checkpoint.root}.${correction}`
  );
}

/** The guide's text (CRLF line ends: it is opened with Notepad as often as with anything else). */
export function evidenceGuide(view: GuideView): string {
  const signed = view.months.filter((m) => m.checkpoint);
  const lines = [
    'HƯỚNG DẪN KIỂM CHỨNG',
    `Hồ sơ kiểm chứng số liệu đánh giá mức độ hài lòng (Chỉ số PAR Index)`,
    `Đơn vị: ${view.unitName}`,
    `Kỳ: ${view.periodLabel}`,
    `Lập ngày: ${formatDate(view.madeAt)}`,
    '',
    '1. CÁC THÁNG CỦA KỲ',
    ...view.months.map(monthLine),
    signed.length === view.months.length
      ? 'Tất cả các tháng của kỳ đã được chốt số liệu.'
      : `Có ${view.months.length - signed.length} tháng chưa chốt số liệu: số liệu các tháng đó trong báo cáo có thể còn thay đổi và chưa kiểm chứng được.`,
    '',
    '2. CÁC TỆP TRONG HỒ SƠ',
    ...view.reportFiles.map(
      (f) => `- ${f}: báo cáo định kỳ của đơn vị cho kỳ này (bản DOCX để chỉnh sửa, ký; bản PDF).`,
    ),
    '- du-lieu/THÁNG.json: bộ dữ liệu công khai của tháng đúng như đã ký: mỗi phiếu một dòng (mã băm, ngày, lĩnh vực, mức đánh giá, thang, kênh, có được tính hay không và lý do), kèm điểm chốt và khóa công khai. Không có nội dung góp ý, mã hồ sơ, tên cán bộ hay thiết bị.',
    '- du-lieu/THÁNG.csv: cùng các dòng đó dạng bảng tính (mở bằng Excel, LibreOffice).',
    '- diem-chot.json: mọi điểm chốt đã ký của đơn vị trong kỳ, cả các lần điều chỉnh (mỗi lần điều chỉnh là một điểm chốt mới, ghi rõ điểm chốt trước và lý do).',
    '- khoa-cong-khai.json: các khóa công khai Ed25519 của máy chủ dùng để ký điểm chốt.',
    '- khoa-may-tinh-bang.json: các máy tính bảng của đơn vị, thời gian đăng ký, thu hồi và khóa công khai (ECDSA P-256) mỗi máy dùng để ký từng phiếu; máy không có khóa (đăng ký trước khi có chữ ký số) ghi là null: phiếu của máy đó không có chữ ký.',
    '',
    '3. CÁCH KIỂM CHỨNG',
    `a) Trên trình duyệt: mở ${view.verifyUrl}, chọn tệp du-lieu/THÁNG.json. Trang tự tính lại số phiếu, tỷ lệ hài lòng, gốc Merkle và kiểm tra chữ ký số của máy chủ ngay trên máy của người kiểm tra; từng mục ghi rõ "khớp" hay "không khớp".`,
    'b) Bằng dòng lệnh (mã nguồn hailong, Node.js): npm run verify -- du-lieu/THÁNG.json --server ĐỊA-CHỈ-MÁY-CHỦ. Kết quả cuối là "bộ dữ liệu khớp với điểm chốt đã ký" hoặc "KHÔNG KHỚP".',
    `c) So khóa công khai trong khoa-cong-khai.json với khóa máy chủ đang công bố tại ${view.keysUrl}, và so gốc Merkle của từng tháng với gốc đã công khai trên trang công khai của đơn vị.`,
    'd) Người dân giữ mã kiểm chứng (mã QR trên màn hình cảm ơn) có thể tự kiểm tra phiếu của mình có trong số liệu đã công bố.',
    '',
    '4. KIỂM CHỨNG CHỨNG MINH ĐIỀU GÌ',
    '- Số phiếu, số phiếu theo từng mức và tỷ lệ hài lòng của tháng được tính lại đúng từ các dòng dữ liệu.',
    '- Không dòng nào bị sửa, thêm hay bớt sau khi máy chủ ký điểm chốt: sửa, thêm hoặc bớt một dòng làm gốc Merkle khác đi.',
    '- Điểm chốt do máy chủ ký bằng khóa đã công bố và không bị sửa sau đó.',
    '',
    '5. KIỂM CHỨNG KHÔNG CHỨNG MINH ĐIỀU GÌ',
    '- Không chứng minh người bấm đánh giá là người dân chứ không phải cán bộ: việc này do các dấu hiệu bất thường (ngoài giờ làm việc, nhiều phiếu hơn số hồ sơ trả, chuỗi phiếu rất hài lòng liên tiếp...) giúp phát hiện.',
    '- Không chứng minh số liệu trước khi ký là đúng: điểm chốt chỉ bảo đảm số liệu không bị thay đổi sau khi ký. Một máy tính bảng bị chiếm quyền vẫn có thể ký phiếu sai.',
    '- Người đọc được cơ sở dữ liệu của máy chủ có thể ký bằng khóa của máy chủ: vì vậy cần lưu lại bản sao các điểm chốt đã công bố (như hồ sơ này) để đối chiếu về sau.',
    '',
  ];
  return lines.join('\r\n');
}
