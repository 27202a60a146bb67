/**
 * A DOCX read back for tests: unzipped with the catalogue's own zip reader, and its
 * word/document.xml taken apart into runs (text and their formatting), paragraphs and tables.
 */
import { inflateRawSync } from 'node:zlib';
import { entryData, readZipDirectory } from '../catalogue/files/zip-directory.ts';

/** Every part of the package by its name. */
export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  for (const entry of readZipDirectory(bytes)) {
    const data = entryData(bytes, entry);
    parts.set(entry.name, entry.method === 0 ? Buffer.from(data) : inflateRawSync(data));
  }
  return parts;
}

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of a piece of WordprocessingML: its <w:t> joined. */
export const textOf = (xml: string) =>
  decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

export interface Run {
  text: string;
  size: number | null;
  bold: boolean;
  italic: boolean;
  font: string | null;
  drawing: boolean;
}

export function runs(xml: string): Run[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, body]) => {
    const props = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body!)?.[1] ?? '';
    return {
      text: textOf(body!),
      size: Number(/<w:sz w:val="(\d+)"/.exec(props)?.[1] ?? NaN) || null,
      bold: /<w:b\/>/.test(props),
      italic: /<w:i\/>/.test(props),
      font: /<w:rFonts w:ascii="([^"]+)"/.exec(props)?.[1] ?? null,
      drawing: body!.includes('<w:drawing>'),
    };
  });
}

export const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([whole, body]) => ({
    xml: whole,
    props: /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body!)?.[1] ?? '',
    text: textOf(body!),
  }));

/** Each table with its rows, each row the text of its cells. */
export const tables = (xml: string) =>
  [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([whole]) => ({
    xml: whole,
    rows: [...whole.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, c]) => textOf(c!)),
    ),
  }));
