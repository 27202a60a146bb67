/**
 * Levels the citizen pressed, kept on the phone (issue 21), in two places:
 * - unsent levels in localStorage, written before the request leaves and dropped once the server
 *   has the level: a dropped link, a reload or a closed tab never loses one, since the page sends
 *   what is there whenever it opens again (on this counter's page or another's);
 * - this tab's level, with its key, in sessionStorage until its follow-up answers are sent: a
 *   reload goes on with the follow-up questions, while a new tab (a new citizen, or the same one
 *   come back later) starts with the levels.
 * Web Storage rather than IndexedDB: a few small records, written synchronously, on a page without
 * a service worker. Where the browser refuses it (private mode, full), the level is still sent.
 */
export interface LevelBody {
  id: string;
  /** The secret that lets this page, and only it, add the follow-up answers. */
  amendKey: string;
  counterId: string | null;
  sectorId: string;
  level: number;
  /** A code from the counter's QR link, in the unit's pattern. */
  dossierCode?: string;
  /** How the citizen answered (issue 27): the page's language, "Nghe", "Chữ lớn". */
  language?: string;
  audio?: boolean;
  largeText?: boolean;
}

export interface PressedLevel {
  unitId: string;
  body: LevelBody;
  pressedAt: number;
  /** The server has it. */
  stored: boolean;
}

const UNSENT = 'hailong.phone.unsent';
const IN_TAB = 'hailong.phone.level';
/** An unsent level older than this is not sent any more: it would count on a later day. */
export const RESEND_WITHIN_MS = 24 * 3_600_000;

const isLevel = (p: unknown): p is PressedLevel => {
  const v = p as PressedLevel | null;
  return (
    typeof v?.unitId === 'string' &&
    typeof v.body?.id === 'string' &&
    typeof v.body.amendKey === 'string' &&
    typeof v.pressedAt === 'number'
  );
};

function read(store: () => Storage, key: string): unknown {
  try {
    return JSON.parse(store().getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function write(store: () => Storage, key: string, value: unknown): void {
  try {
    if (value === null) store().removeItem(key);
    else store().setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full store: the request goes all the same.
  }
}

const local = () => localStorage;
const session = () => sessionStorage;

function unsent(): PressedLevel[] {
  const value = read(local, UNSENT);
  return Array.isArray(value) ? value.filter(isLevel) : [];
}

export function keepUnsent(level: PressedLevel): void {
  write(local, UNSENT, [...unsent().filter((p) => p.body.id !== level.body.id), level]);
}

export function dropUnsent(id: string): void {
  const rest = unsent().filter((p) => p.body.id !== id);
  write(local, UNSENT, rest.length > 0 ? rest : null);
}

/** Levels pressed on this phone that the server may not have, oldest first (stale ones dropped). */
export function unsentLevels(now: number): PressedLevel[] {
  const all = unsent();
  const live = all.filter((p) => now - p.pressedAt < RESEND_WITHIN_MS);
  if (live.length !== all.length) write(local, UNSENT, live.length > 0 ? live : null);
  return live;
}

export function keepInTab(level: PressedLevel): void {
  write(session, IN_TAB, level);
}

export function dropInTab(): void {
  write(session, IN_TAB, null);
}

/** The level pressed in this tab whose follow-up answers are not sent, while they may be. */
export function levelInTab(now: number, amendWithinMs: number): PressedLevel | null {
  const value = read(session, IN_TAB);
  return isLevel(value) && now - value.pressedAt < amendWithinMs ? value : null;
}
