/**
 * The periodic report as a DOCX, the file an office edits, files and signs, laid out as NĐ
 * 30/2020/NĐ-CP Phụ lục I sets out an administrative document: A4, Times New Roman, the decree's
 * frame (report-docx-frame.ts) around a body set in 14 pt, justified, first lines indented
 * 1,27 cm, 6 pt after each paragraph and lines 1,2 apart (the decree allows single to 1,5); tables
 * in 12 pt with their header repeated on every page; each chart a PNG with its caption below.
 */
import {
  AlignmentType,
  Document,
  ImageRun,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { reportContent, type Block, type Column } from './report-content.ts';
import type { PeriodicReport } from './report-data.ts';
import {
  BODY,
  centred,
  closing,
  FONT,
  heading,
  PAGE,
  pageHeaders,
  para,
  TEXT_WIDTH,
  title,
  type RunStyle,
} from './report-docx-frame.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FIRST_LINE = 720;
const TABLE_TEXT = 24;

const bodySpacing = { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO };

function table(columns: Column[], rows: Extract<Block, { kind: 'table' }>['rows']): Table {
  const widths = columns.map((c) => Math.round(c.width * TEXT_WIDTH));
  const align = (a: Column['align']) =>
    a === 'left' ? AlignmentType.LEFT : a === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  const tableCell = (text: string, i: number, style: RunStyle, span = 1) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      columnSpan: span,
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 30, bottom: 30, left: 80, right: 80 },
      children: [
        para(text, style, {
          alignment: span > 1 ? AlignmentType.LEFT : align(columns[i]!.align),
          spacing: { before: 0, after: 0 },
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => tableCell(c.header, i, { size: TABLE_TEXT, bold: true })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children:
              'group' in r
                ? [
                    tableCell(
                      r.group,
                      0,
                      { size: TABLE_TEXT, bold: true, italics: true },
                      columns.length,
                    ),
                  ]
                : r.cells.map((text, i) => tableCell(text, i, { size: TABLE_TEXT })),
          }),
      ),
    ],
  });
}

function block(b: Block, drawings: { count: number }): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [
        para(
          b.text,
          { size: BODY, bold: true },
          {
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: FIRST_LINE },
            spacing: { ...bodySpacing, before: 120 },
            keepNext: true,
          },
        ),
      ];
    case 'paragraph':
      return [
        para(
          b.text,
          { size: BODY },
          {
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: FIRST_LINE },
            spacing: bodySpacing,
          },
        ),
      ];
    case 'table':
      return [
        para(
          b.caption,
          { size: 26, bold: true, italics: true },
          {
            ...centred,
            spacing: { before: 60, after: 60 },
            keepNext: true,
          },
        ),
        table(b.columns, b.rows),
        new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
      ];
    case 'chart':
      return [
        new Paragraph({
          ...centred,
          keepNext: true,
          children: [
            new ImageRun({
              type: 'png',
              data: b.chart.png,
              transformation: { width: b.chart.width, height: b.chart.height },
              // docx numbers every drawing 1: Word wants each its own id.
              altText: {
                id: String(++drawings.count),
                name: b.caption,
                title: b.caption,
                description: b.caption,
              },
            }),
          ],
        }),
        para(
          b.caption,
          { size: 26, bold: true, italics: true },
          {
            ...centred,
            spacing: { before: 60, after: 120 },
          },
        ),
      ];
  }
}

/** The report's DOCX. */
export async function reportDocx(report: PeriodicReport): Promise<Buffer> {
  const c = reportContent(report);
  const drawings = { count: 0 };
  const doc = new Document({
    title: `${c.title} ${c.summary}`,
    creator: report.issuer,
    description: c.summary,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        headers: pageHeaders(),
        children: [
          heading(c),
          ...title(c),
          ...c.body.flatMap((b) => block(b, drawings)),
          new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
          closing(c),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
