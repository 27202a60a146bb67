/**
 * What an uploaded clip may be (issue 27): MP3, Ogg (Vorbis or Opus), WAV or M4A, at most 2 MB,
 * its declared type, its file name's extension and its first bytes agreeing — a browser plays it
 * as the type the server says, so the server says only what the bytes are.
 */
import { ApiError } from '../http/errors.ts';

export const MAX_CLIP_BYTES = 2 * 1024 * 1024;

type AudioType = 'audio/mpeg' | 'audio/ogg' | 'audio/wav' | 'audio/mp4';

/** Declared types as browsers and tools send them, to the one the server serves. */
const TYPES: Readonly<Record<string, AudioType>> = {
  'audio/mpeg': 'audio/mpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/ogg': 'audio/ogg',
  'audio/opus': 'audio/ogg',
  'audio/wav': 'audio/wav',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/mp4': 'audio/mp4',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
};

const EXTENSIONS: Readonly<Record<string, AudioType>> = {
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
};

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length &&
  [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));

/** The type the bytes are, by their magic: RIFF/WAVE, ID3 or an MPEG frame sync, OggS, ftyp. */
export function sniffAudio(bytes: Uint8Array): AudioType | undefined {
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return 'audio/wav';
  if (ascii(bytes, 0, 'OggS')) return 'audio/ogg';
  if (ascii(bytes, 4, 'ftyp')) return 'audio/mp4';
  if (ascii(bytes, 0, 'ID3')) return 'audio/mpeg';
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0) return 'audio/mpeg';
  return undefined;
}

/** The type to store and serve `bytes` as; 413, 415 or 422 with a Vietnamese message. */
export function checkClip(
  file: string,
  declared: string | undefined,
  bytes: Uint8Array,
): AudioType {
  if (bytes.length > MAX_CLIP_BYTES) {
    throw new ApiError(413, 'payload_too_large', 'Tệp âm thanh lớn hơn 2 MB.');
  }
  const type = TYPES[(declared ?? '').split(';')[0]!.trim().toLowerCase()];
  if (!type) {
    throw new ApiError(
      415,
      'unsupported_audio',
      'Chỉ nhận tệp âm thanh MP3, OGG, WAV hoặc M4A (audio/mpeg, audio/ogg, audio/wav, audio/mp4).',
    );
  }
  if (EXTENSIONS[file.slice(file.lastIndexOf('.') + 1)] !== type) {
    throw new ApiError(
      422,
      'unsupported_audio',
      `Tên tệp "${file}" không khớp loại âm thanh gửi lên.`,
    );
  }
  if (bytes.length === 0 || sniffAudio(bytes) !== type) {
    throw new ApiError(
      422,
      'unsupported_audio',
      `Nội dung tệp "${file}" không phải âm thanh đúng loại đã khai báo.`,
    );
  }
  return type;
}
