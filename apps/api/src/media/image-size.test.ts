import { describe, expect, it } from 'vitest';
import { cameraPhoto, pngDeclaring } from '../../../../test/support/photos.ts';
import { declaredImageSize, isTooLarge } from './image-size.ts';

const jpeg = (...parts: number[][]) => new Uint8Array([0xff, 0xd8, ...parts.flat()]);
const frame = (marker: number, width: number, height: number) => [
  ...[0xff, marker, 0, 11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff],
  ...[1, 1, 0x11, 0],
];
const DHT = [0xff, 0xc4, 0, 3, 0];
const SOS = [0xff, 0xda, 0, 8, 1, 1, 0, 0, 63, 0, 0x12];

describe('the size an image declares', () => {
  it('reads PNG IHDR and JPEG frame headers, baseline or progressive', () => {
    expect(declaredImageSize(pngDeclaring(100_000, 100_000), 'image/png')).toEqual({
      width: 100_000,
      height: 100_000,
    });
    expect(declaredImageSize(cameraPhoto(), 'image/jpeg')).toEqual({ width: 1600, height: 1200 });
    // DHT (C4) shares the SOF range and is skipped; SOF2 is a progressive frame.
    expect(declaredImageSize(jpeg(DHT, frame(0xc2, 4000, 3000), SOS), 'image/jpeg')).toEqual({
      width: 4000,
      height: 3000,
    });
  });

  it('has no size for a header it cannot trust', () => {
    // Image data before any frame header, a zero side, a truncated segment, IHDR not first.
    expect(declaredImageSize(jpeg(SOS), 'image/jpeg')).toBeUndefined();
    expect(declaredImageSize(jpeg(frame(0xc0, 640, 0), SOS), 'image/jpeg')).toBeUndefined();
    expect(declaredImageSize(jpeg([0xff, 0xc0, 0, 11, 8, 1]), 'image/jpeg')).toBeUndefined();
    expect(declaredImageSize(pngDeclaring(0, 10), 'image/png')).toBeUndefined();
    const idatFirst = pngDeclaring(10, 10);
    idatFirst.set([0x49, 0x44, 0x41, 0x54], 12);
    expect(declaredImageSize(idatFirst, 'image/png')).toBeUndefined();
    expect(declaredImageSize(new Uint8Array(8), 'image/png')).toBeUndefined();
  });

  it.each([
    [8000, 5000, false],
    [8001, 5000, true],
    [100_000, 100_000, true],
    [20_000, 1, false],
    [20_001, 1, true],
    [1, 60_000, true],
  ])('%i×%i is too large: %s', (width, height, large) => {
    expect(isTooLarge({ width, height })).toBe(large);
  });
});
