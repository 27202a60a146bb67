/**
 * A picture for Chromium's fake camera (`--use-file-for-fake-video-capture`): a QR code of `text`
 * drawn with the `qrcode` package, centred on a white 640×480 frame, written as a one-frame Y4M
 * file (4:2:0), which Chromium plays in a loop.
 */
import { writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';
import { PNG } from 'pngjs';

const WIDTH = 640;
const HEIGHT = 480;

export async function qrCameraFile(text: string, path: string): Promise<string> {
  const png = PNG.sync.read(await QRCode.toBuffer(text, { scale: 8, margin: 4 }));
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255);
  const left = Math.floor((WIDTH - png.width) / 2);
  const top = Math.floor((HEIGHT - png.height) / 2);
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      // Black and white only: the luma of the pixel's red channel is enough.
      luma[(top + y) * WIDTH + left + x] = png.data[i]! < 128 ? 16 : 235;
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const header = `YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`;
  await writeFile(path, Buffer.concat([Buffer.from(header), Buffer.from('FRAME\n'), luma, chroma]));
  return path;
}
