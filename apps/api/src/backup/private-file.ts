/**
 * Files that hold the whole database (a backup, its `.partial`, a restore's incoming copy) are
 * created with their final mode given to open(2) itself, with O_EXCL: a chmod after the fact
 * leaves a moment in which, under a permissive umask, the file is world-readable, and an existing
 * file is never written through (whoever made it chose its mode).
 */
import { closeSync, fchmodSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';

/** Owner read and write, nothing for anyone else: what a backup gets. */
export const PRIVATE_MODE = 0o600;

/**
 * Opens a new file for writing with `mode` (0600 unless said); throws EEXIST if `path` exists.
 * The umask may only take bits away from `mode`; they are set back, so the file ends with exactly
 * `mode` and never more.
 */
function openNew(path: string, mode: number): number {
  const fd = openSync(path, 'wx', mode);
  try {
    fchmodSync(fd, mode);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  return fd;
}

/** Creates an empty file with `mode` (0600 unless said) for a tool to write into. */
export function createPrivateFile(path: string, mode = PRIVATE_MODE): void {
  closeSync(openNew(path, mode));
}

/** Copies `from` to a new file `to` made with `mode` (not `from`'s, as copyFile would), synced. */
export function copyToNewFile(from: string, to: string, mode = PRIVATE_MODE): void {
  const source = openSync(from, 'r');
  try {
    const dest = openNew(to, mode);
    try {
      const chunk = Buffer.allocUnsafe(1 << 20);
      for (let read; (read = readSync(source, chunk, 0, chunk.length, null)) > 0;) {
        for (let written = 0; written < read;) {
          written += writeSync(dest, chunk, written, read - written);
        }
      }
      fsyncSync(dest);
    } finally {
      closeSync(dest);
    }
  } finally {
    closeSync(source);
  }
}
