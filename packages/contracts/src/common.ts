import { z } from 'zod';
import { normalizeText } from '@hailong/domain';

/** A trimmed, NFC-normalised, non-empty string of at most `max` characters. */
export const text = (max: number) =>
  z.string().transform(normalizeText).pipe(z.string().min(1).max(max));

export const Id = z.string().min(1).max(64);

/** An instant on the wire: ISO 8601 in UTC, e.g. "2026-11-23T08:30:00.000Z". */
export const Instant = z.iso.datetime();
