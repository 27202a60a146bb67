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

/** A small JPEG-shaped file (structure only, not decodable) with EXIF GPS in it. */
export function cameraPhoto(): Uint8Array {
  const jfif = segment(0xe0, 'JFIF\0\x01\x01\0\0\x01\0\x01\0\0');
  const sos = [0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0, 0x12, 0x34];
  return withExif(new Uint8Array([0xff, 0xd8, ...jfif, ...sos, 0xff, 0xd9]));
}
