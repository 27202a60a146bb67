/**
 * The name a downloaded report is saved under, in Vietnamese: "Báo cáo Quý IV năm 2026 - Trung tâm
 * Phục vụ hành chính công.docx". HTTP headers carry Latin-1 only, so Content-Disposition gives it as
 * RFC 5987 `filename*` (UTF-8, percent-encoded, which every current browser reads) after a plain
 * ASCII `filename` for the rest: diacritics dropped, đ as d, anything else a hyphen.
 */

export interface ReportFilename {
  /** The Vietnamese name, as the reader sees it saved. */
  filename: string;
  /** The Content-Disposition header carrying it. */
  disposition: string;
}

/** Characters a file name may not hold on Windows, macOS or Linux, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f"*/:<>?\\|]+/g;

/** "Báo cáo Quý IV năm 2026" → "Bao-cao-Quy-IV-nam-2026": the ASCII fallback. */
export function asciiName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** RFC 5987 value-chars: attr-char stays, everything else as %XX of its UTF-8 bytes. */
export const encode5987 = (text: string) =>
  encodeURIComponent(text).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** The report's file name and its Content-Disposition: attachment. */
export function reportFilename(
  periodLabel: string,
  issuer: string,
  periodId: string,
  extension: string,
): ReportFilename {
  const stem = `Báo cáo ${periodLabel} - ${issuer}`.replace(UNSAFE, ' ').replace(/\s+/g, ' ');
  const filename = `${stem.trim().slice(0, 150)}.${extension}`;
  const ascii = `bao-cao-${periodId}-${asciiName(issuer).toLowerCase().slice(0, 80)}.${extension}`;
  return {
    filename,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encode5987(filename)}`,
  };
}
