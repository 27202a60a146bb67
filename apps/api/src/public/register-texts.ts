/** The words of the public register of answers and of the verdict form, Vietnamese first. */
import type { PublicLocale } from './texts.ts';

const vi = {
  registerLink: 'Xem các câu trả lời phản ánh, kiến nghị đã công khai',
  registerTitle: 'Kết quả trả lời phản ánh, kiến nghị',
  registerIntro:
    'Các câu trả lời đã được công khai, mới nhất trước, cho phản ánh, kiến nghị gửi qua mọi kênh: máy tính bảng tại quầy, điện thoại qua mã QR tại quầy, và những phản ánh do cán bộ nhập hộ từ phiếu giấy, thư, điện thoại, thư điện tử, đường dây nóng, Cổng Dịch vụ công hoặc khi người dân đến trực tiếp. Không hiển thị nội dung phản ánh và thông tin cá nhân của người gửi.',
  registerSearch: 'Tìm trong câu trả lời',
  registerUnit: 'Đơn vị',
  registerSector: 'Lĩnh vực',
  registerAll: 'Tất cả',
  registerSubmit: 'Tìm',
  registerEmpty: 'Không có câu trả lời nào phù hợp.',
  registerCount: (count: string) => `${count} câu trả lời`,
  registerPages: 'Chuyển trang',
  registerPrev: '← Trang trước',
  registerNext: 'Trang sau →',
  registerPage: (page: string, pages: string) => `Trang ${page}/${pages}`,
  registerFeed: 'Dữ liệu JSON cho trang web của cơ quan',
  registerBack: 'Về trang kết quả đánh giá',
  receivedOn: 'Tiếp nhận',
  answeredOn: 'Trả lời',
  verdictTitle: 'Ông/Bà có chấp nhận câu trả lời này không?',
  verdictAccept: 'Tôi chấp nhận câu trả lời',
  verdictReject: 'Tôi chưa chấp nhận câu trả lời',
  verdictReason: 'Lý do chưa chấp nhận (không bắt buộc; không ghi họ tên, số điện thoại)',
  verdictSubmit: 'Gửi ý kiến',
  verdictThanks: 'Cảm ơn Ông/Bà. Ý kiến về câu trả lời đã được ghi nhận.',
  verdictGiven: {
    accepted: 'Ông/Bà đã cho biết: chấp nhận câu trả lời.',
    not_accepted:
      'Ông/Bà đã cho biết: chưa chấp nhận câu trả lời. Cơ quan sẽ xem xét lại và liên hệ khi cần.',
  },
  verdictProblem: 'Chưa ghi nhận được ý kiến. Vui lòng chọn một trong hai ý và gửi lại.',
  verdictToken: 'Mã xác nhận',
  verdictTokenHint:
    'Mã xác nhận gồm 28 chữ và số, in dưới mã tra cứu trên biên nhận của Ông/Bà: màn hình cảm ơn của máy đánh giá (quét mã QR ở đó thì mã được điền sẵn), trang xác nhận khi gửi bằng điện thoại, hoặc do cán bộ tiếp nhận báo. Chỉ người có mã này mới gửi được ý kiến.',
  verdictTokenWrong:
    'Mã xác nhận không đúng hoặc chưa nhập. Vui lòng nhập lại mã trên biên nhận rồi gửi lại.',
  verdictByStaff: (unit: string) =>
    `Phản ánh, kiến nghị này được gửi trước khi có mã xác nhận, nên không gửi ý kiến về câu trả lời trên trang này được. Để cho biết Ông/Bà có chấp nhận câu trả lời hay không, vui lòng gọi điện hoặc đến ${unit}; cán bộ sẽ ghi nhận ý kiến của Ông/Bà.`,
};

export type RegisterTexts = typeof vi;

const en: RegisterTexts = {
  registerLink: 'See the published answers to feedback',
  registerTitle: 'Published answers to feedback',
  registerIntro:
    'Published answers, newest first, to feedback sent by every channel: the tablet at the counter, a phone through the counter’s QR code, and feedback staff entered from paper forms, letters, phone calls, e-mails, the hotline, the public-service portal or in person. The feedback itself and the sender’s personal data are never shown.',
  registerSearch: 'Search the answers',
  registerUnit: 'Unit',
  registerSector: 'Sector',
  registerAll: 'All',
  registerSubmit: 'Search',
  registerEmpty: 'No answer matches.',
  registerCount: (count) => `${count} answers`,
  registerPages: 'Pages',
  registerPrev: '← Previous page',
  registerNext: 'Next page →',
  registerPage: (page, pages) => `Page ${page} of ${pages}`,
  registerFeed: 'JSON data for the agency’s website',
  registerBack: 'Back to the satisfaction results',
  receivedOn: 'Received',
  answeredOn: 'Answered',
  verdictTitle: 'Do you accept this answer?',
  verdictAccept: 'I accept the answer',
  verdictReject: 'I do not accept the answer',
  verdictReason: 'Why not (optional; no names or phone numbers)',
  verdictSubmit: 'Send',
  verdictThanks: 'Thank you. Your view of the answer has been recorded.',
  verdictGiven: {
    accepted: 'You said you accept the answer.',
    not_accepted:
      'You said you do not accept the answer. The agency will review it and contact you if needed.',
  },
  verdictProblem: 'Your view was not recorded. Please choose one of the two and send it again.',
  verdictToken: 'Confirmation code',
  verdictTokenHint:
    'The confirmation code has 28 letters and digits, printed below the tracking code on your receipt: the kiosk’s thank-you screen (scanning its QR code fills it in), the confirmation page when you sent it from your phone, or as the staff who took it told you. Only someone with this code can send a view.',
  verdictTokenWrong:
    'The confirmation code is wrong or missing. Please type the code on your receipt and send again.',
  verdictByStaff: (unit) =>
    `This feedback was sent before confirmation codes existed, so your view of the answer cannot be sent on this page. To say whether you accept the answer, please call or visit ${unit}; staff will record your view.`,
};

export const REGISTER_TEXTS: Readonly<Record<PublicLocale, RegisterTexts>> = { vi, en };
