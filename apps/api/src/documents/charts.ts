/**
 * The report's two charts, drawn as plain SVG and rendered to PNG by resvg with the report's own
 * font files (never the system's: the same pixels on every machine). The trend: the rate of each
 * month as a line against the dashed target. The sectors: each sector's rate as a dot on its 95 %
 * interval, with its target as a tick — a dot plot rather than bars, because bars cut off below
 * 100 % exaggerate and bars from 0 hide every difference that matters near the target.
 */
import { Resvg } from '@resvg/resvg-js';
import { formatNumber, formatPercent, type RateVerdict } from '@hailong/domain';
import { FONT_FAMILY, fontFiles, textWidth } from './fonts.ts';
import type { ReportRow, ReportTrendPoint } from './report-data.ts';

export interface Chart {
  svg: string;
  png: Buffer;
  /** The SVG's size in its own units; the PNG is `PNG_SCALE` times larger. */
  width: number;
  height: number;
}

/** Drawn 600 units wide, shown about 160 mm wide: one unit is about 0,75 pt. */
const WIDTH = 600;
/** 1200 pixels across 160 mm: 190 dpi, sharp on paper; three times would cost twice the time. */
const PNG_SCALE = 2;

export const VERDICT_COLOURS: Readonly<Record<RateVerdict, string>> = {
  met: '#1f4e79',
  'not-met': '#b22222',
  'not-significant': '#b8860b',
  'too-few': '#808080',
};
/** A rate with no target to judge it by: drawn, never coloured as a verdict. */
const NO_TARGET_COLOUR = '#404040';
const TARGET_COLOUR = '#b22222';
const GRID = '#d9d9d9';
const INK = '#000000';

const pct = (ratio: number) => formatPercent(ratio, 'vi', 1);

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const r1 = (x: number) => Math.round(x * 10) / 10;

function text(
  x: number,
  y: number,
  content: string,
  size: number,
  anchor: 'start' | 'middle' | 'end' = 'start',
  extra = '',
): string {
  return `<text x="${r1(x)}" y="${r1(y)}" font-size="${size}" text-anchor="${anchor}"${extra}>${escapeXml(content)}</text>`;
}

function svgDocument(height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
    `font-family="${FONT_FAMILY}" fill="${INK}"><rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${body}</svg>`
  );
}

function render(svg: string, height: number): Chart {
  // The charts set everything in the regular face: loading the others would only cost time.
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: WIDTH * PNG_SCALE },
    font: {
      fontFiles: [fontFiles().regular],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
    },
  })
    .render()
    .asPng();
  return { svg, png, width: WIDTH, height };
}

/** The lowest value an axis from `low` to 100 % starts at: a multiple of 5 %, a margin below. */
function axisFloor(values: readonly number[]): number {
  const least = Math.min(...values);
  return Math.max(0, Math.floor((least - 0.02) * 20) / 20);
}

function ticks(low: number): number[] {
  const step = 1 - low > 0.3 ? 0.1 : 0.05;
  const out: number[] = [];
  for (let t = 1; t >= low - 1e-9; t -= step) out.push(Math.round(t * 100) / 100);
  return out.reverse();
}

