import { z } from 'zod';
import { isStorableText, normalizeText } from '@hailong/domain';

const UNSTORABLE = 'characters that cannot be stored (U+0000, control characters, lone surrogates)';

/**
 * A string both databases store unchanged (see isStorableText): checked per record, so one bad
 * record is refused alone instead of failing its batch on PostgreSQL.
 */
export const storable = () => z.string().refine(isStorableText, UNSTORABLE);

/** A trimmed, NFC-normalised, non-empty string of at most `max` characters. */
export const text = (max: number) =>
  storable().transform(normalizeText).pipe(z.string().min(1).max(max));

export const Id = storable().min(1).max(64);

/** An instant on the wire: ISO 8601 in UTC, e.g. "2026-11-23T08:30:00.000Z". */
export const Instant = z.iso.datetime();
