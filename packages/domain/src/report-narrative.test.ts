import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from './periods.ts';
import {
  exclusionsSentence,
  feedbackSentence,
  formatDateLine,
  nameInSentence,
  overallSentence,
  rateVerdict,
  reportNarrative,
  reportPeriod,
  reportRate,
  reportSummaryLine,
  sectorsSentence,
  trendSentence,
  tt01Sentence,
  unitsSentence,
  type NarrativeFigures,
  type ReportRankedRow,
} from './report-narrative.ts';

const row = (name: string, satisfied: number, total: number, targetBp = 9100) => ({
  name,
  ...reportRate(satisfied, total, targetBp, 30),
});

describe('rateVerdict', () => {
  it.each([
    // 95,2% of 12.345: the interval (94,8–95,6%) is above 91%.
    [11_752, 12_345, 9100, 'met'],
    // 85% of 2.000: the interval is below 91%.
    [1_700, 2_000, 9100, 'not-met'],
    // 95% of 40: the interval (83–99%) holds 91%.
    [38, 40, 9100, 'not-significant'],
    // 88% of 50: below the target, but the interval (76–94%) holds it.
    [44, 50, 9100, 'not-significant'],
    [29, 29, 9100, 'too-few'],
    [0, 0, 9100, 'too-few'],
    // Exactly on the target is never a verdict of its own.
    [910, 1000, 9100, 'not-significant'],
  ] as const)('%i of %i against %i bp: %s', (satisfied, total, targetBp, verdict) => {
    expect(rateVerdict(satisfied, total, targetBp, 30)).toBe(verdict);
  });

  it('never judges fewer answers than the minimum, whatever the rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 29 }),
        fc.nat(),
        fc.integer({ min: 0, max: 10_000 }),
        (total, s, bp) => {
          expect(rateVerdict(s % (total + 1), total, bp, 30)).toBe('too-few');
        },
      ),
    );
  });

  it('says met only above the target, not met only below, and holds the target otherwise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 10_000 }),
        (total, share, bp) => {
          const satisfied = Math.round(share * total);
          const r = reportRate(satisfied, total, bp, 30);
          if (r.verdict === 'met') expect(satisfied * 10_000).toBeGreaterThan(bp * total);
          if (r.verdict === 'not-met') expect(satisfied * 10_000).toBeLessThan(bp * total);
          if (r.verdict === 'not-significant') {
            expect(r.interval!.low).toBeLessThanOrEqual(bp / 10_000);
            expect(r.interval!.high).toBeGreaterThanOrEqual(bp / 10_000);
          }
        },
      ),
    );
  });
});

describe('the words of the period and the date', () => {
  it.each([
    ['2026-10', 'Tháng 10 năm 2026', '2026-10-01', '2026-10-31'],
    ['2026-Q4', 'Quý IV năm 2026', '2026-10-01', '2026-12-31'],
    ['2028-Q1', 'Quý I năm 2028', '2028-01-01', '2028-03-31'],
    ['2026-H1', '6 tháng đầu năm 2026', '2026-01-01', '2026-06-30'],
    ['2026-H2', '6 tháng cuối năm 2026', '2026-07-01', '2026-12-31'],
    ['2026-9M', '9 tháng năm 2026', '2026-01-01', '2026-09-30'],
    ['2028', 'Năm 2028', '2028-01-01', '2028-12-31'],
  ])('%s is "%s", %s to %s', (id, label, from, to) => {
    expect(reportPeriod(parsePeriod(id)!)).toMatchObject({ label, from, to });
  });

  it('pads days below 10 and the months 1 and 2, as NĐ 30/2020 Phụ lục I says', () => {
    expect(formatDateLine('Huế', '2026-12-07')).toBe('Huế, ngày 07 tháng 12 năm 2026');
    expect(formatDateLine('Huế', '2027-01-15')).toBe('Huế, ngày 15 tháng 01 năm 2027');
    expect(formatDateLine('Huế', '2027-02-03')).toBe('Huế, ngày 03 tháng 02 năm 2027');
    expect(formatDateLine('Hà Nội', '2020-03-05')).toBe('Hà Nội, ngày 05 tháng 3 năm 2020');
  });

  it('names the period in the summary line in lower case', () => {
    expect(reportSummaryLine('Quý IV năm 2026')).toBe(
      'Kết quả khảo sát, đánh giá sự hài lòng của tổ chức, cá nhân đối với việc giải quyết thủ tục hành chính quý IV năm 2026',
    );
  });

  it('writes a level of government in lower case mid-sentence, never a body’s proper name', () => {
    expect(nameInSentence('Tỉnh Thừa Thiên Huế')).toBe('tỉnh Thừa Thiên Huế');
    expect(nameInSentence('Thị xã Hương Thủy')).toBe('thị xã Hương Thủy');
    expect(nameInSentence('Phường Bắc Sơn')).toBe('phường Bắc Sơn');
    for (const name of [
      'UBND xã An Bình',
      'Trung tâm Phục vụ hành chính công',
      'Sở Tư pháp',
      'Xã',
    ]) {
      expect(nameInSentence(name)).toBe(name);
    }
  });
});

