/**
 * Issue 27: every citizen-facing text of the kiosk, the phone page and `/public` comes from a
 * language pack — data, not code — so a province adds Khmer, Hmong, Tày, Thái, Ê Đê or Jrai by
 * uploading a file. Vietnamese (the reference every pack is checked against) and English ship
 * with the product; a province may upload recorded clips for any language, Vietnamese included.
 *
 * A pack's `texts` are keyed by surface: `kiosk.…`, `phone.…`, `public.…`. A text is a plain
 * string with `{name}` placeholders, or, in a pack whose `plural` is `one-other`, an object
 * `{ one, other }` chosen by the `{count}` it is given. `scale` holds the labels of the rating
 * scales, worst level first. `clips` names, for a text key or a scale label (`scale.five.4`), the
 * uploaded audio file that reads it aloud.
 */
import { z } from 'zod';

export const LANGUAGE_PACK_FORMAT = 'hailong-language-pack/1';

/** A BCP 47 tag as packs use it: a 2–3 letter language (ISO 639), an optional script and region. */
export const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/, 'language: a BCP 47 tag such as km or hnj');
export type LanguageTag = z.infer<typeof LanguageTag>;

/** An uploaded clip's file name inside its pack: lower-case, no path, an audio extension. */
export const ClipFileName = z
  .string()
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._-]*\.(mp3|ogg|opus|m4a|wav)$/, 'clip: a file name such as cau-hoi.mp3');

export const PackPluralText = z.strictObject({
  one: z.string().min(1).max(2000),
  other: z.string().min(1).max(2000),
});
export const PackText = z.union([z.string().min(1).max(2000), PackPluralText]);
export type PackText = z.infer<typeof PackText>;

export const LanguagePack = z
  .strictObject({
    format: z.literal(LANGUAGE_PACK_FORMAT),
    language: LanguageTag,
    /** The language's name in its own script, as the language choice shows it ("ភាសាខ្មែរ"). */
    name: z.string().min(1).max(60),
    /** Its name in Vietnamese, for staff and the console ("Tiếng Khmer"). */
    nameVi: z.string().min(1).max(60),
    /** The tag the device's speech synthesis is asked for when a clip is missing (default: language). */
    speech: z.string().max(35).optional(),
    /** `other`: one form for every number (Vietnamese, Khmer…); `one-other`: English-like. */
    plural: z.enum(['other', 'one-other']),
    scale: z.strictObject({
      five: z.array(z.string().min(1).max(120)).length(5),
      three: z.array(z.string().min(1).max(120)).length(3),
    }),
    texts: z.record(z.string().regex(/^(kiosk|phone|public)\.[A-Za-z0-9_.-]+$/), PackText),
    clips: z.record(z.string().max(120), ClipFileName).default({}),
  })
  .meta({ id: 'LanguagePack' });
export type LanguagePack = z.output<typeof LanguagePack>;
export type LanguagePackInput = z.input<typeof LanguagePack>;

/** One problem found when a pack is validated against the Vietnamese reference. */
export const LanguagePackProblem = z
  .object({
    code: z.enum([
      'missing_text',
      'unknown_text',
      'markup',
      'placeholders',
      'plural_form',
      'unknown_clip_key',
      'missing_clip_file',
    ]),
    /** The text key, `scale.five.4` or a clip's key. */
    key: z.string(),
    /** In Vietnamese, for the admin who uploaded the pack. */
    message: z.string(),
  })
  .meta({ id: 'LanguagePackProblem' });
export type LanguagePackProblem = z.infer<typeof LanguagePackProblem>;

/** A language the kiosk and the phone page may offer: what the choice shows, and its version. */
export const LanguagePackSummary = z
  .object({
    language: LanguageTag,
    name: z.string(),
    nameVi: z.string(),
    /** Built in (vi, en) or uploaded by the province. */
    builtIn: z.boolean(),
    /** SHA-256 (hex) of the pack as served, clips included by name and hash: changes on any upload. */
    version: z.string(),
    clipCount: z.number().int().min(0),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'LanguagePackSummary' });
export type LanguagePackSummary = z.infer<typeof LanguagePackSummary>;

export const LanguagePackList = z
  .object({ items: z.array(LanguagePackSummary) })
  .meta({ id: 'LanguagePackList' });
export type LanguagePackList = z.infer<typeof LanguagePackList>;

/**
 * How a citizen answered, recorded with each rating (issue 27) so the report can count how many
 * used another language, the spoken prompts or the large text — no other personal data. All
 * optional: records of older kiosks and pages carry none and count as Vietnamese, visual, normal.
 */
export const AnswerMode = {
  /** The pack the screens were in when the level was pressed. */
  language: LanguageTag.optional(),
  /** The "Nghe" mode was on: the prompts were read aloud and the face confirmed. */
  audio: z.boolean().optional(),
  /** The large-text, high-contrast switch was on. */
  largeText: z.boolean().optional(),
};
