import { describe, expect, it } from 'vitest';
import { alertText } from './alert-text.ts';

const unitName = 'UBND phường Trung Tâm';

describe('what an alert says', () => {
  it('writes rates as 91,5% and months as mm/yyyy in Vietnamese, 91.5% in English', () => {
    const alert = {
      kind: 'rate_below_target' as const,
      facts: {
        unitName,
        sectorName: 'Hộ tịch',
        month: '2026-11',
        rateBp: 8750,
        targetBp: 9150,
        satisfied: 35,
        total: 40,
      },
    };
    expect(alertText(alert)).toBe(
      'UBND phường Trung Tâm – lĩnh vực Hộ tịch: tỷ lệ hài lòng tháng 11/2026 là 87,5% (35/40), dưới chỉ tiêu 91,5%.',
    );
    expect(alertText(alert, 'en')).toContain('87.5% (35/40), below the 91.5% target');
  });

  it('writes times as dd/mm/yyyy HH:mm in Việt Nam and due dates as dd/mm/yyyy', () => {
    // 02:05 UTC is 09:05 in Hà Nội.
    const from = Date.UTC(2026, 10, 23, 2, 5);
    expect(
      alertText({
        kind: 'unsatisfied_burst',
        facts: { unitName, counterName: 'Quầy số 1', count: 3, from, to: from + 40 * 60_000 },
      }),
    ).toBe(
      'UBND phường Trung Tâm – Quầy số 1: 3 đánh giá chưa hài lòng trong khoảng 23/11/2026 09:05–09:45.',
    );
    expect(
      alertText({
        kind: 'feedback_due',
        facts: { unitName, trackingCode: 'AB12-CD34', dueDate: '2026-11-30', stage: 'overdue' },
      }),
    ).toBe('UBND phường Trung Tâm: phản ánh, kiến nghị AB12-CD34 đã quá hạn (hạn 30/11/2026).');
    expect(
      alertText({
        kind: 'device_silent',
        facts: { unitName, label: 'Quầy 2', problem: 'gap', missing: 4 },
      }),
    ).toBe('UBND phường Trung Tâm – máy Quầy 2: thiếu 4 bản ghi chưa gửi về máy chủ.');
    expect(
      alertText({
        kind: 'device_silent',
        facts: { unitName, label: 'Quầy 2', problem: 'chain', flags: 2 },
      }),
    ).toMatch(/^UBND phường Trung Tâm – máy Quầy 2: 2 cảnh báo toàn vẹn chuỗi bản ghi/);
  });
});
