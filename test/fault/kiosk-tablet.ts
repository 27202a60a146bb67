/**
 * A tablet for the fault test: the kiosk's own sync client (SyncLoop, batchSender, the shared
 * protocol) over its in-memory outbox, pointed at a fault proxy, its waits run faster.
 */
import { randomUUID } from 'node:crypto';
import type { ClientRecord } from '@hailong/contracts';
import { newTrackingCode } from '@hailong/domain';
import { batchSender } from '../../apps/kiosk/src/lib/api.ts';
import { loadContracts } from '../../apps/kiosk/src/lib/contracts-loader.ts';
import { MemoryOutbox } from '../../apps/kiosk/src/lib/outbox/memory-outbox.ts';
import type { RecordDraft } from '../../apps/kiosk/src/lib/outbox/outbox.ts';
import { syncProtocol } from '../../apps/kiosk/src/lib/sync/protocol.ts';
import { SyncLoop, type SyncStatus } from '../../apps/kiosk/src/lib/sync/sync-loop.ts';

/** Smaller than the protocol's 500, so the run makes enough requests to meet every fault. */
export const BATCH_ITEMS = 100;
/** The loop's waits (backoff from 1 s up to 5 min, 60 s between syncs) run this much faster. */
const TIME_SCALE = 50;

/** What the kiosk's screens would capture: ratings, and a kiến nghị every 50th record. */
export function drafts(
  deviceId: string,
  sectorIds: string[],
  count: number,
  random: () => number,
): RecordDraft[] {
  const start = Date.now() - count * 60_000;
  return Array.from({ length: count }, (_, i): RecordDraft => {
    const common = {
      id: randomUUID(),
      deviceId,
      deviceTime: new Date(start + i * 60_000).toISOString(),
      schemaVersion: 1 as const,
    };
    if ((i + 1) % 50 === 0) {
      return {
        ...common,
        kind: 'feedback',
        feedbackKind: 'kien_nghi',
        trackingCode: newTrackingCode(crypto.getRandomValues(new Uint8Array(5))),
        sectorId: null,
        content: `Kiến nghị số ${i + 1}: bố trí thêm ghế chờ.`,
        contact: null,
      };
    }
    const level = 1 + Math.floor(random() * 5);
    return {
      ...common,
      kind: 'rating',
      sectorId: sectorIds[i % sectorIds.length]!,
      level,
      reasons: level <= 2 ? ['waiting_time'] : [],
      possibleRepeat: false,
    };
  });
}

export interface Tablet {
  deviceId: string;
  token: string;
  outbox: MemoryOutbox;
  /** Every record the tablet captured: the log the server is checked against. */
  captured: ClientRecord[];
  loop?: SyncLoop;
  states: Set<SyncStatus['state']>;
}

/** The kiosk's sync loop as sync-runtime.ts builds it, but over the proxy and on a faster clock. */
export function startLoop(tablet: Tablet, proxyBase: string, random: () => number): SyncLoop {
  const loop = new SyncLoop({
    outbox: tablet.outbox,
    token: () => tablet.token,
    deviceId: () => tablet.deviceId,
    keepSentMs: () => 30 * 86_400_000,
    send: batchSender(`${proxyBase}/api/v1`),
    protocol: async () => ({ ...syncProtocol(await loadContracts()), maxItems: BATCH_ITEMS }),
    now: Date.now,
    random,
    schedule: (task, ms) => {
      const timer = setTimeout(task, ms / TIME_SCALE);
      return () => clearTimeout(timer);
    },
    withLock: (work) => work(),
    onStatus: (status) => tablet.states.add(status.state),
    intervalMs: 60_000,
    lastSuccessAt: null,
  });
  tablet.loop = loop;
  void loop.start();
  return loop;
}

/** Signs in as `admin` on the server at `base`; resolves with the session cookie. */
export async function signIn(base: string, password: string): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (login.status !== 200) throw new Error(`login answered ${login.status}`);
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

/** Units tablets stand in: those with sectors (the province and the centre only pool theirs). */
export async function desks(
  base: string,
  cookie: string,
): Promise<{ id: string; sectors: { id: string }[] }[]> {
  const response = await fetch(`${base}/api/v1/units`, { headers: { cookie } });
  const { units } = (await response.json()) as {
    units: { id: string; sectors: { id: string }[] }[];
  };
  return units.filter((u) => u.sectors.length > 0);
}

/** Enrolls a tablet in `unitId` as staff do: a one-time code from the console, used by the tablet. */
export async function enrollTablet(
  base: string,
  cookie: string,
  unitId: string,
  label: string,
): Promise<Tablet> {
  const headers = { origin: base, 'content-type': 'application/json', cookie };
  const created = await fetch(`${base}/api/v1/enrollments`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ unitId, label }),
  });
  if (created.status !== 201)
    throw new Error(`enrollment: ${created.status} ${await created.text()}`);
  const { code } = (await created.json()) as { code: string };
  const enrolled = await fetch(`${base}/api/v1/devices/enroll`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (enrolled.status !== 201)
    throw new Error(`enroll: ${enrolled.status} ${await enrolled.text()}`);
  const { deviceId, token } = (await enrolled.json()) as { deviceId: string; token: string };
  return { deviceId, token, outbox: new MemoryOutbox(), captured: [], states: new Set() };
}
