/**
 * What reading an uploaded file consumed, part by part: the bytes inflated from each part of a
 * workbook (or decoded from a CSV) before the reading finished or stopped. Tests watch it to prove
 * a bomb was stopped early (they assert what was read, never how long it took).
 */
export interface PartRead {
  /** The zip entry (`xl/worksheets/sheet1.xml`), or `csv`. */
  part: string;
  /** What the part declared (a zip entry's size; a CSV's byte length). */
  declared: number;
  /** Bytes actually inflated (or decoded). */
  bytes: number;
}

const watchers = new Set<(read: PartRead) => void>();

/** Adds a watcher of the parts read; returns the function that removes it. */
export function watchReads(watcher: (read: PartRead) => void): () => void {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

export function reportRead(read: PartRead) {
  for (const watcher of watchers) watcher(read);
}
