/**
 * A photo as a phone's camera writes it: a JPEG with an EXIF segment holding GPS coordinates, for
 * tests that check the server keeps no location. `withExif` puts such a segment into any JPEG.
 */
const segment = (marker: number, payload: string) => {
  const bytes = [...Buffer.from(payload, 'latin1')];
  const length = bytes.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...bytes];
};

export const GPS_TEXT = 'GPSLatitude 21.0285 N GPSLongitude 105.8542 E';
const EXIF = segment(0xe1, `Exif\0\0MM\0*${GPS_TEXT}`);

/** The JPEG with an EXIF segment right after its start-of-image marker. */
export function withExif(jpeg: Uint8Array): Uint8Array {
  return new Uint8Array([...jpeg.subarray(0, 2), ...EXIF, ...jpeg.subarray(2)]);
}

/** A JPEG frame header (baseline SOF0, one component) declaring `width`×`height`. */
const sof0 = (width: number, height: number) => [
  0xff,
  0xc0,
  0,
  11,
  8,
  height >> 8,
  height & 0xff,
  width >> 8,
  width & 0xff,
  1,
  1,
  0x11,
  0,
];

/**
 * A small JPEG-shaped file (structure only, not decodable) with EXIF GPS in it, whose frame
 * header declares `width`×`height` (a phone page's 1600×1200 unless said).
 */
export function cameraPhoto(width = 1600, height = 1200): Uint8Array {
  const jfif = segment(0xe0, 'JFIF\0\x01\x01\0\0\x01\0\x01\0\0');
  const sos = [0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0, 0x12, 0x34];
  return withExif(
    new Uint8Array([0xff, 0xd8, ...jfif, ...sof0(width, height), ...sos, 0xff, 0xd9]),
  );
}

/**
 * A PNG of a few dozen bytes whose header (IHDR) declares `width`×`height`: what a decompression
 * bomb looks like before anything decodes it.
 */
export function pngDeclaring(width: number, height: number): Uint8Array {
  const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  const chunk = (type: string, data: number[]) => [
    ...u32(data.length),
    ...Buffer.from(type, 'latin1'),
    ...data,
    0,
    0,
    0,
    0,
  ];
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', [...u32(width), ...u32(height), 8, 2, 0, 0, 0]),
    ...chunk('IDAT', [0x78, 0x9c, 0x03, 0x00]),
    ...chunk('IEND', []),
  ]);
}
