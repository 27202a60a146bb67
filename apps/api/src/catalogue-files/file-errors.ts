/** A file that cannot be read at all (not UTF-8, not a workbook, too many rows). */
export class FileUnreadable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileUnreadable';
  }
}

/** Rows a catalogue file may have: a province is a few thousand; more is a mistake or an attack. */
export const MAX_ROWS = 20_000;