describe('overallSentence', () => {
  it('says a met target with the rate, the counts and the interval, Vietnamese style', () => {
    expect(overallSentence(reportRate(11_752, 12_345, 9100, 30), 30)).toBe(
      'Tỷ lệ hài lòng chung đạt 95,2% (11.752/12.345 phiếu hài lòng; khoảng tin cậy 95%: 94,8% – 95,6%), vượt chỉ tiêu 91%.',
    );
  });

  it('says how far below a missed target the rate is', () => {
    expect(overallSentence(reportRate(1_700, 2_000, 9150, 30), 30)).toBe(
      'Tỷ lệ hài lòng chung đạt 85% (1.700/2.000 phiếu hài lòng; khoảng tin cậy 95%: 83,4% – 86,5%), chưa đạt chỉ tiêu 91,5% (thấp hơn 6,5 điểm phần trăm).',
    );
  });

  it('says when the interval holds the target, on either side', () => {
    expect(overallSentence(reportRate(38, 40, 9100, 30), 30)).toMatch(
      /đạt 95%.*cao hơn chỉ tiêu 91% nhưng chưa khác biệt có ý nghĩa so với chỉ tiêu\.$/,
    );
    expect(overallSentence(reportRate(44, 50, 9100, 30), 30)).toMatch(
      /đạt 88%.*thấp hơn chỉ tiêu 91% nhưng chưa khác biệt có ý nghĩa so với chỉ tiêu\.$/,
    );
  });

  it('says too few, never "chưa đạt", below the minimum', () => {
    expect(overallSentence(reportRate(17, 18, 9100, 30), 30)).toBe(
      'Có 18 phiếu được tính vào tỷ lệ hài lòng, dưới mức tối thiểu 30 phiếu; tỷ lệ hài lòng tạm tính 94,4%. Chưa đủ phiếu để đánh giá so với chỉ tiêu 91%.',
    );
    expect(overallSentence(reportRate(0, 0, 9100, 30), 30)).toBe(
      'Chưa có phiếu nào được tính vào tỷ lệ hài lòng. Chưa đủ phiếu để đánh giá so với chỉ tiêu 91%.',
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 29 }), fc.nat(), (total, s) => {
        const text = overallSentence(reportRate(s % (total + 1), total, 9100, 30), 30);
        expect(text).toContain('Chưa đủ phiếu để đánh giá');
        expect(text.toLowerCase()).not.toContain('chưa đạt');
      }),
    );
  });

  it('writes every number with Vietnamese separators', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 2_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, share) => {
          const text = overallSentence(reportRate(Math.round(share * total), total, 9100, 30), 30);
          // No English decimal point before a percent, no English thousands comma.
          expect(text).not.toMatch(/\d\.\d+%/);
          expect(text).not.toMatch(/\d,\d{3}\b(?!%)/);
        },
      ),
    );
  });
});

