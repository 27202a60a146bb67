import { z } from 'zod';

/** Machine-readable error codes; the `message` beside them is for people. */
export const ERROR_CODES = [
  'malformed_json',
  'validation_failed',
  'payload_too_large',
  'not_found',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'csrf_rejected',
  'too_many_requests',
  'conflict',
  /** A code already used by a sibling (units) or within the unit (sectors, counters). */
  'code_taken',
  /** A catalogue file with bad lines; `details` lists `{ line, column, message }`. */
  'import_invalid',
  'invalid_transition',
  'unsupported_protocol',
  'unknown_sector',
  'invalid_code',
  'internal_error',
  /** /readyz: the database does not answer, or migrations are still pending. */
  'not_ready',
  /** The server is stopping: try again in a few seconds (Retry-After). */
  'shutting_down',
  /** Sync, per record: another tablet already stored a record with this id. */
  'id_taken',
  /** Sync, per record: another item already has this tracking code. */
  'tracking_code_taken',
  /** A dossier-code pattern that does not compile as a regular expression. */
  'invalid_pattern',
  /** A dossier-code pattern that could make a backtracking engine take super-linear time. */
  'unsafe_pattern',
  /** A person who may not serve at this counter (not of its unit, disabled, or without a PIN). */
  'not_an_officer',
  /** A tablet that is not bound to a counter reported a duty. */
  'no_counter',
  /** The item has no answer to judge yet, or its verdict on this answer was already given. */
  'verdict_closed',
  'verdict_given',
  /** A verdict without the receipt's verdict token, or with a wrong one. */
  'verdict_token_invalid',
  /** An item made before verdict tokens: its citizen gives the verdict to staff, by phone. */
  'verdict_by_staff',
  /** An attachment that is not an image (or scan) we keep, or is too large. */
  'unsupported_media',
  /** An image whose header declares more pixels than the server keeps (checked before decoding). */
  'image_too_large',
  /** A phone rating's follow-up answers: with another key than the one drawn with the level. */
  'amendment_key_invalid',
  /** …too late (the level stays counted), or after another amendment was applied. */
  'amendment_expired',
  'already_amended',
  /** A follow-up answer the unit does not ask, or one the rating already carries. */
  'not_asked',
  /** A language pack with problems; `details.problems` lists `LanguagePackProblem`s (issue 27). */
  'invalid_language_pack',
  /** The built-in Vietnamese and English packs: only their clips may be uploaded. */
  'built_in_pack',
  /** A clip that is not an MP3, Ogg, WAV or M4A file (type, extension or content). */
  'unsupported_audio',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBody>;
