/**
 * The burst rule (issue 14, item 4), an event consumer of the job runner (jobs/runner.ts). Each
 * `ratings_stored` event names the ratings a batch stored; their unhappy ones (counted ones only: a
 * repeat press is not a second citizen) go into the small `alert_unhappy` table, and the counters
 * they touched are judged from that table alone — never by scanning ratings — in the transaction
 * that advances the consumer's cursor: a burst is raised (alert, recipients, immediate mails) once,
 * however the runner crashed or was taken over.
 * A rating's time is its arrival bounded by the tablet's own time (issue 22, item 10): a tablet
 * whose clock runs ahead cannot date its ratings after they arrived, so it cannot hold a burst open
 * for hours; a tablet that was offline still dates them when they were pressed.
 */
import {
  findBurst,
  isUnhappy,
  RATING_SCALES,
  scaleInForce,
  type AlertCondition,
} from '@hailong/domain';
import type { BurstCandidateRow, Repositories, UnhappyRow } from '../repositories/types.ts';
import type { EventConsumer } from '../jobs/job-types.ts';
import { loadRuleBook } from './alert-facts.ts';
import { raiseConditions, type AlertOptions } from './alert-evaluation.ts';

/** Unhappy ratings are remembered this long (the widest window anyone would set is far less). */
export const UNHAPPY_KEPT_MS = 2 * 24 * 3_600_000;
const MAX_WINDOW_MS = 24 * 3_600_000;
/** No unhappy level is above this on any scale: ratings above it need not be read. */
const MAX_UNHAPPY_LEVEL = Math.max(
  ...Object.values(RATING_SCALES).flatMap((scale) =>
    scale.levels.filter((l) => isUnhappy(scale, l.level)).map((l) => l.level),
  ),
);

export const BURSTS_CONSUMER = 'bursts';

/** The counter rated, else the tablet; a phone rating with no counter: the unit's phone page. */
const counterKeyOf = (r: BurstCandidateRow) =>
  r.counterId ??
  (r.channel === 'tablet' && r.deviceId ? `device:${r.deviceId}` : `${r.channel}:${r.unitId}`);
const CHANNEL_NAMES: Record<string, string> = {
  phone: 'đánh giá qua điện thoại',
  staff: 'cán bộ nhập',
};
const burstKey = (counterKey: string) => `unsatisfied_burst:${counterKey}`;

/** When a rating counts as given: on arrival, or earlier if the tablet says so. */
export const burstTimeOf = (r: Pick<BurstCandidateRow, 'deviceTime' | 'receivedAt'>) =>
  Math.min(r.deviceTime, r.receivedAt);

/** Keeps the stored ratings' unhappy ones and judges their counters; raises new bursts. */
export function burstConsumer(options: AlertOptions = {}): EventConsumer {
  return {
    name: BURSTS_CONSUMER,
    kinds: ['ratings_stored'],
    async handle(tx, events, now) {
      const ids = [
        ...new Set(events.flatMap((e) => (e.payload.ids as string[] | undefined) ?? [])),
      ];
      const counted = await tx.alerts.listBurstCandidates(ids, MAX_UNHAPPY_LEVEL);
      if (counted.length === 0) return;
      const unitIds = [...new Set(counted.map((r) => r.unitId))];
      const [units, scales] = await Promise.all([
        Promise.all(unitIds.map((id) => tx.catalogue.findUnit(id))),
        tx.catalogue.listUnitScales(unitIds),
      ]);
      const current = new Map(units.flatMap((u) => (u ? [[u.id, u.scale] as const] : [])));
      const scaleOf = (r: BurstCandidateRow) =>
        RATING_SCALES[
          scaleInForce(
            scales.filter((s) => s.unitId === r.unitId),
            r.month,
            current.get(r.unitId) ?? 'five',
          )
        ];
      const unhappy: UnhappyRow[] = counted
        .filter((r) => isUnhappy(scaleOf(r), r.level))
        .map((r) => ({
          ratingId: r.id,
          counterKey: counterKeyOf(r),
          unitId: r.unitId,
          at: burstTimeOf(r),
          receivedAt: r.receivedAt,
          judgedAt: null,
        }));
      if (unhappy.length === 0) return;
      await tx.alerts.addUnhappy(unhappy);
      // No window is wider than a day (the contract's limit), so older ratings cannot share one.
      const from = unhappy.reduce((min, u) => Math.min(min, u.at), Infinity) - MAX_WINDOW_MS;
      const keys = [...new Set(unhappy.map((u) => u.counterKey))];
      // Immediate mails were queued with the alert: send them now rather than on the next round.
      if ((await judgeBursts(tx, keys, now, options, from)) > 0) await tx.jobs.runSoon('mail', now);
    },
  };
}

/** Judges these counters' unjudged unhappy ratings; raises a burst alert where one holds. */
export async function judgeBursts(
  repos: Repositories,
  counterKeys: readonly string[],
  now: number,
  options: AlertOptions = {},
  /** The earliest rating that may share a window with the ones to judge. */
  from = now - UNHAPPY_KEPT_MS,
): Promise<number> {
  if (counterKeys.length === 0) return 0;
  const rows = await repos.alerts.listUnhappy(counterKeys, from);
  const unjudged = rows.filter((r) => r.judgedAt === null).map((r) => r.ratingId);
  if (unjudged.length === 0) return 0;
  const rules = await loadRuleBook(repos);
  const byCounter = new Map<string, UnhappyRow[]>();
  for (const row of rows) {
    const list = byCounter.get(row.counterKey);
    if (list) list.push(row);
    else byCounter.set(row.counterKey, [row]);
  }
  // A counter whose burst alert is still open raises nothing new: skip the work of raising.
  const open = await repos.alerts.findOpenKeys([...byCounter.keys()].map(burstKey));
  const conditions: AlertCondition[] = [];
  for (const [counterKey, list] of byCounter) {
    if (open.has(burstKey(counterKey))) continue;
    const unitId = list[list.length - 1]!.unitId;
    const burst = findBurst(
      list.map((r) => ({ at: r.at, fresh: r.judgedAt === null })),
      rules.rulesOf(unitId).unsatisfied_burst,
    );
    if (!burst) continue;
    conditions.push({
      kind: 'unsatisfied_burst',
      key: burstKey(counterKey),
      unitId,
      facts: {
        counterKey,
        counterName: await counterName(repos, counterKey),
        unitName: rules.tree.nodes.get(unitId)?.name ?? '',
        ...burst,
      },
    });
  }
  const raised = await raiseConditions(repos, rules, conditions, now, options);
  // Only the rows read here: a batch stored meanwhile is judged with its own event.
  await repos.alerts.markJudged(unjudged, now);
  return raised.length;
}

async function counterName(repos: Repositories, counterKey: string): Promise<string> {
  if (counterKey.startsWith('device:')) {
    const device = await repos.devices.findById(counterKey.slice('device:'.length));
    return device ? `máy ${device.label}` : '';
  }
  const [prefix, rest] = counterKey.split(':');
  if (rest !== undefined) return CHANNEL_NAMES[prefix!] ?? '';
  return (await repos.catalogue.findCounter(counterKey))?.name ?? '';
}

/**
 * The alerts job's catch-up: counters whose unhappy ratings were kept but not judged — by the sync
 * hook of versions before the job runner, when the process died between its commit and the raise.
 */
export async function judgeLeftovers(repos: Repositories, now: number, options: AlertOptions = {}) {
  const keys = await repos.alerts.listUnjudgedCounters(200);
  return judgeBursts(repos, keys, now, options);
}
