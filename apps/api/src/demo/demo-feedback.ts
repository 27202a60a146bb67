/**
 * What the demo's phản ánh, kiến nghị say and how each one is handled: texts that fit their kind
 * (a complaint about how a dossier was handled, or a proposal to change a rule or the service),
 * sometimes with the citizen's consented contact, and a plan of the steps staff take and when.
 * Steps planned after "now" have not happened yet, so a demo started on any day shows items in
 * every state: new, due soon, overdue, answered by phone, published, forwarded, closed.
 */
import type { AnswerChannel } from '@hailong/contracts';
import type { FeedbackKind, Random } from '@hailong/domain';

const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;

/** "Đăng ký kinh doanh" → "đăng ký kinh doanh", to sit inside a sentence. */
const inSentence = (sector: string) => sector.charAt(0).toLowerCase() + sector.slice(1);

/** What the citizen wrote, and what the unit answered once it had looked into it. */
interface DemoText {
  say: (sector: string) => string;
  answer: string;
}

const PHAN_ANH: readonly DemoText[] = [
  {
    say: (s) =>
      `Tôi nộp hồ sơ ${inSentence(s)} từ đầu tháng, giấy hẹn ghi trả kết quả sau 10 ngày nhưng đến nay vẫn chưa có và không ai báo lý do chậm.`,
    answer:
      'Đơn vị đã kiểm tra: hồ sơ chậm do phải xác minh thông tin với cơ quan liên quan. Kết quả đã có tại bộ phận trả kết quả. Đơn vị xin lỗi Ông/Bà vì sự chậm trễ và đã yêu cầu bộ phận một cửa thông báo lý do khi hồ sơ trễ hẹn.',
  },
  {
    say: (s) =>
      `Hồ sơ ${inSentence(s)} của tôi bị yêu cầu bổ sung đến lần thứ ba, mỗi lần một loại giấy tờ khác nhau. Đề nghị hướng dẫn đầy đủ một lần.`,
    answer:
      'Đơn vị đã rà soát: việc yêu cầu bổ sung nhiều lần là chưa đúng quy định. Cán bộ tiếp nhận đã được nhắc nhở; danh mục giấy tờ của thủ tục đã được niêm yết lại đầy đủ tại quầy.',
  },
  {
    say: () =>
      'Sáng nay tôi chờ ở quầy tiếp nhận gần hai tiếng, trong khi chỉ có một quầy làm việc. Đề nghị bố trí thêm cán bộ vào giờ cao điểm.',
    answer:
      'Từ tuần này đơn vị bố trí thêm một quầy tiếp nhận vào buổi sáng thứ Hai và thứ Sáu, là những buổi đông người nhất. Cảm ơn Ông/Bà đã phản ánh.',
  },
  {
    say: () =>
      'Cán bộ tiếp nhận trả lời cộc lốc, không giải thích vì sao hồ sơ chưa đủ điều kiện, khiến tôi phải về rồi quay lại hỏi lần nữa.',
    answer:
      'Đơn vị đã làm việc với cán bộ liên quan và yêu cầu rút kinh nghiệm về thái độ phục vụ. Đơn vị xin lỗi Ông/Bà.',
  },
  {
    say: (s) =>
      `Tôi được yêu cầu nộp bản sao có chứng thực giấy tờ đã có trên hệ thống dữ liệu dân cư khi làm thủ tục ${inSentence(s)}. Việc này có đúng quy định không?`,
    answer:
      'Theo quy định, giấy tờ đã có trong cơ sở dữ liệu quốc gia về dân cư thì không phải nộp bản sao. Đơn vị đã hướng dẫn lại cán bộ tiếp nhận. Cảm ơn Ông/Bà đã phản ánh.',
  },
  {
    say: () =>
      'Máy lấy số thứ tự bị hỏng cả buổi sáng, người dân phải tự xếp hàng, nhiều người chen ngang mà không có ai hướng dẫn.',
    answer:
      'Máy lấy số đã được sửa ngay trong ngày. Khi thiết bị gặp sự cố, đơn vị sẽ cử cán bộ hướng dẫn thứ tự tại khu vực chờ.',
  },
  {
    say: (s) =>
      `Lệ phí thủ tục ${inSentence(s)} niêm yết tại quầy khác với số tiền cán bộ thu. Đề nghị kiểm tra và công khai rõ mức thu.`,
    answer:
      'Bảng niêm yết tại quầy là bản cũ, chưa cập nhật mức lệ phí mới; số tiền cán bộ thu là đúng quy định. Đơn vị đã thay bảng niêm yết.',
  },
  {
    say: () =>
      'Tôi gọi số điện thoại đường dây nóng trên bảng niêm yết nhiều lần trong giờ hành chính nhưng không có người nghe máy.',
    answer:
      'Đường dây nóng đã được chuyển cho bộ phận một cửa trực trong giờ hành chính. Đơn vị xin lỗi Ông/Bà vì sự bất tiện.',
  },
];

