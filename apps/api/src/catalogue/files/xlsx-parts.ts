/**
 * The parts of a workbook a sheet's text depends on, each read as a stream: the sheets in their
 * order and where they are (workbook.xml and its relationships), which styles show dates
 * (styles.xml) and the shared strings. A cell's text is what ExcelJS made of it before: formulas by
 * their cached result, rich text by its characters, numbers as written, dates as ISO instants.
 */
import { SHEET_LIMITS } from './sheet-limits.ts';
import { FileUnreadable, vn } from './file-errors.ts';
import { attribute, parseXml } from './xml-stream.ts';
import { inflateEntry } from './zip-inflate.ts';
import type { ZipEntry } from './zip-directory.ts';

export interface Workbook {
  /** The worksheets' parts, in the order the workbook shows them. */
  sheets: ZipEntry[];
  date1904: boolean;
  /** Per cell style (`s`), whether its number format shows a date. */
  dateStyles: boolean[];
  /** By index; null for a string longer than a cell may be (refused if a cell uses it). */
  strings: (string | null)[];
}

export type Parts = Map<string, ZipEntry>;

/** Built-in formats that show dates (ids 14–22, 45–47); any other built-in shows a number. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** ExcelJS's rule: a date letter outside [brackets] and "quotes". */
function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/[\\](.)/g, '$1')
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** `target` of a relationship of `xl/workbook.xml`, as a part name. */
function resolve(target: string): string {
  const segments = target.startsWith('/') ? [] : ['xl'];
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '' && s !== '.') segments.push(s);
  }
  return segments.join('/');
}

async function readRelationships(zip: Uint8Array, parts: Parts) {
  const byId = new Map<string, { type: string; part: string }>();
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!rels) return byId;
  await parseXml(inflateEntry(zip, rels), {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target) return;
      byId.set(a.Id, { type: (a.Type ?? '').split('/').pop()!, part: resolve(a.Target) });
    },
  });
  return byId;
}

async function readSheetList(zip: Uint8Array, parts: Parts) {
  const workbook = parts.get('xl/workbook.xml');
  if (!workbook) {
    throw new FileUnreadable(
      'Không đọc được tệp Excel (.xlsx). Hãy lưu lại tệp bằng Excel rồi thử lại.',
    );
  }
  const ids: string[] = [];
  let date1904 = false;
  await parseXml(inflateEntry(zip, workbook), {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet') ids.push(attribute(a, 'id') ?? '');
    },
  });
  return { ids, date1904 };
}

async function readDateStyles(zip: Uint8Array, entry: ZipEntry | undefined): Promise<boolean[]> {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await parseXml(inflateEntry(zip, entry), {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats.map((id) => {
    const code = custom.get(id);
    return code === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormat(code);
  });
}

async function readSharedStrings(zip: Uint8Array, entry: ZipEntry | undefined) {
  const strings: (string | null)[] = [];
  if (!entry) return strings;
  let current: string | null = '';
  let inText = false;
  let phonetic = false;
  await parseXml(inflateEntry(zip, entry), {
    open(name) {
      if (name === 'si') {
        if (strings.length >= SHEET_LIMITS.cells) {
          throw new FileUnreadable(
            `Tệp có quá nhiều ô có dữ liệu (tối đa ${vn(SHEET_LIMITS.cells)}).`,
          );
        }
        current = '';
      } else if (name === 't') inText = !phonetic;
      else if (name === 'rPh') phonetic = true;
    },
    text(text) {
      if (!inText || current === null) return;
      current += text;
      if (current.length > SHEET_LIMITS.cellChars) current = null;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic = false;
      else if (name === 'si') strings.push(current);
    },
  });
  return strings;
}

/** What the sheets' cells need, read before any sheet. */
export async function readWorkbook(zip: Uint8Array, parts: Parts): Promise<Workbook> {
  const { ids, date1904 } = await readSheetList(zip, parts);
  const rels = await readRelationships(zip, parts);
  const of = (type: string, fallback: string) =>
    parts.get([...rels.values()].find((r) => r.type === type)?.part ?? fallback);
  const sheets = ids
    .map((id) => rels.get(id))
    .filter((r) => r?.type === 'worksheet')
    .map((r) => parts.get(r!.part))
    .filter((e): e is ZipEntry => e !== undefined);
  return {
    sheets,
    date1904,
    dateStyles: await readDateStyles(zip, of('styles', 'xl/styles.xml')),
    strings: await readSharedStrings(zip, of('sharedStrings', 'xl/sharedStrings.xml')),
  };
}
