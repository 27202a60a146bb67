/**
 * The PDF read back with poppler (pdftotext, pdfinfo, pdffonts): A4, the font embedded, every text
 * with its diacritics, every figure in table order. Its first page is rendered to
 * test-results/report-documents/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, RATE_VERDICT_LABELS } from '@hailong/domain';
import { reportPdf } from './report-pdf.ts';
import { hueQuarterReport } from './report-fixture.ts';

const SHOTS = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'test-results',
  'report-documents',
);

const dir = mkdtempSync(join(tmpdir(), 'hailong-report-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = hueQuarterReport();
const file = join(dir, 'bao-cao.pdf');
writeFileSync(file, await reportPdf(report));

const run = (tool: string, ...args: string[]) =>
  execFileSync(`/usr/bin/${tool}`, [...args], { encoding: 'utf8' });
/** The text in the order it was drawn, every run of white space one space. */
const text = run('pdftotext', '-raw', file, '-').replace(/\s+/g, ' ');
const pages = run('pdftotext', '-raw', file, '-').split('\f');

const pct = (x: number) => formatPercent(x, 'vi', 1);
const num = (x: number) => formatNumber(x, 'vi');

describe('the PDF of a periodic report', () => {
  it('is A4, with DejaVu Serif embedded so it reads the same anywhere', () => {
    const info = run('pdfinfo', file);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Title:\s+BÁO CÁO Kết quả khảo sát, đánh giá sự hài lòng/);
    const fonts = run('pdffonts', file).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font).toMatch(
        /\+DejaVuSerif(-Bold|-Italic|-BoldItalic)?\s+CID TrueType\s+Identity-H\s+yes yes yes/,
      );
    }
  });

  it('has the header, the title and the closing of NĐ 30/2020, with their diacritics', () => {
    for (const line of [
      'UBND TỈNH THỪA THIÊN HUẾ TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc',
      'Số: /BC-TTPVHCC Huế, ngày 07 tháng 12 năm 2026',
      'BÁO CÁO Kết quả khảo sát, đánh giá sự hài lòng của tổ chức, cá nhân đối với việc giải quyết thủ tục hành chính quý IV năm 2026',
      'Nơi nhận: - UBND tỉnh (để báo cáo); - Văn phòng UBND tỉnh; - Sở Nội vụ;',
      '- Giám đốc, các Phó Giám đốc Trung tâm; - Lưu: VT, NV.',
      'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Thị Minh Hoa',
    ]) {
      expect(text).toContain(line);
    }
    expect(text.indexOf('KT. GIÁM ĐỐC')).toBeGreaterThan(text.indexOf('Trên đây là báo cáo'));
  });

  it('numbers the pages from the second', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]!.trimStart().startsWith('UBND TỈNH')).toBe(true);
    pages.slice(1).forEach((page, i) => {
      if (page.trim() === '') return;
      expect(page).toMatch(new RegExp(`(^|\\n)${i + 2}\\n`));
    });
  });

  it('says what the DOCX says', () => {
    for (const sentence of [
      'Từ ngày 01/10/2026 đến ngày 31/12/2026, tại tỉnh Thừa Thiên Huế có 11.255 phiếu đánh giá được tính vào tỷ lệ hài lòng.',
      'Tỷ lệ hài lòng chung đạt 94,8% (10.674/11.255 phiếu hài lòng; khoảng tin cậy 95%: 94,4% – 95,2%), vượt chỉ tiêu 91%.',
      '2 lĩnh vực chưa đủ phiếu để đánh giá (Khoa học và Công nghệ, Thông tin và Truyền thông).',
      'Tiếp nhận 126 phản ánh, kiến nghị; trả lời đúng hạn 112 (88,9%), quá hạn 4.',
      'Theo Thông tư số 01/2018/TT-VPCP: đo được 5/9 chỉ số, tổng 9,69/10 điểm, xếp loại Tốt.',
      'Trên đây là báo cáo kết quả khảo sát, đánh giá sự hài lòng quý IV năm 2026 của Trung tâm Phục vụ hành chính công./.',
    ]) {
      expect(text).toContain(sentence);
    }
    expect(text).toContain('Biểu đồ 1. Tỷ lệ hài lòng theo tháng');
    expect(text).toContain('Biểu đồ 2. Tỷ lệ hài lòng theo lĩnh vực');
  });

  it('gives every sector and every unit a row of its figures', () => {
    for (const s of report.sectors) {
      const interval = s.interval ? `${pct(s.interval.low)}–${pct(s.interval.high)}` : '–';
      expect(text).toContain(
        `${s.name} ${num(s.total)} ${num(s.satisfied)} ${s.rate === null ? '–' : pct(s.rate)} ${interval} 91% ${RATE_VERDICT_LABELS[s.verdict!]}`,
      );
    }
    for (const u of report.units) {
      expect(text).toContain(
        `${u.rank ?? '–'} ${u.name} ${num(u.total)} ${num(u.satisfied)} ${pct(u.rate!)} ${pct(u.interval!.low)}–${pct(u.interval!.high)} 91% ${RATE_VERDICT_LABELS[u.verdict!]}`,
      );
    }
    for (const p of report.trend) {
      expect(text).toContain(`${p.month.slice(5)}/2026 ${num(p.total)} ${pct(p.rate!)}`);
    }
    expect(text).toContain('Qua điện thoại, chưa gắn hồ sơ 1.058');
    expect(text).toContain('Tổng điểm các chỉ số đo được 9,69/10');
    expect(text).not.toMatch(/\d\.\d{1,2}%/);
  });

  it('renders its first page for a person to look at', () => {
    mkdirSync(SHOTS, { recursive: true });
    const prefix = join(SHOTS, 'bao-cao-quy-iv-2026-trang-1');
    run('pdftoppm', '-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, prefix);
    const png = readFileSync(`${prefix}.png`);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // A4 at 80 dpi.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([662, 936]);
  });
});
