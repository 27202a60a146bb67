/** Kiosk behaviour a unit gets unless it sets its own. */
export const DEFAULT_KIOSK_SETTINGS = {
  /** Field kiosks return to standby after ~30 s idle (domain.md). */
  idleTimeoutSeconds: 30,
  /** Ratings from one tablet closer together than this are kept but flagged as possible repeats. */
  repeatWindowSeconds: 5,
  /** The consent text the kiosk shows; bump when its wording changes, so each consent names its text. */
  consentVersion: 'dong-y-2026-01',
} as const;

/**
 * Days a tablet keeps the records the server acknowledged, so that a server restored from a backup
 * up to this old gets them back; a month of a busy counter is a few megabytes.
 */
export const DEFAULT_KEEP_SENT_DAYS = 30;
