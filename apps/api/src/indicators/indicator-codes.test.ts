import { describe, expect, it } from 'vitest';
import { indicatorsOf, measuredTt01, type IndicatorInput } from './indicator-codes.ts';

const input: IndicatorInput = {
  totals: {
    total: 40,
    satisfied: 38,
    target: 0.9,
    verdict: 'met',
    sectorsJudged: 2,
    sectorsMet: 1,
  },
  sectors: [{ sectorCode: 'ho-tich', sectorName: 'Hộ tịch', total: 30, satisfied: 29 }],
  feedback: {
    received: 5,
    answered: 3,
    answeredOnTime: 2,
    overdueOpen: 1,
    accepted: 1,
    notAccepted: 1,
  },
  tt01: [{ indicator: 4, points: 1.5, n: 12 }],
};

describe('indicator codes', () => {
  it('gives each figure its code, numerator and denominator, and TT 01 only where measured', () => {
    const codes = new Map(indicatorsOf(input).map((i) => [i.code, i]));
    expect(codes.get('HL.TYLE_CHUNG')).toMatchObject({
      value: 0.95,
      numerator: 38,
      denominator: 40,
    });
    expect(codes.get('HL.TYLE_CHUNG')!.display).toBe('95%');
    expect(codes.get('HL.KETQUA')).toMatchObject({ value: 'met', display: 'Đạt' });
    expect(codes.get('HL.TYLE_LINHVUC.ho-tich')).toMatchObject({ numerator: 29, denominator: 30 });
    expect(codes.get('HL.PA_DUNGHAN')).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });
    expect(codes.get('TT01.CS4')).toMatchObject({ unit: 'points', value: 1.5, sample: 12 });
    expect([...codes.keys()].filter((c) => c.startsWith('TT01.'))).toEqual(['TT01.CS4']);
  });

  it('leaves a share without a denominator empty, and a node without ratings without a verdict', () => {
    const none = indicatorsOf({
      ...input,
      totals: { ...input.totals, total: 0, satisfied: 0, verdict: 'too-few' },
    });
    const codes = new Map(none.map((i) => [i.code, i]));
    expect(codes.get('HL.TYLE_CHUNG')).toMatchObject({ value: null, display: '' });
    expect(codes.get('HL.KETQUA')!.value).toBeNull();
  });

  it("says the one verdict rule's verdict, and none where no overall target is set", () => {
    const with_ = (verdict: IndicatorInput['totals']['verdict']) =>
      new Map(
        indicatorsOf({ ...input, totals: { ...input.totals, verdict } }).map((i) => [i.code, i]),
      ).get('HL.KETQUA');
    expect(with_('not-significant')).toMatchObject({
      value: 'not_significant',
      display: 'Chưa khác biệt có ý nghĩa so với chỉ tiêu',
    });
    expect(with_('too-few')).toMatchObject({
      value: 'too_few',
      display: 'Chưa đủ phiếu để đánh giá',
    });
    expect(with_(null)).toMatchObject({ value: null, display: '' });
  });

  it("takes the TT 01 indicators the node's pooled row measured, in order", () => {
    const pooled = {
      indicators: [
        { indicator: 8, points: 1, n: 11 },
        { indicator: 3, points: 1.75, n: 40 },
        { indicator: 5, points: null, n: 0 },
      ],
    };
    expect(measuredTt01(pooled)).toEqual([
      { indicator: 3, points: 1.75, n: 40 },
      { indicator: 8, points: 1, n: 11 },
    ]);
    expect(measuredTt01(null)).toEqual([]);
  });
});
