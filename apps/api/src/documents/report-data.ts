/**
 * What a periodic report (báo cáo định kỳ) is made from: plain data, every figure already
 * computed, every verdict already judged (packages/domain, report-narrative-figures.ts). The DOCX
 * and the PDF are drawn from this alone, so both say the same and neither looks anything up.
 */
import type { IsoDate, NarrativeFigures } from '@hailong/domain';

export type {
  RateVerdict,
  ReportExclusion,
  ReportFeedback,
  ReportPeriod,
  ReportRankedRow,
  ReportRate,
  ReportRow,
  ReportTrendPoint,
  ReportTt01,
} from '@hailong/domain';

/** Who signs (NĐ 30/2020 Phụ lục I: quyền hạn, chức vụ, họ tên). */
export interface ReportSigner {
  /** "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"; null when the head signs in their own name. */
  authority: string | null;
  /** "PHÓ GIÁM ĐỐC". */
  title: string;
  /** "Nguyễn Văn An". */
  name: string;
}

/**
 * A report of one node over one period. `sectors` holds every sector with its verdict (met, not
 * met, not significantly different, too few); `units` the units below the node ranked, equal rates
 * sharing a rank and those too few to rank last with a null rank.
 */
export interface PeriodicReport extends NarrativeFigures {
  /** Cơ quan chủ quản: "UBND tỉnh Thừa Thiên Huế"; null when the issuer has none above it. */
  agency: string | null;
  /** Cơ quan ban hành: "Trung tâm Phục vụ hành chính công". */
  issuer: string;
  /** Địa danh of the date line: "Huế". */
  place: string;
  /** The date of signing, 'YYYY-MM-DD'. */
  signedOn: IsoDate;
  /** The symbol after the number, left blank for the office: "BC-TTPVHCC". */
  symbol: string;
  /** Nơi nhận, without the dashes and semicolons: ["Như trên", …, "Lưu: VT, TTPVHCC"]. */
  recipients: string[];
  signer: ReportSigner;
}
