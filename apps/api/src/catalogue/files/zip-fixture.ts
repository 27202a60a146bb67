/**
 * Workbooks built byte by byte, for the tests and the bench: honest ones of any SpreadsheetML, and
 * bombs: a part that inflates to gigabytes from a megabyte (deflate blocks repeated after a full
 * flush), parts whose declared sizes lie, too many parts.
 */
import { constants, deflateRawSync } from 'node:zlib';

export interface FixturePart {
  name: string;
  /** The bytes stored for the part (deflated unless `method` is 0). */
  data: Uint8Array;
  /** The size the zip declares once inflated; the real one unless a test wants it to lie. */
  size: number;
  method?: 0 | 8;
}

const encode = (text: string) => new TextEncoder().encode(text);

/** `text` deflated, declaring its true size. */
export function part(name: string, text: string | Uint8Array): FixturePart {
  const bytes = typeof text === 'string' ? encode(text) : text;
  return { name, data: deflateRawSync(bytes), size: bytes.length };
}

/**
 * A deflate stream that inflates to `head`, then `block` `times` over, then `tail`: `block` is
 * deflated once after a full flush (which resets the compressor's history), so its compressed bytes
 * can be repeated. A megabyte of a repeated cell costs about a kilobyte.
 */
export function repeated(head: string, block: string, times: number, tail: string) {
  const full = { finishFlush: constants.Z_FULL_FLUSH };
  const once = deflateRawSync(encode(block), full);
  const chunks = [deflateRawSync(encode(head), full)];
  for (let i = 0; i < times; i++) chunks.push(once);
  chunks.push(deflateRawSync(encode(tail)));
  const data = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) data.set(c, (at += c.length) - c.length);
  const size = encode(head).length + encode(block).length * times + encode(tail).length;
  return { data, size };
}

/** A zip of `parts`, with the sizes they declare (CRCs are left 0: the reader does not check them). */
export function zipOf(parts: readonly FixturePart[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = encode(p.name);
    const method = p.method ?? 8;
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(8, method, true);
    l.setUint32(18, p.data.length, true);
    l.setUint32(22, Math.min(p.size, 0xfffffffe), true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(10, method, true);
    c.setUint32(20, p.data.length, true);
    c.setUint32(24, Math.min(p.size, 0xfffffffe), true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, p.data);
    centrals.push(central);
    offset += local.length + p.data.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, parts.length, true);
  e.setUint16(10, parts.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  const all = [...locals, ...centrals, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts around one worksheet: workbook, its relationships, content types. */
export function workbookParts(sheet: FixturePart): FixturePart[] {
  return [
    part(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    part(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Danh mục" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    sheet,
  ];
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** An inline-string cell. */
export const inlineCell = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
