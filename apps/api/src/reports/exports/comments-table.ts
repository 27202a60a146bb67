/**
 * Góp ý của người dân: the comments citizens typed after a low rating, as one table for the
 * report's workbook (a sheet of its own) and its own CSV file, newest first. Every cell is citizen
 * text and goes through `text`, so a comment starting with "=" stays text on every leader's PC.
 */
import { formatDateTime } from '@hailong/domain';
import type { CitizenComment } from '@hailong/contracts';
import { reasonLabel, text, type Cell } from './cells.ts';
import { toCsv } from './csv.ts';
import type { NodeSection } from './node-table.ts';

/** A download lists at most this many comments, the newest. */
export const MAX_EXPORTED_COMMENTS = 10_000;

export const COMMENTS_TITLE = 'Góp ý của người dân';
const HEADER = ['Thời gian', 'Đơn vị', 'Lĩnh vực', 'Mức đánh giá', 'Lý do', 'Góp ý'];

export function commentsSection(comments: readonly CitizenComment[]): NodeSection {
  const rows: Cell[][] = comments.map((c) => [
    text(formatDateTime(Date.parse(c.deviceTime))),
    text(c.unit.name),
    text(c.sector.name),
    text(c.levelLabel),
    text(c.reasons.map(reasonLabel).join('; ')),
    text(c.comment),
  ]);
  const footer: Cell[][] = [];
  if (comments.length === 0) footer.push([text('Chưa có góp ý nào trong kỳ.')]);
  if (comments.length >= MAX_EXPORTED_COMMENTS) {
    footer.push([text(`Chỉ liệt kê ${MAX_EXPORTED_COMMENTS} góp ý mới nhất của kỳ.`)]);
  }
  return {
    title: COMMENTS_TITLE,
    sheet: COMMENTS_TITLE,
    header: HEADER,
    widths: [17, 30, 26, 18, 30, 70],
    rows,
    unmet: new Set(),
    bold: new Set(),
    footer,
  };
}

/** The comments as a CSV file of their own: the report's heading, then the table. */
export function commentsCsv(heading: readonly string[], comments: readonly CitizenComment[]) {
  const section = commentsSection(comments);
  return toCsv([
    ...heading.map((line) => [line]),
    [],
    [section.title],
    section.header,
    ...section.rows,
    ...(section.footer.length > 0 ? [[], ...section.footer] : []),
  ]);
}
