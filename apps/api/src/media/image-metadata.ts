/**
 * Photos and scans keep no metadata on the server: a phone's camera writes where and when the
 * picture was taken (EXIF GPS) and the device's make into the file, and a citizen sending a photo
 * of a queue does not mean to send their home's coordinates. The phone page re-encodes photos on
 * the device (which drops EXIF); this is the second line of defence, for any client: the type is
 * read from the bytes (never the declared type), JPEG APPn segments other than JFIF (APP0) and
 * Adobe's colour transform (APP14), and comments, are cut out; PNG text, time and eXIf chunks are
 * cut out. Anything else is refused.
 */

export type MediaType = 'image/jpeg' | 'image/png' | 'application/pdf';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The type the bytes are, by their signature; undefined for anything we do not keep. */
export function sniffMediaType(bytes: Uint8Array): MediaType | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length > 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') {
    return 'application/pdf';
  }
  return undefined;
}

/** JPEG markers whose segment is kept: APP0 (JFIF) and APP14 (Adobe), everything not APPn/COM. */
const keepJpegSegment = (marker: number) =>
  marker === 0xe0 || marker === 0xee || !((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe);

/**
 * The JPEG without its metadata segments, or undefined when the bytes are not a well-formed
 * JPEG up to the start of the image data (the scan after SOS is copied as it is).
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    if (marker === undefined) return undefined;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      parts.push(bytes.subarray(at, at + 2));
      return concat(parts);
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      parts.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) return undefined;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return undefined;
    if (marker === 0xda) {
      // Start of scan: the compressed image follows to the end; no metadata lives in it.
      parts.push(bytes.subarray(at));
      return concat(parts);
    }
    if (keepJpegSegment(marker)) parts.push(bytes.subarray(at, end));
    at = end;
  }
  return undefined;
}

const DROPPED_PNG_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/** The PNG without text, time and EXIF chunks, or undefined when its chunks do not add up. */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const end = at + 12 + length;
    if (end > bytes.length) return undefined;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!DROPPED_PNG_CHUNKS.has(type)) parts.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return concat(parts);
  }
  return undefined;
}

export interface CleanMedia {
  mediaType: MediaType;
  bytes: Uint8Array;
}

/**
 * The bytes as we store them, if they are one of the `allowed` types: images without metadata,
 * PDFs (staff scans) as they are. Undefined for anything else or anything malformed.
 */
export function cleanMedia(
  bytes: Uint8Array,
  allowed: readonly MediaType[],
): CleanMedia | undefined {
  const mediaType = sniffMediaType(bytes);
  if (!mediaType || !allowed.includes(mediaType)) return undefined;
  const clean =
    mediaType === 'image/jpeg'
      ? stripJpegMetadata(bytes)
      : mediaType === 'image/png'
        ? stripPngMetadata(bytes)
        : bytes;
  return clean && { mediaType, bytes: clean };
}

/** Whether a JPEG still carries an EXIF segment (APP1 "Exif"), for tests and checks. */
export function hasExif(bytes: Uint8Array): boolean {
  for (let i = 0; i + 10 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xe1) {
      if (String.fromCharCode(...bytes.subarray(i + 4, i + 8)) === 'Exif') return true;
    }
  }
  return false;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