/** The monthly rates of the period against the target. */
export function trendChart(
  trend: readonly ReportTrendPoint[],
  target: number | null,
  minSample: number,
): Chart {
  const height = 270;
  const left = 56;
  const right = WIDTH - 24;
  const top = 24;
  const bottom = height - 56;
  const many = trend.length > 6;
  const judged = trend.filter((p) => p.rate !== null);
  const low = axisFloor([...(target === null ? [] : [target]), ...judged.map((p) => p.rate!)]);
  const y = (v: number) => bottom - ((v - low) / (1 - low)) * (bottom - top);
  const step = (right - left) / Math.max(1, trend.length);
  const x = (i: number) => left + step * (i + 0.5);
  const parts: string[] = [];
  for (const t of ticks(low)) {
    parts.push(
      `<line x1="${left}" x2="${right}" y1="${r1(y(t))}" y2="${r1(y(t))}" stroke="${GRID}" stroke-width="1"/>`,
      text(left - 6, y(t) + 4, pct(t), 11, 'end'),
    );
  }
  if (target !== null) {
    parts.push(
      `<line x1="${left}" x2="${right}" y1="${r1(y(target))}" y2="${r1(y(target))}" stroke="${TARGET_COLOUR}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      text(right, y(target) - 5, `Chỉ tiêu ${pct(target)}`, 11, 'end', ` fill="${TARGET_COLOUR}"`),
    );
  }
  // The line breaks where a month has no answers: nothing is drawn across a month with none.
  let path = '';
  let penDown = false;
  trend.forEach((p, i) => {
    if (p.rate !== null) path += `${penDown ? 'L' : 'M'}${r1(x(i))},${r1(y(p.rate))} `;
    penDown = p.rate !== null;
  });
  if (path) {
    parts.push(
      `<path d="${path.trim()}" fill="none" stroke="${VERDICT_COLOURS.met}" stroke-width="2"/>`,
    );
  }
  const labelSize = many ? 10 : 12;
  trend.forEach((p, i) => {
    const month = Number(p.month.slice(5, 7));
    parts.push(text(x(i), bottom + 18, many ? `T${month}` : `Tháng ${month}`, labelSize, 'middle'));
    const n = formatNumber(p.total);
    parts.push(text(x(i), bottom + 34, many ? n : `${n} phiếu`, 10, 'middle', ' fill="#404040"'));
    if (p.rate === null) return;
    const enough = p.total >= minSample;
    parts.push(
      `<circle cx="${r1(x(i))}" cy="${r1(y(p.rate))}" r="4.5" fill="${enough ? VERDICT_COLOURS.met : '#ffffff'}" stroke="${VERDICT_COLOURS.met}" stroke-width="1.5"/>`,
      text(x(i), y(p.rate) - 9, pct(p.rate), labelSize, 'middle'),
    );
  });
  parts.push(
    text(
      left,
      height - 6,
      'Số phiếu của tháng ghi dưới tên tháng; điểm rỗng: chưa đủ phiếu để đánh giá.',
      10,
      'start',
      ' fill="#404040"',
    ),
  );
  return render(svgDocument(height, parts.join('')), height);
}

/** `name` cut with "…" to fit `width` units at `size`. */
function fit(name: string, width: number, size: number): string {
  if (textWidth(name, size) <= width) return name;
  let cut = name;
  while (cut.length > 1 && textWidth(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Each sector's rate on its 95 % interval, with its target. */
export function sectorsChart(sectors: readonly ReportRow[]): Chart {
  const rowHeight = 21;
  const top = 26;
  const labelWidth = 232;
  const left = labelWidth + 14;
  const right = WIDTH - 78;
  const height = top + rowHeight * sectors.length + 52;
  // The axis fits the judged sectors; a sector with too few answers shows no interval to fit.
  const values = sectors.flatMap((s) => [
    ...(s.target === null ? [] : [s.target]),
    ...(s.verdict === 'too-few' ? [] : [s.rate ?? 1, s.interval?.low ?? 1]),
  ]);
  const low = axisFloor(values.length > 0 ? values : [0.9]);
  const x = (v: number) => left + ((v - low) / (1 - low)) * (right - left);
  const parts: string[] = [];
  const plotBottom = top + rowHeight * sectors.length;
  for (const t of ticks(low)) {
    parts.push(
      `<line x1="${r1(x(t))}" x2="${r1(x(t))}" y1="${top - 6}" y2="${plotBottom}" stroke="${GRID}" stroke-width="1"/>`,
      text(x(t), top - 10, pct(t), 10, 'middle'),
    );
  }
  sectors.forEach((s, i) => {
    const cy = top + rowHeight * (i + 0.5);
    const colour = s.verdict === null ? NO_TARGET_COLOUR : VERDICT_COLOURS[s.verdict];
    parts.push(text(labelWidth, cy + 4, fit(s.name, labelWidth, 11), 11, 'end'));
    if (s.target !== null) {
      const tx = r1(x(s.target));
      parts.push(
        `<line x1="${tx}" x2="${tx}" y1="${r1(cy - 7)}" y2="${r1(cy + 7)}" stroke="${TARGET_COLOUR}" stroke-width="2"/>`,
      );
    }
    if (s.rate === null) {
      parts.push(text(right + 8, cy + 4, 'chưa có phiếu', 10, 'start', ' fill="#404040"'));
      return;
    }
    if (s.interval && s.verdict !== 'too-few') {
      parts.push(
        `<line x1="${r1(x(s.interval.low))}" x2="${r1(x(s.interval.high))}" y1="${r1(cy)}" y2="${r1(cy)}" stroke="${colour}" stroke-width="1.5"/>`,
      );
    }
    const hollow = s.verdict === 'too-few';
    // A too-few rate off the axis keeps its label and loses its dot: no dot drawn where it is not.
    if (s.rate >= low) {
      parts.push(
        `<circle cx="${r1(x(s.rate))}" cy="${r1(cy)}" r="4.5" fill="${hollow ? '#ffffff' : colour}" stroke="${colour}" stroke-width="1.5"/>`,
      );
    }
    parts.push(text(right + 8, cy + 4, pct(s.rate), 11, 'start'));
  });
  const legend: [string, string, boolean][] = [
    ['Đạt', VERDICT_COLOURS.met, false],
    ['Chưa đạt', VERDICT_COLOURS['not-met'], false],
    ['Chưa khác biệt có ý nghĩa', VERDICT_COLOURS['not-significant'], false],
    ['Chưa đủ phiếu', VERDICT_COLOURS['too-few'], true],
  ];
  let lx = 8;
  const ly = plotBottom + 22;
  for (const [label, colour, hollow] of legend) {
    parts.push(
      `<circle cx="${lx + 5}" cy="${ly - 4}" r="4.5" fill="${hollow ? '#ffffff' : colour}" stroke="${colour}" stroke-width="1.5"/>`,
      text(lx + 14, ly, label, 10),
    );
    lx += 24 + textWidth(label, 10);
  }
  parts.push(
    `<line x1="${lx}" x2="${lx}" y1="${ly - 11}" y2="${ly + 3}" stroke="${TARGET_COLOUR}" stroke-width="2"/>`,
    text(lx + 6, ly, 'Chỉ tiêu', 10),
    text(
      8,
      ly + 18,
      'Đoạn ngang: khoảng tin cậy 95% của tỷ lệ hài lòng; điểm rỗng: chưa đủ phiếu, không đánh giá.',
      10,
      'start',
      ' fill="#404040"',
    ),
  );
  return render(svgDocument(height, parts.join('')), height);
}
