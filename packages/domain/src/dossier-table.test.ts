import { describe, expect, it } from 'vitest';
import { readDossierDate, readDossierTable } from './dossier-table.ts';

describe('dossier exports', () => {
  it('reads the dates one-stop systems write, and refuses impossible ones', () => {
    expect(readDossierDate('05/11/2026')).toBe('2026-11-05');
    expect(readDossierDate('5/11/2026 14:30')).toBe('2026-11-05');
    expect(readDossierDate('2026-11-05')).toBe('2026-11-05');
    expect(readDossierDate('2026-11-05T00:00:00.000Z')).toBe('2026-11-05');
    expect(readDossierDate('31/02/2026')).toBeUndefined();
    expect(readDossierDate('11/2026')).toBeUndefined();
  });

  it('finds the header in any order and spelling, and names the line and column of each bad row', () => {
    const { rows, issues } = readDossierTable([
      { line: 1, cells: ['Danh sách hồ sơ tháng 11'] },
      { line: 2, cells: ['NGAY HEN TRA', 'ma ho so', 'Đơn vị', 'Ngày tiếp nhận', 'Trực tuyến'] },
      { line: 3, cells: ['20/11/2026', ' h56 - 0001 ', 'so-tp', '10/11/2026', 'Có'] },
      { line: 4, cells: ['20/11/2026', 'H56-0002', 'so-tp', '21/11/2026', 'không'] },
      { line: 5, cells: ['', '', '', '', ''] },
      { line: 6, cells: ['20/11/2026', 'H56-0001', 'so-tp', '10/11/2026', 'có lẽ'] },
    ]);
    expect(rows).toEqual([
      expect.objectContaining({ line: 3, code: 'H56-0001', online: true, returnedDate: null }),
    ]);
    expect(issues.map((i) => [i.line, i.column])).toEqual([
      [4, 'Ngày hẹn trả'],
      [6, 'Mã hồ sơ'],
      [6, 'Trực tuyến'],
    ]);
  });

  it('says which required column is missing', () => {
    const { issues } = readDossierTable([{ line: 1, cells: ['Mã hồ sơ', 'Ngày hẹn trả'] }]);
    expect(issues[0]!.message).toBe('Thiếu cột: Đơn vị, Ngày tiếp nhận.');
  });
});
