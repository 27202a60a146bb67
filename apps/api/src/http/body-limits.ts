/**
 * How much a request may send: one table for every route that takes a body, inside and outside
 * /api (bounded-body.ts applies it while the body is read). The first rule whose path matches and
 * whose callers include this one wins. `signed-in` means a staff session or a tablet whose token
 * the route has checked; anyone else falls through to the small default: a sign-in, an enrollment,
 * a phone rating or a citizen's verdict take a few hundred bytes (a verdict's 1000 characters, form
 * encoded, under 10 KiB), so that nobody without an account can make the server buffer more.
 */

const KIB = 1024;
const MIB = 1024 * KIB;

/** Callers with neither a session nor a tablet token, on any route without a rule of its own. */
export const ANONYMOUS_MAX_BODY_BYTES = 16 * KIB;
/** Staff and tablets on any API route without a rule of its own: a sync batch of 500 records. */
export const MAX_BODY_BYTES = MIB;

export interface BodyRule {
  path: RegExp;
  maxBytes: number;
  callers: 'anyone' | 'signed-in';
}

export const BODY_RULES: readonly BodyRule[] = [
  // The phone's phản ánh: up to 3 resized photos, without a session (throttled per address).
  { path: /^\/api\/v1\/phone\/units\/[^/]+\/feedback$/, maxBytes: 3 * MIB, callers: 'anyone' },
  // Staff entry of a phản ánh received on paper: a scan of up to 4 MB, base64.
  { path: /^\/api\/v1\/feedback\/entries$/, maxBytes: 6 * MIB, callers: 'signed-in' },
  // A whole province's catalogue, or the one-stop system's dossiers, as CSV or XLSX.
  {
    path: /^\/api\/v1\/(catalogue\/import(\/apply)?|dossiers\/import)$/,
    maxBytes: 5 * MIB,
    callers: 'signed-in',
  },
  // The agency's emblem: a PNG or JPEG of at most 512 KB (public/agency-logo.ts), multipart.
  { path: /^\/api\/v1\/settings\/agency\/logo$/, maxBytes: 520 * KIB, callers: 'signed-in' },
  // A language pack's recorded clip: at most 2 MB of audio, raw (language/clip-format.ts).
  {
    path: /^\/api\/v1\/language-packs\/[^/]+\/clips\/[^/]+$/,
    maxBytes: 2 * MIB,
    callers: 'signed-in',
  },
  { path: /^\/api\//, maxBytes: MAX_BODY_BYTES, callers: 'signed-in' },
];

/** The most this caller may send to `path`. */
export function bodyLimit(path: string, signedIn: boolean): number {
  const rule = BODY_RULES.find((r) => (signedIn || r.callers === 'anyone') && r.path.test(path));
  return rule?.maxBytes ?? ANONYMOUS_MAX_BODY_BYTES;
}

/** The most anyone may send to `path`: a declared length above it is refused unread. */
export function mostAllowed(path: string): number {
  return Math.max(bodyLimit(path, true), bodyLimit(path, false));
}
