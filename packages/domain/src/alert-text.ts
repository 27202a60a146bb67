/**
 * What an alert says, in Vietnamese or English, from the facts stored with it (names are stored
 * when it is raised, so a mail and the console read the same sentence). Pure: no lookups.
 */
import type { AlertKind } from './alert-settings.ts';
import { oneLine } from './storable-text.ts';
import { formatDateTime, formatPercent, type Locale } from './vi-format.ts';
import { formatIsoDate } from './working-days.ts';

export interface AlertTextInput {
  kind: AlertKind;
  facts: Record<string, string | number>;
}

// Names (unit, lĩnh vực, quầy, tablet) were stored with the alert; one saved over several lines
// before names had to be one line must not split the sentence, nor the mail header it goes into.
const str = (v: string | number | undefined) => (v === undefined ? '' : oneLine(String(v)));
const num = (v: string | number | undefined) => Number(v ?? 0);

/** One sentence naming the unit and what happened. */
export function alertText({ kind, facts: f }: AlertTextInput, locale: Locale = 'vi'): string {
  const unit = str(f.unitName);
  const vi = locale === 'vi';
  switch (kind) {
    case 'rate_below_target': {
      const rate = formatPercent(num(f.rateBp) / 10_000, locale);
      const target = formatPercent(num(f.targetBp) / 10_000, locale);
      const month = str(f.month).split('-').reverse().join('/');
      return vi
        ? `${unit} – lĩnh vực ${str(f.sectorName)}: tỷ lệ hài lòng tháng ${month} là ${rate} (${num(f.satisfied)}/${num(f.total)}), dưới chỉ tiêu ${target}.`
        : `${unit} – ${str(f.sectorName)}: satisfaction in ${month} is ${rate} (${num(f.satisfied)}/${num(f.total)}), below the ${target} target.`;
    }
    case 'unsatisfied_burst': {
      const from = formatDateTime(num(f.from));
      const to = formatDateTime(num(f.to)).slice(-5);
      return vi
        ? `${unit} – ${str(f.counterName)}: ${num(f.count)} đánh giá chưa hài lòng trong khoảng ${from}–${to}.`
        : `${unit} – ${str(f.counterName)}: ${num(f.count)} unhappy ratings between ${from} and ${to}.`;
    }
    case 'feedback_due': {
      const due = formatIsoDate(str(f.dueDate));
      if (f.stage === 'overdue')
        return vi
          ? `${unit}: phản ánh, kiến nghị ${str(f.trackingCode)} đã quá hạn (hạn ${due}).`
          : `${unit}: feedback ${str(f.trackingCode)} is overdue (due ${due}).`;
      return vi
        ? `${unit}: phản ánh, kiến nghị ${str(f.trackingCode)} sắp đến hạn (hạn ${due}).`
        : `${unit}: feedback ${str(f.trackingCode)} is due soon (due ${due}).`;
    }
    case 'device_silent':
      if (f.problem === 'chain')
        return vi
          ? `${unit} – máy ${str(f.label)}: ${num(f.flags)} cảnh báo toàn vẹn chuỗi bản ghi (bản ghi bị sửa, chèn, mất hoặc sai chữ ký số); xem trang Thiết bị và Kiểm tra tính xác thực.`
          : `${unit} – tablet ${str(f.label)}: ${num(f.flags)} record-chain integrity flags (a record altered, inserted, missing or badly signed).`;
      if (f.problem === 'gap')
        return vi
          ? `${unit} – máy ${str(f.label)}: thiếu ${num(f.missing)} bản ghi chưa gửi về máy chủ.`
          : `${unit} – tablet ${str(f.label)}: ${num(f.missing)} records missing.`;
      return vi
        ? `${unit} – máy ${str(f.label)}: không đồng bộ từ ${formatDateTime(num(f.lastContactAt))}.`
        : `${unit} – tablet ${str(f.label)}: no sync since ${formatDateTime(num(f.lastContactAt))}.`;
    case 'answer_not_accepted':
      return vi
        ? `${unit}: người dân chưa chấp nhận câu trả lời phản ánh ${str(f.trackingCode)}.`
        : `${unit}: the citizen did not accept the answer to ${str(f.trackingCode)}.`;
  }
}
