/**
 * The "Mã kiểm chứng" of a rating (issue 25 item 3): the address of the public verifier page for
 * the rating's unit, month and id — ids only, nothing about the citizen. The page recomputes the
 * rating's recordHash from the id (dataset.ts) and checks its inclusion proof against the month's
 * signed checkpoint; the id itself is never published.
 */

/** The verifier page's path on the server. */
export const VERIFY_PAGE_PATH = '/public/verify';

export interface RatingReceipt {
  unitId: string;
  /** 'YYYY-MM', the Việt Nam month the rating was made in. */
  month: string;
  ratingId: string;
}

/** The receipt's address on the server at `base` (an origin, or '' for this one). */
export function ratingReceiptUrl(base: string, receipt: RatingReceipt): string {
  const query = [
    ['unit', receipt.unitId],
    ['month', receipt.month],
    ['rating', receipt.ratingId],
  ]
    .map(([key, value]) => `${key}=${encodeURIComponent(value!)}`)
    .join('&');
  return `${base.replace(/\/+$/, '')}${VERIFY_PAGE_PATH}?${query}`;
}
