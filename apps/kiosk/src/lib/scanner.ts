/**
 * Reads a QR code or a barcode from a camera frame with zxing-wasm (ZXing-C++ in WebAssembly).
 * The .wasm file is bundled as one of our own assets and precached: never fetched from a CDN,
 * which the kiosk's CSP would refuse anyway and which a tablet offline could not reach.
 */
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) =>
      path.endsWith('.wasm') ? wasmUrl : prefix + path,
  },
});

/** What receipts of one-stop systems carry: QR codes mostly, sometimes a 1D barcode. */
const OPTIONS: ReaderOptions = {
  formats: ['QRCode', 'DataMatrix', 'Code128', 'Code39', 'ITF', 'PDF417'],
  tryHarder: true,
  maxNumberOfSymbols: 1,
};

/** The text of the first code found in `frame`, or null. */
export async function readCode(frame: ImageData): Promise<string | null> {
  const [found] = await readBarcodes(frame, OPTIONS);
  return found?.isValid && found.text ? found.text : null;
}