const KIEN_NGHI: readonly DemoText[] = [
  {
    say: (s) =>
      `Đề nghị cho phép nộp hồ sơ ${inSentence(s)} trực tuyến toàn trình, không phải mang bản giấy đến đối chiếu.`,
    answer:
      'Thủ tục này đã được đưa vào danh mục cung cấp dịch vụ công trực tuyến toàn trình từ quý tới. Cảm ơn Ông/Bà đã đóng góp ý kiến.',
  },
  {
    say: () =>
      'Kiến nghị bố trí thêm ghế ngồi và quạt ở khu vực chờ; người cao tuổi phải đứng chờ rất lâu.',
    answer: 'Đơn vị đã bổ sung 20 ghế ngồi và 4 quạt tại khu vực chờ. Cảm ơn Ông/Bà đã kiến nghị.',
  },
  {
    say: () =>
      'Đề nghị gửi tin nhắn báo khi hồ sơ có kết quả để người dân không phải đến hỏi nhiều lần.',
    answer:
      'Đơn vị ghi nhận kiến nghị; việc nhắn tin thông báo kết quả đang được triển khai cùng hệ thống một cửa điện tử của thành phố.',
  },
  {
    say: (s) =>
      `Đề nghị niêm yết mẫu tờ khai thủ tục ${inSentence(s)} đã điền sẵn làm ví dụ, vì nhiều người khai sai phải làm lại.`,
    answer:
      'Mẫu tờ khai điền sẵn đã được niêm yết tại quầy và đăng trên trang thông tin của đơn vị.',
  },
  {
    say: () => 'Kiến nghị mở thêm quầy tiếp nhận vào sáng thứ Bảy cho người đi làm giờ hành chính.',
    answer:
      'Kiến nghị đã được tổng hợp báo cáo Ủy ban nhân dân thành phố xem xét cùng kế hoạch làm việc sáng thứ Bảy của Trung tâm.',
  },
  {
    say: () => 'Đề nghị chấp nhận thanh toán lệ phí bằng chuyển khoản hoặc mã QR tại quầy.',
    answer: 'Từ tháng này người dân có thể nộp lệ phí bằng mã QR tại tất cả các quầy.',
  },
];

const NAMES = [
  'Nguyễn Văn Hùng',
  'Trần Thị Ngọc Lan',
  'Lê Quang Vinh',
  'Phạm Thị Hồng',
  'Hoàng Minh Tuấn',
  'Đỗ Thị Thanh Hương',
  'Bùi Văn Long',
];

export interface DemoMessage {
  content: string;
  answer: string;
}

/** What a citizen typed into the kiosk, with the answer the unit will give. */
export function demoMessage(random: Random, kind: FeedbackKind, sector: string): DemoMessage {
  const text = pick(random, kind === 'phan_anh' ? PHAN_ANH : KIEN_NGHI);
  return { content: text.say(sector), answer: text.answer };
}

/** A name and phone number, left with consent by about one citizen in three. */
export function demoContact(random: Random): { name: string; phone: string } | null {
  if (random() >= 0.35) return null;
  const digits = String(Math.floor(random() * 1e8)).padStart(8, '0');
  return { name: pick(random, NAMES), phone: `09${digits}` };
}

const FORWARD_TO = [
  'Thuế thành phố Huế',
  'Ủy ban nhân dân phường, xã nơi cư trú',
  'Công an thành phố Huế (Phòng Cảnh sát quản lý hành chính về trật tự xã hội)',
  'Văn phòng Đăng ký đất đai thành phố Huế',
];

/** How an item is handled, and how many calendar days after the previous step each step comes. */
export type DemoPlan =
  | {
      kind: 'handled';
      classifyAfter: number;
      answerAfter: number;
      /** Many answered items are never formally closed; those stay answered or published. */
      closeAfter: number | null;
    }
  | { kind: 'forwarded'; classifyAfter: number; forwardedTo: string; closeAfter: number }
  | { kind: 'duplicate'; classifyAfter: number }
  | { kind: 'not_admissible'; classifyAfter: number };

export interface DemoHandling {
  plan: DemoPlan;
  channel: AnswerChannel;
  /** Published with the answer (the lookup page as the channel), later, or never. */
  publish: 'with_answer' | 'later' | 'never';
  /** About the conduct of an official rather than the rules (handled here all the same). */
  conduct: boolean;
}

/**
 * A plan in working-day steps. About one item in five waits too long somewhere (classification
 * after the 5-day limit, or an answer after the 10-day one), as happens in a real month.
 */
export function demoHandling(random: Random): DemoHandling {
  const late = random() < 0.2;
  const classifyAfter = late ? 6 + Math.floor(random() * 3) : 1 + Math.floor(random() * 3);
  const roll = random();
  const plan: DemoPlan =
    roll < 0.76
      ? {
          kind: 'handled',
          classifyAfter,
          answerAfter: late ? 9 + Math.floor(random() * 10) : 2 + Math.floor(random() * 5),
          closeAfter: random() < 0.6 ? 3 + Math.floor(random() * 8) : null,
        }
      : roll < 0.86
        ? {
            kind: 'forwarded',
            classifyAfter,
            forwardedTo: pick(random, FORWARD_TO),
            closeAfter: 1 + Math.floor(random() * 2),
          }
        : { kind: roll < 0.93 ? 'duplicate' : 'not_admissible', classifyAfter };
  const channel = pick(random, [
    'page',
    'page',
    'page',
    'phone',
    'phone',
    'letter',
    'email',
  ] as const);
  const publish = channel === 'page' ? 'with_answer' : random() < 0.3 ? 'later' : 'never';
  return { plan, channel, publish, conduct: random() < 0.15 };
}
