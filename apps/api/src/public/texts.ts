/**
 * The public page's words, Vietnamese first and English second. The page is rendered by the
 * server (no console bundle on a citizen's phone), so its texts live beside it; the register's and
 * the periods' names come from the domain like everywhere else.
 */
export type PublicLocale = 'vi' | 'en';

const vi = {
  name: 'hailong',
  tagline: 'Khảo sát mức độ hài lòng và tiếp nhận phản ánh, kiến nghị',
  skip: 'Bỏ qua, đến nội dung chính',
  otherLanguage: 'English',
  footer:
    'hailong: ghi nhận ý kiến của người dân, tổ chức về sự phục vụ của cơ quan hành chính nhà nước.',
  title: 'Kết quả đánh giá mức độ hài lòng',
  description:
    'Tỷ lệ người dân, tổ chức hài lòng với sự phục vụ của cơ quan hành chính nhà nước, và tra cứu kết quả xử lý phản ánh, kiến nghị.',
  intro: (unit: string, period: string) =>
    `Tỷ lệ người dân, tổ chức hài lòng với sự phục vụ của ${unit} trong ${period}, so với kỳ trước, theo từng lĩnh vực và từng đơn vị trực thuộc, so với chỉ tiêu.`,
  periods: 'Chọn kỳ báo cáo',
  periodField: 'Kỳ báo cáo',
  show: 'Xem',
  kinds: {
    month: 'Tháng',
    quarter: 'Quý',
    half: '6 tháng',
    'nine-months': '9 tháng',
    year: 'Năm',
  },
  previous: (period: string) => `Xem ${period}`,
  top: 'Về trang chung',
  thisPeriod: (period: string) => `trong ${period}`,
  answers: (count: string) => `${count} phiếu đánh giá`,
  answersShort: (count: string) => `${count} phiếu`,
  target: (target: string) => `chỉ tiêu ${target}`,
  lastPeriod: (period: string, figure: string) => `${period}: ${figure}`,
  noAnswers: 'chưa có phiếu',
  open: (unit: string) => `Xem các đơn vị trực thuộc ${unit}`,
  openUnit: (unit: string) => `Xem kết quả theo lĩnh vực của ${unit}`,
  sectorsOf: (unit: string, period: string) =>
    `Tỷ lệ hài lòng theo lĩnh vực của ${unit}, ${period}`,
  colSector: 'Lĩnh vực',
  colAnswers: 'Số phiếu',
  colTarget: 'Chỉ tiêu',
  colResult: 'Kết quả',
  empty: 'Chưa có đơn vị nào công bố kết quả.',
  method: (count: string) =>
    `Tỷ lệ hài lòng = số phiếu ở các mức hài lòng / tổng số phiếu hợp lệ. Lĩnh vực dưới ${count} phiếu chưa đủ để đánh giá.`,
  generated: (at: string) => `Số liệu lúc ${at}.`,
  badPeriod: 'Kỳ báo cáo không hợp lệ hoặc chưa bắt đầu; trang đang hiển thị tháng này.',
  noSuchUnit: 'Không tìm thấy đơn vị này. Mời xem trang chung.',
  lookupTitle: 'Tra cứu kết quả xử lý phản ánh, kiến nghị',
  lookupIntro:
    'Nhập mã tra cứu Ông/Bà nhận được khi gửi phản ánh, kiến nghị (ví dụ 7KQ2-M9XD), hoặc quét mã QR trên màn hình cảm ơn của máy đánh giá. Chữ hoa hay chữ thường, có hay không có dấu gạch ngang đều được.',
  lookupField: 'Mã tra cứu',
  lookupSubmit: 'Tra cứu',
  lookupInvalid: 'Mã tra cứu gồm 8 chữ và số, ví dụ 7KQ2-M9XD.',
  lookupNotFound:
    'Không tìm thấy phản ánh, kiến nghị với mã tra cứu này. Vui lòng kiểm tra lại mã.',
  lookupThrottled: 'Tra cứu quá nhiều lần. Vui lòng thử lại sau 15 phút.',
  lookupResult: (code: string) => `Kết quả tra cứu mã ${code}`,
  receivedAt: 'Ngày tiếp nhận',
  answerDue: 'Hạn trả lời',
  answeredAt: 'Ngày trả lời',
  closedAt: 'Ngày kết thúc',
  answer: 'Câu trả lời',
  noAnswerYet: 'Câu trả lời sẽ hiện ở đây khi được công khai.',
};

export type PublicTexts = typeof vi;

const en: PublicTexts = {
  name: 'hailong',
  tagline: 'Satisfaction surveys and citizen feedback',
  skip: 'Skip to main content',
  otherLanguage: 'Tiếng Việt',
  footer: 'hailong: what citizens and organisations say about the public services they receive.',
  title: 'Citizen satisfaction results',
  description:
    'How satisfied citizens and organisations are with public services, and the handling of their feedback by tracking code.',
  intro: (unit, period) =>
    `The share of citizens and organisations satisfied with the service of ${unit} in ${period}, compared with the period before, by sector and by unit beneath, against the targets.`,
  periods: 'Choose a period',
  periodField: 'Reporting period',
  show: 'Show',
  kinds: {
    month: 'Month',
    quarter: 'Quarter',
    half: 'Half-year',
    'nine-months': 'Nine months',
    year: 'Year',
  },
  previous: (period) => `See ${period}`,
  top: 'Back to the overview',
  thisPeriod: (period) => `in ${period}`,
  answers: (count) => `${count} answers`,
  answersShort: (count) => `${count} answers`,
  target: (target) => `target ${target}`,
  lastPeriod: (period, figure) => `${period}: ${figure}`,
  noAnswers: 'no answers',
  open: (unit) => `See the units beneath ${unit}`,
  openUnit: (unit) => `See ${unit} by sector`,
  sectorsOf: (unit, period) => `Satisfaction by sector of ${unit}, ${period}`,
  colSector: 'Sector',
  colAnswers: 'Answers',
  colTarget: 'Target',
  colResult: 'Result',
  empty: 'No unit publishes results yet.',
  method: (count) =>
    `Satisfaction rate = answers at the satisfied levels / all valid answers. Sectors with fewer than ${count} answers are too few to judge.`,
  generated: (at) => `Figures as of ${at}.`,
  badPeriod: 'That period is not valid or has not begun; the page shows this month.',
  noSuchUnit: 'No such unit. See the overview instead.',
  lookupTitle: 'Look up the handling of your feedback',
  lookupIntro:
    'Enter the tracking code you received when you sent your feedback (for example 7KQ2-M9XD), or scan the QR code on the kiosk’s thank-you screen. Any case, with or without the dash.',
  lookupField: 'Tracking code',
  lookupSubmit: 'Look up',
  lookupInvalid: 'A tracking code has 8 letters and digits, for example 7KQ2-M9XD.',
  lookupNotFound: 'No feedback with this tracking code. Please check the code.',
  lookupThrottled: 'Too many lookups. Please try again in 15 minutes.',
  lookupResult: (code) => `Result for ${code}`,
  receivedAt: 'Received',
  answerDue: 'Answer due',
  answeredAt: 'Answered',
  closedAt: 'Closed',
  answer: 'Answer',
  noAnswerYet: 'The answer will appear here once it is published.',
};

export const PUBLIC_TEXTS: Readonly<Record<PublicLocale, PublicTexts>> = { vi, en };
