/**
 * Which texts the "Nghe" mode reads aloud (issue 27), so which clips a province records: the
 * questions, the choices and the buttons a citizen must hear to answer — not every text — plus
 * each scale's labels (`scale.five.1` … `scale.three.3`).
 */
import type { LanguagePackData } from './pack-text.ts';

/** The text keys read aloud on the kiosk and the phone page (a key a pack lacks is skipped). */
export const CLIPPED_KEYS: readonly string[] = [
  'kiosk.start.welcome',
  'kiosk.start.chooseSector',
  'kiosk.rate.question',
  'kiosk.reasons.title',
  'kiosk.reasons.submit',
  'kiosk.reason.waiting_time',
  'kiosk.reason.came_back',
  'kiosk.reason.staff_attitude',
  'kiosk.reason.unclear_procedure',
  'kiosk.reason.other',
  'kiosk.listen.confirmHint',
  'kiosk.thanks.title',
  'kiosk.thanks.rating',
  'phone.rate.chooseSector',
  'phone.rate.question',
  'phone.more.why',
  'phone.more.send',
  'phone.reason.waiting_time',
  'phone.reason.came_back',
  'phone.reason.staff_attitude',
  'phone.reason.unclear_procedure',
  'phone.reason.other',
  'phone.rated.thanks',
];

export const SCALE_CLIP_KEYS: readonly string[] = [
  ...[1, 2, 3, 4, 5].map((level) => `scale.five.${level}`),
  ...[1, 2, 3].map((level) => `scale.three.${level}`),
];

/** A clip key a pack may name: a scale label's, or (checked by the caller) a text key. */
export function isScaleClipKey(key: string): boolean {
  return SCALE_CLIP_KEYS.includes(key);
}

/** The clip keys of `pack` to record: its clipped texts, then the scale labels. */
export function clipKeysOf(pack: LanguagePackData): string[] {
  return [...CLIPPED_KEYS.filter((key) => pack.texts[key] !== undefined), ...SCALE_CLIP_KEYS];
}

/** A clip's file name for a key, as `ClipFileName` allows: `kiosk.question.wav`. */
export function clipFileName(key: string, extension = 'wav'): string {
  const stem = key
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 70);
  return `${stem}.${extension}`;
}
