/**
 * The font the PDF and the charts are drawn in: DejaVu Serif from Debian's fonts-dejavu-core, a
 * serif with every Vietnamese letter (Times New Roman, which the decree names and the DOCX asks
 * for, is not free to ship). Files, not system lookups: the same glyphs on every machine, so the
 * same pixels and the same line breaks.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const DIR = '/usr/share/fonts/truetype/dejavu';

export const FONT_FILES: Readonly<Record<FontStyle, string>> = {
  regular: `${DIR}/DejaVuSerif.ttf`,
  bold: `${DIR}/DejaVuSerif-Bold.ttf`,
  italic: `${DIR}/DejaVuSerif-Italic.ttf`,
  boldItalic: `${DIR}/DejaVuSerif-BoldItalic.ttf`,
};

/** The family name inside those files, for SVG text. */
export const FONT_FAMILY = 'DejaVu Serif';

/** The font files are not on this machine. */
export class ReportFontsMissing extends Error {
  constructor(missing: readonly string[]) {
    super(
      `Thiếu phông chữ để in báo cáo: ${missing.join(', ')}. ` +
        'Cài gói Debian fonts-dejavu-core (apt-get install fonts-dejavu-core).',
    );
    this.name = 'ReportFontsMissing';
  }
}

/** `files`, or ReportFontsMissing naming those that are not there. */
export function requireFonts<T extends Readonly<Record<string, string>>>(files: T): T {
  const missing = Object.values(files).filter((file) => !existsSync(file));
  if (missing.length > 0) throw new ReportFontsMissing(missing);
  return files;
}

let checked = false;

/** The font files, after checking once that they are all there. */
export function fontFiles(): Readonly<Record<FontStyle, string>> {
  if (!checked) {
    requireFonts(FONT_FILES);
    checked = true;
  }
  return FONT_FILES;
}

let measurer: PDFKit.PDFDocument | undefined;

/** Width in points of `text` set in the report's font at `size` points. */
export function textWidth(text: string, size: number, style: FontStyle = 'regular'): number {
  measurer ??= new PDFDocument({ autoFirstPage: false });
  return measurer.font(fontFiles()[style]).fontSize(size).widthOfString(text);
}
