/** The console's client for language packs and their clips, and the report's answer modes (issue 27). */
import {
  AnswerModes,
  LanguagePack,
  LanguagePackList,
  LanguagePackSummary,
  type LanguagePackInput,
} from '@hailong/contracts';
import { ApiError, type ApiErrorCode } from './api-client.ts';
import { DELETE, GET, PUT, empty, parsed } from './api-client.ts';

/** The type a clip's extension says, for files the browser gives no type. */
const AUDIO_TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
};

export const clipUrl = (language: string, file: string) =>
  `/api/v1/language-packs/${encodeURIComponent(language)}/clips/${encodeURIComponent(file)}`;

export const languageApi = {
  list: (signal?: AbortSignal) =>
    parsed(GET('/api/v1/language-packs', { signal }), LanguagePackList),
  pack: (language: string, signal?: AbortSignal) =>
    parsed(
      GET('/api/v1/language-packs/{language}', { params: { path: { language } }, signal }),
      LanguagePack,
    ),
  upload: (language: string, body: LanguagePackInput) =>
    parsed(
      PUT('/api/v1/language-packs/{language}', { params: { path: { language } }, body }),
      LanguagePackSummary,
    ),
  remove: (language: string) =>
    empty(DELETE('/api/v1/language-packs/{language}', { params: { path: { language } } })),
  /** Sends a clip's raw bytes with its audio type (the document describes the body in words). */
  async uploadClip(language: string, file: File): Promise<void> {
    const extension = file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase();
    const res = await fetch(clipUrl(language, file.name.toLowerCase()), {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        'content-type': AUDIO_TYPES[extension] ?? (file.type || 'application/octet-stream'),
      },
      body: file,
    });
    if (res.ok) return;
    const body = (await res.json().catch(() => null)) as {
      error?: { code: ApiErrorCode; message: string };
    } | null;
    throw new ApiError(res.status, body?.error?.code ?? 'bad_response', body?.error?.message ?? '');
  },
  answerModes: (node: string | undefined, period: string, signal?: AbortSignal) =>
    parsed(
      GET('/api/v1/reports/answer-modes', { params: { query: { node, period } }, signal }),
      AnswerModes,
    ),
};
