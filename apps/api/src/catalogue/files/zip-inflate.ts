/**
 * A part of a zip inflated as a stream, never beyond what it declared: the moment the bytes really
 * inflated pass the declared size (which readZipDirectory held to its limits), inflation stops and
 * the file is refused as damaged. zlib's stream respects back-pressure, so stopping the reader stops
 * the inflating: a part that claims 20 KB and would inflate to gigabytes costs about 20 KB.
 */
import { createInflateRaw } from 'node:zlib';
import { FileUnreadable } from './file-errors.ts';
import { reportRead } from './read-meter.ts';
import { entryData, unreadableXlsx, type ZipEntry } from './zip-directory.ts';

const CHUNK = 64 * 1024;

const sizeLies = () =>
  new FileUnreadable(
    'Tệp Excel bị hỏng (kích thước khai báo của một phần không đúng). Hãy lưu lại tệp bằng Excel rồi thử lại.',
  );

async function* raw(zip: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const data = entryData(zip, entry);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, at + CHUNK);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: CHUNK });
  inflater.end(data);
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } catch {
    throw unreadableXlsx();
  } finally {
    inflater.destroy();
  }
}

/** The inflated bytes of `entry`, chunk by chunk, refused once they pass its declared size. */
export async function* inflateEntry(zip: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  try {
    for await (const chunk of raw(zip, entry)) {
      bytes += chunk.length;
      if (bytes > entry.size) throw sizeLies();
      yield chunk;
    }
    if (bytes !== entry.size) throw sizeLies();
  } finally {
    reportRead({ part: entry.name, declared: entry.size, bytes });
  }
}
