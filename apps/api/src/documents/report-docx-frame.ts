/**
 * The parts of the DOCX NĐ 30/2020/NĐ-CP Phụ lục I fixes for every administrative document, around
 * its body: the agency and the Quốc hiệu side by side in a table without borders (cơ quan chủ quản
 * upright and cơ quan ban hành bold, 12 pt, a line a third to a half of theirs under them; the
 * Quốc hiệu bold 12 pt and the Tiêu ngữ bold 13 pt, a line as long as it under it), the number
 * left blank and the place and date line on one row, "BÁO CÁO" and its summary line, page numbers
 * from page 2, and "Nơi nhận" (12 pt bold italic, lines 11 pt) beside the signature (14 pt bold).
 * Sizes are in half-points (26 = 13 pt), lengths in twips (1 mm ≈ 56,7).
 */
import {
  AlignmentType,
  BorderStyle,
  Header,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { ReportContent } from './report-content.ts';

export const FONT = 'Times New Roman';
/** A4 and the margins (20 mm top and bottom, 30 mm left, 15 mm right), in twips. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: 1134,
  bottom: 1134,
  left: 1701,
  right: 850,
};
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** The body's size: 14 pt. */
export const BODY = 28;
/** The header's two columns: the agency (65 mm) and the Quốc hiệu (100 mm). */
const LEFT = 3685;
const RIGHT = TEXT_WIDTH - LEFT;
/** "Độc lập - Tự do - Hạnh phúc" in Times New Roman Bold 13 pt: 55,4 mm, from the font's metrics. */
const MOTTO_WIDTH = 3141;

export interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({ text, font: FONT, ...style });
}

export function para(
  text: string,
  style: RunStyle,
  options: Omit<IParagraphOptions, 'children' | 'text'> = {},
): Paragraph {
  return new Paragraph({
    ...options,
    children: [run(text, style)],
    run: { font: FONT, size: style.size },
  });
}

export const centred = { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } };

/** A solid line `length` twips long, centred in `width`: the decree's drawn line, not an underline. */
function rule(length: number, width: number): Paragraph {
  const side = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { font: FONT, size: 4 },
    children: [],
  });
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA } });
}

function borderless(rows: TableCell[][], widths: number[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: rows.map((cells) => new TableRow({ children: cells })),
  });
}

/** The agency and the Quốc hiệu, the number and the date line. */
export function heading(c: ReportContent): Table {
  const left = [
    ...(c.agency ? [para(c.agency, { size: 24 }, centred)] : []),
    para(c.issuer, { size: 24, bold: true }, centred),
    rule(Math.round(LEFT * 0.4), LEFT),
  ];
  const right = [
    para(c.nationalName, { size: 24, bold: true }, centred),
    para(c.motto, { size: 26, bold: true }, centred),
    rule(MOTTO_WIDTH, RIGHT),
  ];
  // The number and the date line share a row: the decree puts them on one line.
  const number = [para(c.number, { size: 26 }, { ...centred, spacing: { before: 120, after: 0 } })];
  const date = [
    para(
      c.dateLine,
      { size: 28, italics: true },
      { ...centred, spacing: { before: 120, after: 0 } },
    ),
  ];
  return borderless(
    [
      [cell(left, LEFT), cell(right, RIGHT)],
      [cell(number, LEFT), cell(date, RIGHT)],
    ],
    [LEFT, RIGHT],
  );
}

/** "BÁO CÁO", its summary line and the line under them. */
export function title(c: ReportContent): Paragraph[] {
  return [
    para(c.title, { size: 28, bold: true }, { ...centred, spacing: { before: 360, after: 0 } }),
    para(c.summary, { size: 28, bold: true }, centred),
    rule(Math.round(TEXT_WIDTH / 3), TEXT_WIDTH),
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
  ];
}

/** "Nơi nhận" on the left, the signature on the right. */
export function closing(c: ReportContent): Table {
  const left = [
    para(
      'Nơi nhận:',
      { size: 24, bold: true, italics: true },
      { spacing: { before: 0, after: 0 } },
    ),
    ...c.recipients.map((line) => para(line, { size: 22 }, { spacing: { before: 0, after: 0 } })),
  ];
  const s = c.signer;
  const right = [
    ...(s.authority ? [para(s.authority, { size: 28, bold: true }, centred)] : []),
    para(s.title, { size: 28, bold: true }, centred),
    // Room for the signature and the seal: about 30 mm.
    new Paragraph({
      spacing: { before: 0, after: 0, line: 1700, lineRule: LineRuleType.EXACT },
      children: [],
    }),
    para(s.name, { size: 28, bold: true }, centred),
  ];
  const leftWidth = 4300;
  return borderless(
    [[cell(left, leftWidth), cell(right, TEXT_WIDTH - leftWidth)]],
    [leftWidth, TEXT_WIDTH - leftWidth],
  );
}

/** No number on the first page; from the second, centred in the top margin, 14 pt. */
export function pageHeaders(): { first: Header; default: Header } {
  return {
    first: new Header({ children: [new Paragraph({ children: [] })] }),
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: BODY })],
        }),
      ],
    }),
  };
}
