/**
 * The table of contents of an XLSX (a zip), read from its central directory before anything is
 * inflated: a file whose parts declare more than the server reads, or that is compressed as only a
 * bomb is, is refused here (413) having cost nothing but reading a few kilobytes. Declared sizes can
 * lie; zip-inflate.ts holds each part to its declared size while inflating it.
 */
import { FileTooLarge, FileUnreadable, vn } from './file-errors.ts';

export const ZIP_LIMITS = {
  /** Parts of the workbook: Excel writes a dozen, a workbook with many sheets and images a few hundred. */
  entries: 1_000,
  /** Bytes all parts together declare once inflated: a sheet of 20,000 lines is about 10 MB. */
  inflatedBytes: 50 * 1024 * 1024,
  /** Inflated to compressed, for any part above `ratioFrom`: sheets compress 5–20 to 1, bombs 1,000. */
  ratio: 100,
  ratioFrom: 1024 * 1024,
} as const;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As declared; the inflated part is held to it. */
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const SATURATED = 0xffffffff;

export const unreadableXlsx = () =>
  new FileUnreadable('Không đọc được tệp Excel (.xlsx). Hãy lưu lại tệp bằng Excel rồi thử lại.');

function view(bytes: Uint8Array) {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (at: number, n: number) => {
    if (at < 0 || at + n > bytes.length) throw unreadableXlsx();
  };
  return {
    u16: (at: number) => (need(at, 2), data.getUint16(at, true)),
    u32: (at: number) => (need(at, 4), data.getUint32(at, true)),
    u64: (at: number) => {
      need(at, 8);
      const n = data.getBigUint64(at, true);
      if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw unreadableXlsx();
      return Number(n);
    },
  };
}

/** Where the central directory is and how many entries it has (zip64 records when saturated). */
function directory(bytes: Uint8Array) {
  const v = view(bytes);
  // The end record is within the last 22 + 65,535 (its comment) bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (v.u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw unreadableXlsx();
  let count = v.u16(end + 10);
  let offset = v.u32(end + 16);
  if (count === 0xffff || offset === SATURATED) {
    if (end < 20 || v.u32(end - 20) !== ZIP64_LOCATOR) throw unreadableXlsx();
    const record = v.u64(end - 20 + 8);
    if (v.u32(record) !== ZIP64_EOCD) throw unreadableXlsx();
    count = v.u64(record + 32);
    offset = v.u64(record + 48);
  }
  return { count, offset };
}

/** The sizes a zip64 extra field holds for the fields saturated in the central header. */
function zip64Sizes(bytes: Uint8Array, at: number, length: number, saturated: boolean[]) {
  const v = view(bytes);
  for (let p = at; p + 4 <= at + length; p += 4 + v.u16(p + 2)) {
    if (v.u16(p) !== 0x0001) continue;
    let q = p + 4;
    return saturated.map((s) => {
      if (!s) return undefined;
      q += 8;
      return v.u64(q - 8);
    });
  }
  throw unreadableXlsx();
}

/** The entries of the zip, checked against ZIP_LIMITS by what they declare. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const v = view(bytes);
  const { count, offset } = directory(bytes);
  if (count > ZIP_LIMITS.entries) {
    throw new FileTooLarge(`Tệp Excel có quá nhiều phần (tối đa ${vn(ZIP_LIMITS.entries)}).`);
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (v.u32(at) !== CENTRAL) throw unreadableXlsx();
    const flags = v.u16(at + 8);
    const nameLength = v.u16(at + 28);
    const extraLength = v.u16(at + 30);
    const commentLength = v.u16(at + 32);
    let compressedSize = v.u32(at + 20);
    let size = v.u32(at + 24);
    let localOffset = v.u32(at + 42);
    if (at + 46 + nameLength > bytes.length) throw unreadableXlsx();
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (size === SATURATED || compressedSize === SATURATED || localOffset === SATURATED) {
      const [s, c, o] = zip64Sizes(bytes, at + 46 + nameLength, extraLength, [
        size === SATURATED,
        compressedSize === SATURATED,
        localOffset === SATURATED,
      ]);
      [size, compressedSize, localOffset] = [s ?? size, c ?? compressedSize, o ?? localOffset];
    }
    // Bit 0: encrypted; a workbook saved with a password is not a zip at all, so this is a forgery.
    const method = v.u16(at + 10);
    if (flags & 1 || (method !== 0 && method !== 8)) throw unreadableXlsx();
    total += size;
    if (total > ZIP_LIMITS.inflatedBytes) {
      throw new FileTooLarge(
        `Tệp Excel giải nén ra quá lớn (tối đa ${ZIP_LIMITS.inflatedBytes / 1024 / 1024} MB). Hãy tách tệp, hoặc xoá các trang tính và hình ảnh không cần thiết.`,
      );
    }
    if (size > ZIP_LIMITS.ratioFrom && size > ZIP_LIMITS.ratio * compressedSize) {
      throw new FileTooLarge(
        `Tệp Excel bị nén bất thường (phần ${name} giải nén ra lớn gấp hơn ${ZIP_LIMITS.ratio} lần): hệ thống không mở tệp này.`,
      );
    }
    entries.push({ name, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const v = view(bytes);
  if (v.u32(entry.localOffset) !== LOCAL) throw unreadableXlsx();
  const start =
    entry.localOffset + 30 + v.u16(entry.localOffset + 26) + v.u16(entry.localOffset + 28);
  if (start + entry.compressedSize > bytes.length) throw unreadableXlsx();
  return bytes.subarray(start, start + entry.compressedSize);
}
