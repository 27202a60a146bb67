/**
 * QR codes drawn as one SVG path, with no canvas and no data: URL: sharp at any size, and read
 * by a phone's camera from the tablet's screen. Loaded lazily (see lazy.ts): the encoder is not
 * part of the first screen's budget.
 */
import { create } from 'qrcode';

export interface QrDrawing {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** The dark modules, one rectangle per run of a row, in module units. */
  path: string;
}

export function drawQr(text: string): QrDrawing {
  // Level M survives a glare spot or a smudge on the screen and keeps the code small.
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const { size } = modules;
  let path = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col += 1;
      path += `M${start} ${row}h${col - start}v1h${start - col}z`;
    }
  }
  return { size, path };
}
