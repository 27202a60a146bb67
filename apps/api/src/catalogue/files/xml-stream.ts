/**
 * XML parts of a workbook read as a stream (saxes), element by element, with names stripped of
 * their prefix (`x:c` is `c`: some writers prefix SpreadsheetML). Nothing is built but what the
 * handler keeps; a handler that throws stops the reading, and so the inflating behind it.
 */
import { SaxesParser } from 'saxes';
import { unreadableXlsx } from './zip-directory.ts';

export interface XmlHandler {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** The value of the attribute whose name, prefix aside, is `name` (`r:id` for `id`). */
export function attribute(attributes: Record<string, string>, name: string): string | undefined {
  if (name in attributes) return attributes[name];
  for (const key in attributes) if (local(key) === name) return attributes[key];
  return undefined;
}

export async function parseXml(
  chunks: AsyncIterable<Uint8Array>,
  handler: XmlHandler,
): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  parser.on('error', () => {
    throw unreadableXlsx();
  });
  const { open, text, close } = handler;
  if (open) parser.on('opentag', (tag) => open(local(tag.name), tag.attributes));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  if (close) parser.on('closetag', (tag) => close(local(tag.name)));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw unreadableXlsx();
    }
  };
  for await (const chunk of chunks) parser.write(decode(chunk));
  parser.write(decode());
  parser.close();
}
