/**
 * The agency's emblem as we keep it: never the uploaded file, but a PNG the server re-drew from
 * it at two small sizes. Re-drawing drops whatever the file carried besides pixels (metadata,
 * extra chunks, a polyglot's other half) and bounds what a reader downloads: the widget, emblem
 * included, must stay under 10 KB on a unit's website. Only PNG and JPEG are taken (read from the
 * bytes, never the declared type); SVG is refused rather than sanitised. The header's declared
 * size is checked before anything decodes the image (media/image-size.ts).
 */
import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import { ApiError } from '../http/errors.ts';
import { sniffMediaType } from '../media/image-metadata.ts';
import { declaredImageSize } from '../media/image-size.ts';
import type { AgencyLogo } from './agency.repository.ts';

/** The largest file taken (the body limit of the upload route says the same: body-limits.ts). */
export const MAX_LOGO_BYTES = 512 * 1024;
/** An emblem is a small picture: a side above this is a photo or a scan, not an emblem. */
export const MAX_LOGO_SIDE = 4096;
/** The masthead shows it 48 px high: sharp on a 2× screen, with room to spare. */
const LARGE_SIDE = 128;
/** The widget shows it 28 px high (56 px on a 2× screen). */
const SMALL_SIDE = 64;
/**
 * The widget's emblem is redrawn smaller until it weighs at most this much: with the page (about
 * 3 KB), the script (under 2 KB) and every answer's headers, the widget stays under 10 KB.
 */
const SMALL_MAX_BYTES = 3.5 * 1024;

const unsupported = (message: string) =>
  new ApiError(
    422,
    'unsupported_media',
    'Biểu trưng phải là ảnh PNG hoặc JPEG, không quá 512 KB, đọc được và không bị hỏng.',
    [{ path: 'file', message }],
  );

/** The emblem at both sizes, or a 422 saying why the file was refused. */
export function drawAgencyLogo(bytes: Uint8Array): AgencyLogo {
  if (bytes.length > MAX_LOGO_BYTES) throw unsupported(`at most ${MAX_LOGO_BYTES} bytes`);
  const type = sniffMediaType(bytes);
  if (type !== 'image/png' && type !== 'image/jpeg') throw unsupported('PNG or JPEG only');
  const size = declaredImageSize(bytes, type);
  if (!size) throw unsupported('no readable image header');
  if (size.width > MAX_LOGO_SIDE || size.height > MAX_LOGO_SIDE) {
    throw new ApiError(
      422,
      'image_too_large',
      `Ảnh biểu trưng quá lớn: mỗi cạnh không quá ${MAX_LOGO_SIDE} điểm ảnh.`,
      [{ path: 'file', message: `${size.width}×${size.height}: at most ${MAX_LOGO_SIDE} a side` }],
    );
  }
  const source = `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
  const large = redraw(source, size, LARGE_SIDE);
  let small = redraw(source, size, SMALL_SIDE);
  for (let side = SMALL_SIDE - 8; small.length > SMALL_MAX_BYTES && side >= 32; side -= 8) {
    small = redraw(source, size, side);
  }
  const version = createHash('sha256').update(large).update(small).digest('hex').slice(0, 16);
  return { large, small, version };
}

/** The image fitted into `side` × `side` (never enlarged), as a PNG. */
function redraw(source: string, size: { width: number; height: number }, side: number) {
  const scale = Math.min(1, side / Math.max(size.width, size.height));
  const width = Math.max(1, Math.round(size.width * scale));
  const height = Math.max(1, Math.round(size.height * scale));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${size.width} ${size.height}"><image href="${source}" ` +
    `width="${size.width}" height="${size.height}"/></svg>`;
  const image = new Resvg(svg).render();
  // A file whose header reads but whose pixels do not decodes to nothing at all.
  if (!image.pixels.some((byte) => byte !== 0)) throw unsupported('the image does not decode');
  return new Uint8Array(image.asPng());
}
