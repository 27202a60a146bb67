/**
 * The size an image declares in its header, read before anything decodes it. A few dozen bytes of
 * PNG can declare 100000×100000 pixels (40 GB once decoded): the staff member's browser that
 * opens the photo, or any thumbnailer, would try. Photos over a pixel budget are refused on
 * arrival, by their header alone: JPEG's frame header (SOFn), PNG's IHDR.
 */
import type { MediaType } from './image-metadata.ts';

/** At most 40 megapixels: a 200 MP phone photo is refused, an A4 page scanned at 600 dpi (35 MP) is not. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** And at most this many pixels a side, however thin the strip. */
export const MAX_IMAGE_SIDE = 20_000;

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * The width and height a JPEG or PNG declares, or undefined when its header cannot be read (no
 * frame header before the image data, a zero side, a truncated chunk). Other types: undefined.
 */
export function declaredImageSize(bytes: Uint8Array, type: MediaType): ImageSize | undefined {
  const size =
    type === 'image/png' ? pngSize(bytes) : type === 'image/jpeg' ? jpegSize(bytes) : undefined;
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

/** Whether an image of that size is over the budget (pixels in all, or one side). */
export function isTooLarge({ width, height }: ImageSize): boolean {
  return width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS;
}

function pngSize(bytes: Uint8Array): ImageSize | undefined {
  // The signature (8 bytes), then IHDR must come first: length 13, type, width, height.
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') {
    return undefined;
  }
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Frame headers: SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const isFrameHeader = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // The image data starts, or the file ends, before any frame header: no size to trust.
    if (marker === 0xda || marker === 0xd9) return undefined;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) return undefined;
    if (isFrameHeader(marker) || marker === 0xde) {
      // SOFn and DHP (a hierarchical image's whole size): precision, height, width.
      if (length < 7) return undefined;
      return {
        height: (bytes[at + 5]! << 8) | bytes[at + 6]!,
        width: (bytes[at + 7]! << 8) | bytes[at + 8]!,
      };
    }
    at += 2 + length;
  }
  return undefined;
}