describe('trendSentence', () => {
  it('lists up to six months and the change from the first to the last', () => {
    expect(
      trendSentence(
        [
          { month: '2026-10', rate: 0.941, total: 4100 },
          { month: '2026-11', rate: 0.95, total: 4050 },
          { month: '2026-12', rate: 0.963, total: 4195 },
        ],
        30,
      ),
    ).toBe(
      'Theo từng tháng: tháng 10/2026 đạt 94,1% (4.100 phiếu); tháng 11/2026 đạt 95% (4.050 phiếu); tháng 12/2026 đạt 96,3% (4.195 phiếu). So với tháng 10/2026, tháng 12/2026 tăng 2,2 điểm phần trăm.',
    );
  });

  it('does not judge a month with too few answers nor compare against it', () => {
    const text = trendSentence(
      [
        { month: '2026-01', rate: 1, total: 12 },
        { month: '2026-02', rate: null, total: 0 },
        { month: '2026-03', rate: 0.9, total: 300 },
      ],
      30,
    );
    expect(text).toBe(
      'Theo từng tháng: tháng 01/2026 có 12 phiếu, chưa đủ phiếu để đánh giá; tháng 02/2026 chưa có phiếu; tháng 03/2026 đạt 90% (300 phiếu).',
    );
  });

  it('gives the range of a long period rather than twelve months', () => {
    const months = Array.from({ length: 12 }, (_, i) => ({
      month: `2026-${String(i + 1).padStart(2, '0')}`,
      rate: 0.9 + i / 200,
      total: 1000,
    }));
    expect(trendSentence(months, 30)).toBe(
      'Theo từng tháng, tỷ lệ hài lòng dao động từ 90% (tháng 01/2026) đến 95,5% (tháng 12/2026). So với tháng 01/2026, tháng 12/2026 tăng 5,5 điểm phần trăm.',
    );
    expect(trendSentence([], 30)).toBeNull();
  });
});

describe('sectorsSentence and unitsSentence', () => {
  it('counts the sectors by verdict and names those that missed, with their rate and target', () => {
    const text = sectorsSentence([
      row('Hộ tịch', 960, 1000),
      row('Đất đai', 850, 1000),
      row('Tư pháp', 38, 40),
      row('Du lịch', 10, 12),
    ]);
    expect(text).toBe(
      'Trong 4 lĩnh vực: 1 lĩnh vực đạt chỉ tiêu; 1 lĩnh vực chưa đạt chỉ tiêu (Đất đai 85%, chỉ tiêu 91%); 1 lĩnh vực chưa khác biệt có ý nghĩa so với chỉ tiêu (Tư pháp); 1 lĩnh vực chưa đủ phiếu để đánh giá (Du lịch).',
    );
    expect(sectorsSentence([])).toBeNull();
  });

  it('names tied leaders and the last, the units that missed and those too few to rank', () => {
    const units: ReportRankedRow[] = [
      { ...row('Phường An Cựu', 980, 1000), rank: 1 },
      { ...row('Phường Vỹ Dạ', 490, 500), rank: 1 },
      { ...row('Phường Thuận Hòa', 950, 1000), rank: 3 },
      { ...row('Xã Hương Phong', 800, 1000), rank: 4 },
      { ...row('Xã Phú Mậu', 11, 12), rank: null },
    ];
    expect(unitsSentence(units)).toBe(
      'Xếp hạng 5 đơn vị theo tỷ lệ hài lòng: đồng hạng nhất là Phường An Cựu, Phường Vỹ Dạ (98%); thấp nhất là Xã Hương Phong (80%). Có 1 đơn vị chưa đạt chỉ tiêu: Xã Hương Phong. Có 1 đơn vị chưa đủ phiếu để xếp hạng: Xã Phú Mậu.',
    );
  });
});

