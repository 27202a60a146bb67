/**
 * Reading a set too large to bound by its meaning (a month's items at national scale, every open
 * item) one page at a time, ordered by id: each query returns at most `limit` rows, so no read is
 * unbounded, and whoever folds the pages keeps only what it needs of each.
 */

/** One page: the rows whose id comes after `after` (from the start when null), at most `limit`. */
export interface KeysetPage {
  after: string | null;
  limit: number;
}

/** Rows a page may hold: read, written and ordered in small batches. */
export const KEYSET_PAGE = 500;

/** Every page of `read`, in id order, until one comes back short. */
export async function* keysetPages<T extends { id: string }>(
  read: (page: KeysetPage) => Promise<T[]>,
  limit: number = KEYSET_PAGE,
): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await read({ after, limit });
    if (rows.length > 0) yield rows;
    if (rows.length < limit) return;
    after = rows.at(-1)!.id;
  }
}
