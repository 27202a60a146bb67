/** Rows per INSERT and ids per IN list: far below both dialects' bound-parameter limits. */
export const CHUNK = 250;

/** `rows` in runs of at most `size`, in order. */
export function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