describe('the other paragraphs', () => {
  it('phản ánh: received, on time with its share, overdue, and the citizens’ verdicts', () => {
    expect(
      feedbackSentence({
        received: 1250,
        answeredOnTime: 1100,
        overdue: 5,
        accepted: 900,
        notAccepted: 7,
      }),
    ).toBe(
      'Tiếp nhận 1.250 phản ánh, kiến nghị; trả lời đúng hạn 1.100 (88%), quá hạn 5. Người dân chấp nhận 900 câu trả lời, không chấp nhận 7 câu trả lời.',
    );
    expect(
      feedbackSentence({ received: 0, answeredOnTime: 0, overdue: 0, accepted: 0, notAccepted: 0 }),
    ).toBe('Trong kỳ không tiếp nhận phản ánh, kiến nghị nào.');
  });

  it('TT 01: what was measured and its total, or nothing', () => {
    const rows = [1, 2, 3].map((indicator) => ({
      indicator,
      label: `Chỉ số ${indicator}`,
      points: indicator === 2 ? null : 1.85,
      n: 10,
    }));
    expect(tt01Sentence({ rows, total: 3.7, maxMeasured: 4, band: 'Tốt' })).toBe(
      'Theo Thông tư số 01/2018/TT-VPCP: đo được 2/3 chỉ số, tổng 3,7/4 điểm, xếp loại Tốt.',
    );
    expect(tt01Sentence(null)).toBeNull();
  });

  it('exclusions: the total and each reason', () => {
    expect(
      exclusionsSentence([
        { label: 'Nghi bấm lặp', count: 1200 },
        { label: 'Đồng hồ máy tính bảng sai lệch', count: 3 },
        { label: 'Đến sau khi chốt số liệu', count: 0 },
      ]),
    ).toBe(
      'Có 1.203 phiếu được lưu giữ nhưng không tính vào tỷ lệ hài lòng (Nghi bấm lặp: 1.200; Đồng hồ máy tính bảng sai lệch: 3).',
    );
    expect(exclusionsSentence([])).toBe('Không có phiếu nào bị loại khỏi tỷ lệ hài lòng.');
  });

  it('opens with the dates dd/mm/yyyy and closes with the period and the issuer', () => {
    const figures: NarrativeFigures = {
      nodeName: 'tỉnh Thừa Thiên Huế',
      period: reportPeriod(parsePeriod('2026-Q4')!),
      minSample: 30,
      overall: reportRate(11_752, 12_345, 9100, 30),
      sectors: [],
      units: [],
      trend: [],
      feedback: { received: 0, answeredOnTime: 0, overdue: 0, accepted: 0, notAccepted: 0 },
      tt01: null,
      exclusions: [],
    };
    const n = reportNarrative(figures, 'Trung tâm Phục vụ hành chính công');
    expect(n.opening).toBe(
      'Từ ngày 01/10/2026 đến ngày 31/12/2026, tại tỉnh Thừa Thiên Huế có 12.345 phiếu đánh giá được tính vào tỷ lệ hài lòng.',
    );
    expect(n.closing).toBe(
      'Trên đây là báo cáo kết quả khảo sát, đánh giá sự hài lòng quý IV năm 2026 của Trung tâm Phục vụ hành chính công./.',
    );
    expect([n.trend, n.sectors, n.units, n.tt01]).toEqual([null, null, null, null]);
  });
});

describe('a rate nobody set a target for', () => {
  it('is never called met or not met, and too few is still said', () => {
    const r = reportRate(950, 1000, null, 30);
    expect(r).toMatchObject({ target: null, verdict: null });
    expect(overallSentence(r, 30)).toBe(
      'Tỷ lệ hài lòng chung đạt 95% (950/1.000 phiếu hài lòng; khoảng tin cậy 95%: 93,5% – 96,2%), chưa đặt chỉ tiêu để so sánh.',
    );
    expect(overallSentence(reportRate(9, 10, null, 30), 30)).toMatch(
      /Chưa đủ phiếu để đánh giá\.$/,
    );
    expect(sectorsSentence([{ name: 'Hộ tịch', ...r }])).toBe(
      'Trong 1 lĩnh vực: 1 lĩnh vực chưa đặt chỉ tiêu (Hộ tịch).',
    );
  });
});
