/**
 * The burst rule, fed by sync (issue 14, item 4). The batch's unhappy ratings (counted ones only:
 * a repeat press is not a second citizen) go into the small `alert_unhappy` table in the batch
 * transaction, and their counters are judged there from that table alone — never by scanning
 * ratings. Most batches end there: no burst, or its alert is already open, and the rows are stored
 * as judged, at no extra commit. When a new burst shows, its rows are stored unjudged and the
 * alert is raised after the commit (recipients, mails); a process that dies in between leaves them
 * unjudged for the alerts job, which judges and raises the same way.
 */
import { findBurst, isUnhappy, type AlertCondition, type RatingScale } from '@hailong/domain';
import type { RatingRow, Repositories, UnhappyRow } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadRuleBook } from './alert-facts.ts';
import { raiseConditions, type AlertOptions } from './alert-evaluation.ts';

/** What runs after the batch committed. */
export type AfterCommit = () => Promise<void>;

/**
 * Runs inside the batch transaction with the ratings it stored and the unit's scale; what it
 * returns runs once the transaction has committed.
 */
export type RatingsStoredHook = (
  tx: Repositories,
  rows: readonly RatingRow[],
  now: number,
  scale: RatingScale,
) => Promise<AfterCommit | undefined>;

/** Unhappy ratings are remembered this long (the widest window anyone would set is far less). */
export const UNHAPPY_KEPT_MS = 2 * 24 * 3_600_000;
const MAX_WINDOW_MS = 24 * 3_600_000;

const counterKeyOf = (r: RatingRow) => r.counterId ?? `device:${r.deviceId}`;
const burstKey = (counterKey: string) => `unsatisfied_burst:${counterKey}`;

/** The hook sync runs: keep and judge the batch's unhappy ratings; raise new bursts after commit. */
export function burstHook(
  repos: Repositories,
  clock: Clock,
  options: AlertOptions = {},
): RatingsStoredHook {
  return async (tx, rows, now, scale) => {
    const unhappy: UnhappyRow[] = rows
      .filter((r) => r.category === 'counted' && isUnhappy(scale, r.level))
      .map((r) => ({
        ratingId: r.id,
        counterKey: counterKeyOf(r),
        unitId: r.unitId,
        at: r.deviceTime,
        receivedAt: now,
        judgedAt: null,
      }));
    if (unhappy.length === 0) return undefined;
    const keys = [...new Set(unhappy.map((u) => u.counterKey))];
    // No window is wider than a day (the contract's limit), so older ratings cannot share one.
    const from = Math.min(...unhappy.map((u) => u.at)) - MAX_WINDOW_MS;
    const [earlier, open, book] = await Promise.all([
      tx.alerts.listUnhappy(keys, from),
      tx.alerts.findOpenKeys(keys.map(burstKey)),
      loadRuleBook(tx),
    ]);
    const bursting = new Set(
      keys.filter((key) => {
        if (open.has(burstKey(key))) return false;
        const mine = unhappy.filter((u) => u.counterKey === key);
        const ratings = [
          ...earlier.filter((r) => r.counterKey === key).map((r) => ({ at: r.at, fresh: false })),
          ...mine.map((u) => ({ at: u.at, fresh: true })),
        ];
        return findBurst(ratings, book.rulesOf(mine[0]!.unitId).unsatisfied_burst) !== null;
      }),
    );
    await tx.alerts.addUnhappy(
      unhappy.map((u) => ({ ...u, judgedAt: bursting.has(u.counterKey) ? null : now })),
    );
    if (bursting.size === 0) return undefined;
    return async () => void (await judgeBursts(repos, [...bursting], clock(), options, from));
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
  // Only the rows read here: a batch committed meanwhile is judged by its own hook.
  await repos.alerts.markJudged(unjudged, now);
  return raised.length;
}

async function counterName(repos: Repositories, counterKey: string): Promise<string> {
  if (counterKey.startsWith('device:')) {
    const device = await repos.devices.findById(counterKey.slice('device:'.length));
    return device ? `máy ${device.label}` : '';
  }
  return (await repos.catalogue.findCounter(counterKey))?.name ?? '';
}

/** The alerts job's catch-up: counters whose unhappy ratings no hook judged (a crash). */
export async function judgeLeftovers(repos: Repositories, now: number, options: AlertOptions = {}) {
  const keys = await repos.alerts.listUnjudgedCounters(200);
  return judgeBursts(repos, keys, now, options);
}
