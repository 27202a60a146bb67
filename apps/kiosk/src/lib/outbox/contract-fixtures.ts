/** What the outbox contract's checks (outbox.contract.ts, holds.contract.ts) are built from. */
import type { ClientRecord } from '@hailong/contracts';
import type { Outbox, RecordDraft } from './outbox.ts';

export interface OutboxCheck {
  readonly name: string;
  run(outbox: Outbox): Promise<void>;
}

export const DEVICE = 'device-a';
export const T0 = Date.parse('2026-11-23T08:00:00.000Z');

/** A valid rating draft, captured `minutes` after T0. */
export function ratingDraft(minutes = 0, deviceId = DEVICE): RecordDraft {
  return {
    id: crypto.randomUUID(),
    deviceId,
    deviceTime: new Date(T0 + minutes * 60_000).toISOString(),
    schemaVersion: 1,
    kind: 'rating',
    sectorId: 'sector-1',
    level: 5,
    reasons: [],
    possibleRepeat: false,
  };
}

export function feedbackDraft(content: string): RecordDraft {
  return {
    id: crypto.randomUUID(),
    deviceId: DEVICE,
    deviceTime: new Date(T0).toISOString(),
    schemaVersion: 1,
    kind: 'feedback',
    feedbackKind: 'phan_anh',
    trackingCode: '7KQ2-M9XD',
    sectorId: null,
    content,
    contact: null,
  };
}

export async function putMany(outbox: Outbox, n: number): Promise<ClientRecord[]> {
  const stored: ClientRecord[] = [];
  for (let i = 0; i < n; i++) stored.push(await outbox.put(ratingDraft(i)));
  return stored;
}

export const seqs = (records: readonly ClientRecord[]) => records.map((r) => r.seq);
/** The draft a stored record was put from. */
export const draftOf = ({ seq: _seq, ...draft }: ClientRecord) => draft as RecordDraft;
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
/** A hold ending `minutes` after T0. */
export const hold = (minutes = 10) => ({ until: T0 + minutes * 60_000 });
/** The lowest level, as pressed, and the same rating once the citizen said why. */
export function pressedAndAnswered(): [RecordDraft, RecordDraft] {
  const pressed = { ...(ratingDraft() as Extract<RecordDraft, { kind: 'rating' }>), level: 1 };
  return [pressed, { ...pressed, reasons: ['waiting_time'], comment: 'Chờ hơn một tiếng' }];
}
