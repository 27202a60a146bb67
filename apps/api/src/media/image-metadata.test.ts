import { describe, expect, it } from 'vitest';
import { cleanMedia, hasExif, sniffMediaType, stripJpegMetadata } from './image-metadata.ts';

const segment = (marker: number, payload: number[] | string) => {
  const bytes = typeof payload === 'string' ? [...Buffer.from(payload, 'latin1')] : payload;
  const length = bytes.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...bytes];
};
const JFIF = segment(0xe0, 'JFIF\0\x01\x01\0\0\x01\0\x01\0\0');
const EXIF = segment(0xe1, 'Exif\0\0MM\0*GPSLatitude 21.0285 N GPSLongitude 105.8542 E');
const XMP = segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Hà Nội</x:xmpmeta>');
const COMMENT = segment(0xfe, 'Chụp tại nhà số 12');
const DQT = segment(0xdb, [0, ...Array.from({ length: 64 }, () => 1)]);
const SOS = [...segment(0xda, [1, 1, 0, 0, 63, 0]), 0x12, 0x34, 0xff, 0x00, 0x56];
const EOI = [0xff, 0xd9];
const jpeg = (...parts: number[][]) => new Uint8Array([0xff, 0xd8, ...parts.flat()]);

describe('image metadata', () => {
  it('cuts EXIF, XMP and comments out of a JPEG and keeps the image data byte for byte', () => {
    const photo = jpeg(JFIF, EXIF, XMP, COMMENT, DQT, SOS, EOI);
    expect(hasExif(photo)).toBe(true);
    const clean = stripJpegMetadata(photo)!;
    expect(hasExif(clean)).toBe(false);
    expect([...clean]).toEqual([...jpeg(JFIF, DQT, SOS, EOI)]);
    const text = Buffer.from(clean).toString('latin1');
    for (const gone of ['GPS', 'xmpmeta', 'Chụp']) expect(text).not.toContain(gone);
  });

  it('reads the type from the bytes, and refuses what it does not keep or cannot follow', () => {
    expect(sniffMediaType(jpeg(JFIF, SOS))).toBe('image/jpeg');
    expect(sniffMediaType(new TextEncoder().encode('%PDF-1.7 …'))).toBe('application/pdf');
    expect(sniffMediaType(new TextEncoder().encode('<svg onload="x()">'))).toBeUndefined();
    expect(cleanMedia(new TextEncoder().encode('%PDF-1.7'), ['image/jpeg'])).toBeUndefined();
    // A segment length running past the end: malformed, refused rather than stored half-read.
    expect(cleanMedia(jpeg([0xff, 0xe1, 0x40, 0x00, 1, 2]), ['image/jpeg'])).toBeUndefined();
  });

  it('cuts text and EXIF chunks out of a PNG', () => {
    const chunk = (type: string, data: number[]) => {
      const length = [0, 0, 0, data.length];
      return [...length, ...Buffer.from(type, 'latin1'), ...data, 0, 0, 0, 0];
    };
    const png = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]),
      ...chunk('tEXt', [...Buffer.from('GPS\0Hà Nội')]),
      ...chunk('eXIf', [1, 2, 3]),
      ...chunk('IDAT', [1, 2]),
      ...chunk('IEND', []),
    ]);
    const clean = cleanMedia(png, ['image/png'])!;
    expect(clean.mediaType).toBe('image/png');
    const text = Buffer.from(clean.bytes).toString('latin1');
    expect(text).toContain('IDAT');
    expect(text).not.toContain('tEXt');
    expect(text).not.toContain('eXIf');
  });
});
