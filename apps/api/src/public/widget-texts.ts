/** The widget's and the badge's words, Vietnamese first and English on request (`?lang=en`). */
import type { PublicLocale } from './texts.ts';

const vi = {
  title: (unit: string) => `Mức độ hài lòng của người dân, tổ chức với ${unit}`,
  current: (period: string) => `Tỷ lệ hài lòng ${period}`,
  met: 'Đạt chỉ tiêu',
  unmet: 'Chưa đạt chỉ tiêu',
  tooFew: 'Ít phiếu, chưa đủ để đánh giá',
  noAnswers: 'Chưa có phiếu đánh giá',
  target: (target: string) => `Chỉ tiêu ${target}`,
  answers: (count: string) => `${count} phiếu đánh giá`,
  trend: '12 tháng gần nhất',
  trendLabel: (from: string, to: string) =>
    `Tỷ lệ hài lòng từng tháng từ ${from} đến ${to}, so với chỉ tiêu (đường nét đứt)`,
  table: 'Số liệu từng tháng',
  colMonth: 'Tháng',
  colRate: 'Tỷ lệ',
  colAnswers: 'Số phiếu',
  colResult: 'Kết quả',
  resultMet: 'Đạt',
  resultUnmet: 'Chưa đạt',
  resultFew: 'Ít phiếu',
  details: 'Xem chi tiết theo lĩnh vực',
  register: 'Trả lời phản ánh, kiến nghị',
  newTab: ' (mở trong thẻ mới)',
  notFound: 'Không tìm thấy đơn vị này.',
  badgeLabel: (month: string) => `Hài lòng ${month}`,
  badgeNone: 'chưa có phiếu',
  badgeFew: 'ít phiếu',
};

export type WidgetTexts = typeof vi;

const en: WidgetTexts = {
  title: (unit) => `How satisfied citizens and organisations are with ${unit}`,
  current: (period) => `Satisfaction in ${period}`,
  met: 'Target met',
  unmet: 'Target not met',
  tooFew: 'Too few answers to judge',
  noAnswers: 'No answers yet',
  target: (target) => `Target ${target}`,
  answers: (count) => `${count} answers`,
  trend: 'Last 12 months',
  trendLabel: (from, to) =>
    `Satisfaction month by month from ${from} to ${to}, against the target (dashed line)`,
  table: 'Month by month',
  colMonth: 'Month',
  colRate: 'Rate',
  colAnswers: 'Answers',
  colResult: 'Result',
  resultMet: 'Met',
  resultUnmet: 'Not met',
  resultFew: 'Too few',
  details: 'See the figures by sector',
  register: 'Answers to feedback',
  newTab: ' (opens in a new tab)',
  notFound: 'No such unit.',
  badgeLabel: (month) => `Satisfaction ${month}`,
  badgeNone: 'no answers',
  badgeFew: 'too few',
};

export const WIDGET_TEXTS: Readonly<Record<PublicLocale, WidgetTexts>> = { vi, en };
