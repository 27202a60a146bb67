/**
 * The periodic report as a PDF, the same blocks as the DOCX laid out the same way (NĐ 30/2020
 * Phụ lục I: A4, margins 20/20/30/15 mm, the agency and the Quốc hiệu side by side, the number
 * blank, page numbers from page 2 centred in the top margin, "Nơi nhận" and the signature side by
 * side at the end). Set in DejaVu Serif, embedded: Times New Roman is not ours to ship, and a
 * PDF must read the same on a machine without it. DejaVu's letters are taller and wider than
 * Times's at the same size, so each size the decree gives is set at the size whose capitals are as
 * tall as Times's (`pt`): the page then looks as the DOCX does, with the same line breaks in the
 * header.
 */
import PDFDocument from 'pdfkit';
import { fontFiles, type FontStyle } from './fonts.ts';
import { reportContent, type Block, type Column, type ReportContent } from './report-content.ts';
import type { PeriodicReport } from './report-data.ts';

const mm = (x: number) => (x * 72) / 25.4;
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const A4 = { width: 595.28, height: 841.89 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BOTTOM = A4.height - MARGIN.bottom;
const LEFT_COL = mm(65);
const RIGHT_COL = WIDTH - LEFT_COL;
/** Capital height: Times New Roman 0,662 em, DejaVu Serif 0,729 em; rounded to half points. */
const pt = (timesSize: number) => Math.round(timesSize * (0.662 / 0.729) * 2) / 2;
const BODY = pt(14);
const TABLE_TEXT = pt(11);
const FIRST_LINE = mm(12.7);
const PARAGRAPH_GAP = 6;
const LINE_GAP = 2;

type Doc = PDFKit.PDFDocument;

function use(doc: Doc, style: FontStyle, size: number): Doc {
  return doc.font(style).fontSize(size);
}

/** Writes `text` in a box and returns the y below it. */
function box(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  style: FontStyle,
  size: number,
  align: 'left' | 'center' | 'right' | 'justify' = 'center',
): number {
  use(doc, style, size).text(text, x, y, { width, align, lineGap: 1 });
  return doc.y;
}

function line(doc: Doc, centre: number, y: number, length: number): void {
  doc
    .moveTo(centre - length / 2, y)
    .lineTo(centre + length / 2, y)
    .lineWidth(0.6)
    .stroke('#000000');
}

function heading(doc: Doc, c: ReportContent): void {
  const x = MARGIN.left;
  const rx = x + LEFT_COL;
  let left = MARGIN.top;
  if (c.agency) left = box(doc, c.agency, x, left, LEFT_COL, 'regular', pt(12));
  left = box(doc, c.issuer, x, left, LEFT_COL, 'bold', pt(12));
  line(doc, x + LEFT_COL / 2, left + 2, LEFT_COL * 0.4);
  let right = box(doc, c.nationalName, rx, MARGIN.top, RIGHT_COL, 'bold', pt(12));
  right = box(doc, c.motto, rx, right, RIGHT_COL, 'bold', pt(13));
  line(doc, rx + RIGHT_COL / 2, right + 2, use(doc, 'bold', pt(13)).widthOfString(c.motto));
  const row = Math.max(left, right) + 8;
  const numberEnd = box(doc, c.number, x, row, LEFT_COL, 'regular', pt(13));
  // The decree sets the date line in 13 or 14 pt: 14 where it fits on one line, else 13, so a
  // long place name does not leave the year alone on a second line.
  const dateSize = use(doc, 'italic', pt(14)).widthOfString(c.dateLine) <= RIGHT_COL ? 14 : 13;
  const dateEnd = box(doc, c.dateLine, rx, row, RIGHT_COL, 'italic', pt(dateSize));
  let y = Math.max(numberEnd, dateEnd) + 20;
  y = box(doc, c.title, x, y, WIDTH, 'bold', pt(14));
  y = box(doc, c.summary, x, y, WIDTH, 'bold', pt(14));
  line(doc, x + WIDTH / 2, y + 4, WIDTH / 3);
  doc.y = y + 14;
}

/** Starts a new page unless `height` more points fit on this one. */
function room(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) {
    doc.addPage();
    doc.y = MARGIN.top;
  }
}

function paragraph(doc: Doc, text: string, style: FontStyle): void {
  use(doc, style, BODY);
  const options = {
    width: WIDTH,
    align: 'justify' as const,
    indent: FIRST_LINE,
    lineGap: LINE_GAP,
  };
  // A heading keeps its paragraph's first lines with it.
  if (style === 'bold') room(doc, doc.heightOfString(text, options) + 3 * (BODY + LINE_GAP) + 12);
  doc.text(text, MARGIN.left, doc.y, { ...options, paragraphGap: PARAGRAPH_GAP });
}

function caption(doc: Doc, text: string): void {
  box(doc, text, MARGIN.left, doc.y, WIDTH, 'boldItalic', pt(13));
  doc.y += 3;
}

interface Cell {
  text: string;
  x: number;
  width: number;
  align: Column['align'];
  style: FontStyle;
}

const PAD = 3;

