/** A file that cannot be read at all (not UTF-8, not a workbook, too many rows): 422. */
export class FileUnreadable extends Error {
  constructor(
    message: string,
    /** The line of the file the reading stopped at, when there is one. */
    readonly line = 1,
  ) {
    super(message);
    this.name = 'FileUnreadable';
  }
}

/** A file that would expand beyond what the server reads (a compressed bomb): 413. */
export class FileTooLarge extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileTooLarge';
  }
}

/** A number as Vietnamese write it: 20.000. */
export const vn = (n: number) => n.toLocaleString('vi-VN');
