import { describe, expect, it } from 'vitest';
import { reportRate } from '@hailong/domain';
import { sectorsChart, trendChart, VERDICT_COLOURS } from './charts.ts';
import { FONT_FILES, requireFonts, ReportFontsMissing } from './fonts.ts';
import type { ReportRow } from './report-data.ts';

const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];
const sector = (name: string, satisfied: number, total: number): ReportRow => ({
  name,
  ...reportRate(satisfied, total, 9100, 30),
});

describe('trendChart', () => {
  const trend = [
    { month: '2026-10', rate: 0.944, total: 3751 },
    { month: '2026-11', rate: null, total: 0 },
    { month: '2026-12', rate: 0.8, total: 10 },
  ];

  it('draws the months against the target, labelled the Vietnamese way', () => {
    const chart = trendChart(trend, 0.915, 30);
    expect(chart.svg).toContain('Chỉ tiêu 91,5%');
    expect(chart.svg).toContain('>94,4%<');
    expect(chart.svg).toContain('>Tháng 10<');
    expect(chart.svg).toContain('>3.751 phiếu<');
    expect(chart.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(size(chart.png)).toEqual([1200, 540]);
  });

  it('breaks the line over a month without answers and draws a month with too few hollow', () => {
    const { svg } = trendChart(trend, 0.91, 30);
    const path = /<path d="([^"]+)"/.exec(svg)![1]!;
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path).not.toContain('L');
    expect(svg).toMatch(/<circle [^>]*fill="#ffffff"/);
  });

  it('abbreviates the months of a year', () => {
    const year = Array.from({ length: 12 }, (_, i) => ({
      month: `2026-${String(i + 1).padStart(2, '0')}`,
      rate: 0.95,
      total: 1234,
    }));
    const { svg } = trendChart(year, 0.91, 30);
    expect(svg).toContain('>T1<');
    expect(svg).toContain('>T12<');
    expect(svg).toContain('>1.234<');
  });

  it('renders the same pixels every time: its own font files, no system fonts', () => {
    expect(trendChart(trend, 0.91, 30).png.equals(trendChart(trend, 0.91, 30).png)).toBe(true);
  });
});

describe('sectorsChart', () => {
  const sectors = [
    sector('Hộ tịch', 960, 1000),
    sector('Đất đai', 850, 1000),
    sector('Tư pháp', 38, 40),
    sector('Văn hóa & Du lịch <huyện>', 95, 98),
    sector('Nông nghiệp và Phát triển nông thôn, Thủy lợi, Phòng chống thiên tai', 174, 180),
    sector('Khoa học và Công nghệ', 5, 12),
    sector('Nội vụ', 11, 12),
    sector('Thông tin và Truyền thông', 0, 0),
  ];
  const chart = sectorsChart(sectors);

  it('draws each sector in the colour of its verdict, too few hollow and without an interval', () => {
    expect(chart.svg).toContain(`fill="${VERDICT_COLOURS.met}"`);
    expect(chart.svg).toContain(`fill="${VERDICT_COLOURS['not-met']}"`);
    expect(chart.svg).toContain(`fill="${VERDICT_COLOURS['not-significant']}"`);
    expect(chart.svg).toContain(`stroke="${VERDICT_COLOURS['too-few']}"`);
    // Intervals: one line per judged sector, none for too few or none at all.
    const intervals = chart.svg.match(
      /<line [^>]*y1="([\d.]+)" y2="\1" stroke="#(1f4e79|b22222|b8860b)"/g,
    );
    expect(intervals).toHaveLength(5);
    expect(chart.svg).toContain('>chưa có phiếu<');
    // The axis fits the judged sectors, not 5 of 12.
    expect(chart.svg).toContain('>80%<');
    expect(chart.svg).not.toContain('>40%<');
  });

  it('escapes names and cuts the long ones', () => {
    expect(chart.svg).toContain('>Văn hóa &amp; Du lịch &lt;huyện&gt;<');
    expect(chart.svg).toMatch(/>Nông nghiệp và Phát triển[^<]*…</);
    expect(chart.svg).toContain('>91,7%<');
    // 5 of 12 is off the axis: its rate is written, no dot is drawn at the axis's edge.
    expect(chart.svg).toContain('>41,7%<');
    expect(chart.svg.match(/<circle [^>]*stroke="#808080"/g)).toHaveLength(2);
    expect(size(chart.png)).toEqual([1200, 2 * chart.height]);
  });
});

describe('the report font', () => {
  it('is there, or the error names the Debian package', () => {
    expect(requireFonts(FONT_FILES)).toBe(FONT_FILES);
    const missing = { regular: '/usr/share/fonts/truetype/dejavu/NoSuchFont.ttf' };
    expect(() => requireFonts(missing)).toThrow(ReportFontsMissing);
    expect(() => requireFonts(missing)).toThrow(/NoSuchFont\.ttf.*fonts-dejavu-core/);
  });
});
