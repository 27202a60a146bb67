/** What the test entry's checks (main.ts, upgrades.ts) share. */
import type { RecordDraft } from '../lib/outbox/outbox.ts';

/** An error as a check reports it. */
export const describe = (err: unknown) =>
  err instanceof Error ? `${err.name}: ${err.message}` : String(err);

/** A valid rating of `deviceId`, captured `minutes` ago. */
export const sample = (deviceId: string, minutes = 0): RecordDraft => ({
  id: crypto.randomUUID(),
  deviceId,
  deviceTime: new Date(Date.now() - minutes * 60_000).toISOString(),
  schemaVersion: 1,
  kind: 'rating',
  sectorId: 'sector-1',
  level: 4,
  reasons: [],
  possibleRepeat: false,
});
