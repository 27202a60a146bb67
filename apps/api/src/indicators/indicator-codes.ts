/**
 * The indicators of a node for a period under their stable codes, from figures already computed
 * (the tree's counters, the register's on-time figure, the TT 01 assessment): data in, data out.
 * A code never changes meaning once published; the README's table lists every one.
 */
import {
  INDICATOR_LABELS,
  INDICATORS,
  formatNumber,
  formatPercent,
  RATE_VERDICT_TEXT,
  type Indicator as Tt01Indicator,
  type RateVerdict,
} from '@hailong/domain';
import type { Indicator, IndicatorVerdict } from '@hailong/contracts';

export interface IndicatorInput {
  totals: {
    total: number;
    satisfied: number;
    target: number | null;
    /** The one verdict rule's (rateVerdict); null without ratings or without a target. */
    verdict: RateVerdict | null;
    sectorsJudged: number;
    sectorsMet: number;
  };
  sectors: readonly { sectorCode: string; sectorName: string; total: number; satisfied: number }[];
  feedback: {
    received: number;
    answered: number;
    answeredOnTime: number;
    overdueOpen: number;
    accepted: number;
    notAccepted: number;
  };
  /** TT 01/2018 indicators measured over the node: mean points and what they are over. */
  tt01: readonly { indicator: Tt01Indicator; points: number; n: number }[];
}

/** The file's code of each verdict; its words are the verdict rule's own. */
const VERDICT_CODE: Record<RateVerdict, IndicatorVerdict> = {
  met: 'met',
  'not-met': 'not_met',
  'not-significant': 'not_significant',
  'too-few': 'too_few',
};

const none = { numerator: null, denominator: null, sample: null };

function share(
  code: string,
  name: string,
  definition: string,
  numerator: number,
  denominator: number,
): Indicator {
  const value = denominator === 0 ? null : numerator / denominator;
  return {
    code,
    name,
    definition,
    unit: 'ratio',
    value,
    display: value === null ? '' : formatPercent(value),
    numerator,
    denominator,
    sample: null,
  };
}

function count(code: string, name: string, definition: string, value: number): Indicator {
  return { code, name, definition, unit: 'count', value, display: formatNumber(value), ...none };
}

/** Every code of the file, in a stable order; TT 01 only for the indicators measured. */
export function indicatorsOf(input: IndicatorInput): Indicator[] {
  const { totals, feedback } = input;
  const verdict = totals.total === 0 ? null : totals.verdict;
  const judged = feedback.answered + feedback.overdueOpen;
  const out: Indicator[] = [
    share(
      'HL.TYLE_CHUNG',
      'Tỷ lệ hài lòng chung',
      'Số phiếu ở các mức hài lòng / tổng số phiếu hợp lệ của đơn vị và các đơn vị trực thuộc, cộng dồn các tháng trong kỳ (phiếu bấm lặp, sai giờ thiết bị, đánh giá lại, qua điện thoại chưa gắn hồ sơ, đến sau khi chốt số liệu không tính).',
      totals.satisfied,
      totals.total,
    ),
    count(
      'HL.SO_PHIEU',
      'Số phiếu đánh giá',
      'Tổng số phiếu hợp lệ tính vào tỷ lệ hài lòng trong kỳ.',
      totals.total,
    ),
    count(
      'HL.SO_PHIEU_HAILONG',
      'Số phiếu hài lòng',
      'Số phiếu ở các mức hài lòng trong kỳ.',
      totals.satisfied,
    ),
    {
      code: 'HL.CHITIEU',
      name: 'Chỉ tiêu tỷ lệ hài lòng',
      definition: 'Chỉ tiêu tỷ lệ hài lòng chung áp dụng cho đơn vị trong năm của kỳ.',
      unit: 'ratio',
      value: totals.target,
      display: totals.target === null ? '' : formatPercent(totals.target, 'vi', 2),
      ...none,
    },
    {
      code: 'HL.KETQUA',
      name: 'Kết quả so với chỉ tiêu',
      definition:
        'met: tỷ lệ hài lòng chung đạt chỉ tiêu; not_met: chưa đạt; not_significant: khoảng tin cậy 95% chứa chỉ tiêu, chưa khác biệt có ý nghĩa so với chỉ tiêu; too_few: chưa đủ số phiếu tối thiểu để đánh giá; để trống khi chưa có phiếu hoặc chưa đặt chỉ tiêu chung.',
      unit: 'verdict',
      value: verdict && VERDICT_CODE[verdict],
      display: verdict === null ? '' : RATE_VERDICT_TEXT[verdict].vi,
      ...none,
    },
    share(
      'HL.LINHVUC_DAT',
      'Tỷ lệ lĩnh vực đạt chỉ tiêu',
      'Số lĩnh vực đạt chỉ tiêu / số lĩnh vực đủ phiếu để đánh giá.',
      totals.sectorsMet,
      totals.sectorsJudged,
    ),
    ...input.sectors.map((s) =>
      share(
        `HL.TYLE_LINHVUC.${s.sectorCode}`,
        `Tỷ lệ hài lòng lĩnh vực ${s.sectorName}`,
        `Số phiếu hài lòng / tổng số phiếu hợp lệ của lĩnh vực "${s.sectorName}" (mã ${s.sectorCode}), cộng dồn các đơn vị trong phạm vi.`,
        s.satisfied,
        s.total,
      ),
    ),
    count(
      'HL.PA_TIEPNHAN',
      'Phản ánh, kiến nghị tiếp nhận',
      'Số phản ánh, kiến nghị tiếp nhận trong kỳ (không tính trùng lặp).',
      feedback.received,
    ),
    share(
      'HL.PA_DUNGHAN',
      'Tỷ lệ phản ánh, kiến nghị giải quyết đúng hạn',
      'Số phản ánh, kiến nghị tiếp nhận trong kỳ được giải quyết đúng hạn / (số đã giải quyết + số quá hạn chưa giải quyết), tính đến ngày lập.',
      feedback.answeredOnTime,
      judged,
    ),
    share(
      'HL.PA_CHAPNHAN',
      'Tỷ lệ người dân chấp nhận câu trả lời',
      'Số câu trả lời người dân chấp nhận / số câu trả lời người dân đã cho ý kiến.',
      feedback.accepted,
      feedback.accepted + feedback.notAccepted,
    ),
  ];
  for (const i of INDICATORS) {
    const measured = input.tt01.find((t) => t.indicator === i);
    if (!measured) continue;
    out.push({
      code: `TT01.CS${i}`,
      name: `Chỉ số ${i}: ${INDICATOR_LABELS[i].vi}`,
      definition: `Điểm trung bình (0–2) của chỉ số ${i} theo Thông tư 01/2018/TT-VPCP trên các phiếu, hồ sơ hoặc phản ánh của phạm vi trong kỳ.`,
      unit: 'points',
      value: measured.points,
      display: formatNumber(measured.points),
      numerator: null,
      denominator: null,
      sample: measured.n,
    });
  }
  return out;
}

/** The TT 01 indicators the node's pooled row measured (none when there is no such row). */
export function measuredTt01(
  pooled: {
    indicators: readonly { indicator: number; points: number | null; n: number }[];
  } | null,
): IndicatorInput['tt01'] {
  return INDICATORS.flatMap((indicator) => {
    const s = pooled?.indicators.find((x) => x.indicator === indicator);
    return s && s.points !== null && s.n > 0 ? [{ indicator, points: s.points, n: s.n }] : [];
  });
}
