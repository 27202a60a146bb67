import { createRoute, z } from '@hono/zod-openapi';
import { Id, PeriodText, storable } from '@hailong/contracts';
import { parsePeriod } from '@hailong/domain';
import type { PeriodicReportService } from './periodic-report.service.ts';
import { DOCX_TYPE } from './report-docx.ts';
import { newRouter, SESSION_SECURITY } from '../http/router.ts';
import { requireSession } from '../http/session.ts';
import { commonErrors, errorResponse, sessionErrors } from '../http/responses.ts';

/** A line of the form: trimmed, at most `max` characters, empty as absent. */
const line = (max: number) =>
  storable()
    .transform((s) => s.trim())
    .pipe(z.string().max(max))
    .optional();

export const PeriodicReportQuery = z.object({
  node: Id.optional(),
  period: PeriodText,
  format: z.enum(['docx', 'pdf']).default('docx'),
  /** "KT. GIÁM ĐỐC"; empty when the head signs in their own name. */
  signerAuthority: line(120),
  /** "PHÓ GIÁM ĐỐC" (default "Thủ trưởng đơn vị"). */
  signerTitle: line(120),
  /** "Nguyễn Văn An"; empty leaves the line for the name to be written. */
  signerName: line(120),
  /** Nơi nhận, one a line (default "Như trên", "Lưu: VT"). */
  recipients: storable().max(2000).optional(),
  /** Địa danh of the date line (default: the province's name). */
  place: line(80),
  /** The symbol after the number, "BC-UBND" (default "BC"). */
  symbol: line(40),
});

/** "- Như trên;" as typed from a printed Nơi nhận → "Như trên". */
const recipientLines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s\-–•]+/, '').replace(/[\s;.,]+$/, ''))
    .filter(Boolean)
    .slice(0, 30);

const periodic = createRoute({
  method: 'get',
  path: '/reports/periodic',
  tags: ['exports'],
  summary:
    'The periodic report (báo cáo định kỳ) of a node over a month, quarter, half-year, nine ' +
    'months or year, in the layout of NĐ 30/2020/NĐ-CP: DOCX to edit and sign, or PDF. Figures ' +
    'as GET /tally/node, /tally/node/trend, /feedback/on-time and /assessment give them. Readers: ' +
    'their subtree only',
  security: SESSION_SECURITY,
  middleware: requireSession(),
  request: { query: PeriodicReportQuery },
  responses: {
    200: {
      description: 'The report, as an attachment with its Vietnamese name (RFC 5987 filename*)',
      content: {
        [DOCX_TYPE]: { schema: z.string().meta({ format: 'binary' }) },
        'application/pdf': { schema: z.string().meta({ format: 'binary' }) },
      },
    },
    ...commonErrors,
    ...sessionErrors,
    404: errorResponse('No such unit, or outside the reader’s subtree'),
  },
});

export function periodicReportRoutes(reports: PeriodicReportService) {
  return newRouter().openapi(periodic, async (c) => {
    const q = c.req.valid('query');
    const file = await reports.render(
      c.get('auth').user,
      {
        node: q.node,
        period: parsePeriod(q.period)!,
        signer: {
          ...(q.signerTitle ? { title: q.signerTitle } : {}),
          ...(q.signerName !== undefined ? { name: q.signerName } : {}),
          ...(q.signerAuthority !== undefined ? { authority: q.signerAuthority || null } : {}),
        },
        recipients: recipientLines(q.recipients),
        place: q.place,
        symbol: q.symbol,
      },
      q.format,
    );
    c.header('Content-Type', file.contentType);
    c.header('Content-Disposition', file.disposition);
    // A unit's figures for staff only: never kept by a shared cache.
    c.header('Cache-Control', 'private, no-store');
    return c.body(new Uint8Array(file.body), 200);
  });
}