interface MeasuredRow {
  cells: (Cell & { textHeight: number })[];
  height: number;
}

/** Each cell's text height, once: laying text out is what a long table costs. */
function measure(doc: Doc, cells: Cell[]): MeasuredRow {
  const measured = cells.map((c) => ({
    ...c,
    textHeight: use(doc, c.style, TABLE_TEXT).heightOfString(c.text, { width: c.width - 2 * PAD }),
  }));
  return { cells: measured, height: Math.max(...measured.map((c) => c.textHeight)) + 2 * PAD };
}

function drawRow(doc: Doc, row: MeasuredRow, y: number): number {
  for (const c of row.cells) {
    doc.rect(c.x, y, c.width, row.height).lineWidth(0.5).stroke('#000000');
    use(doc, c.style, TABLE_TEXT).text(c.text, c.x + PAD, y + (row.height - c.textHeight) / 2, {
      width: c.width - 2 * PAD,
      align: c.align,
    });
  }
  return y + row.height;
}

function table(doc: Doc, b: Extract<Block, { kind: 'table' }>): void {
  let x = MARGIN.left;
  const columns = b.columns.map((c) => {
    const width = c.width * WIDTH;
    const placed = { ...c, x, width };
    x += width;
    return placed;
  });
  const header: Cell[] = columns.map((c) => ({
    ...c,
    text: c.header,
    align: 'center',
    style: 'bold',
  }));
  const cellsOf = (row: (typeof b.rows)[number]): Cell[] =>
    'group' in row
      ? [{ text: row.group, x: MARGIN.left, width: WIDTH, align: 'left', style: 'boldItalic' }]
      : row.cells.map((text, i) => ({ ...columns[i]!, text, style: 'regular' }));
  const head = measure(doc, header);
  const rows = b.rows.map((row) => measure(doc, cellsOf(row)));
  // The caption stays with the header and the first row.
  const title = use(doc, 'boldItalic', pt(13)).heightOfString(b.caption, {
    width: WIDTH,
    lineGap: 1,
  });
  room(doc, title + 3 + head.height + (rows[0]?.height ?? 0));
  caption(doc, b.caption);
  let y = drawRow(doc, head, doc.y);
  for (const row of rows) {
    if (y + row.height > BOTTOM) {
      doc.addPage();
      // The header again on every page the table runs onto.
      y = drawRow(doc, head, MARGIN.top);
    }
    y = drawRow(doc, row, y);
  }
  doc.y = y + 10;
}

function chart(doc: Doc, b: Extract<Block, { kind: 'chart' }>): void {
  const width = Math.min(WIDTH, b.chart.width * 0.76);
  const height = (width * b.chart.height) / b.chart.width;
  room(doc, height + 24);
  doc.image(b.chart.png, MARGIN.left + (WIDTH - width) / 2, doc.y, { width, height });
  doc.y += height + 4;
  caption(doc, b.caption);
  doc.y += 8;
}

function closing(doc: Doc, c: ReportContent): void {
  const leftWidth = mm(76);
  const rx = MARGIN.left + leftWidth;
  const rightWidth = WIDTH - leftWidth;
  const s = c.signer;
  const signature = mm(30);
  use(doc, 'regular', pt(11));
  const listHeight =
    16 + c.recipients.reduce((h, r) => h + doc.heightOfString(r, { width: leftWidth - 6 }), 0);
  room(doc, Math.max(listHeight, 3 * 18 + signature) + 12);
  const top = doc.y + 6;
  let left = box(doc, 'Nơi nhận:', MARGIN.left, top, leftWidth, 'boldItalic', pt(12), 'left');
  for (const r of c.recipients)
    left = box(doc, r, MARGIN.left, left, leftWidth - 6, 'regular', pt(11), 'left');
  let right = top;
  if (s.authority) right = box(doc, s.authority, rx, right, rightWidth, 'bold', pt(14));
  right = box(doc, s.title, rx, right, rightWidth, 'bold', pt(14));
  right = box(doc, s.name, rx, right + signature, rightWidth, 'bold', pt(14));
  doc.y = Math.max(left, right);
}

function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  // The decree shows no number on the first page.
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    use(doc, 'regular', pt(14)).text(String(i + 1), MARGIN.left, mm(9), {
      width: WIDTH,
      align: 'center',
      lineBreak: false,
    });
  }
}

/** The report's PDF. */
export function reportPdf(report: PeriodicReport): Promise<Buffer> {
  const files = fontFiles();
  const c = reportContent(report);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: `${c.title} ${c.summary}`, Author: report.issuer, Subject: c.summary },
    lang: 'vi-VN',
  });
  for (const [style, file] of Object.entries(files)) doc.registerFont(style, file);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  heading(doc, c);
  for (const b of c.body) {
    if (b.kind === 'heading') paragraph(doc, b.text, 'bold');
    else if (b.kind === 'paragraph') paragraph(doc, b.text, 'regular');
    else if (b.kind === 'table') table(doc, b);
    else chart(doc, b);
  }
  closing(doc, c);
  pageNumbers(doc);
  doc.end();
  return done;
}
