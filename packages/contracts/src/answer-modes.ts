/**
 * How a node's citizens answered over a period (issue 27): counted ratings per language, with the
 * spoken prompts ("Nghe") and with large text — GET /api/v1/reports/answer-modes.
 */
import { z } from 'zod';
import { Id } from './common.ts';
import { LanguageTag } from './language-packs.ts';

export const AnswerModes = z
  .object({
    nodeId: Id.nullable(),
    period: z.string(),
    /** Counted ratings in the period, whatever their mode. */
    total: z.number().int(),
    /** Counted ratings per language, most first (Vietnamese always listed). */
    languages: z.array(
      z.object({
        language: LanguageTag,
        name: z.string(),
        nameVi: z.string(),
        count: z.number().int(),
      }),
    ),
    /** Counted ratings given with the spoken prompts ("Nghe"). */
    audio: z.number().int(),
    /** Counted ratings given with large text and high contrast. */
    largeText: z.number().int(),
  })
  .meta({ id: 'AnswerModes' });
export type AnswerModes = z.infer<typeof AnswerModes>;
