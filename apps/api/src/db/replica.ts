/**
 * Where read-only reports read from: a PostgreSQL streaming standby (REPLICA_DATABASE_URL) while
 * its lag stays under the bound, the primary otherwise. One seam: the app hands `repos` of this
 * object to the report services alone (tally, trend, league, exports, assessment, /public, the
 * widget); every write, the session and every read-your-own-write keep the primary's repositories.
 * A timer measures the lag; a standby that falls behind, stops answering or is no longer in
 * recovery (promoted) sends the reports back to the primary until it is fresh again.
 */
import { sql } from 'kysely';
import type { Repositories } from '../repositories/types.ts';
import type { Logger } from '../http/logger.ts';
import { openReplica } from './connect.ts';

/** Why the reports read where they do. */
export type ReplicaReason = 'fresh' | 'lagging' | 'unreachable' | 'not_standby' | 'not_checked';

export interface ReplicaStatus {
  /** Where report reads go now. */
  serving: 'replica' | 'primary';
  reason: ReplicaReason;
  /** Seconds the standby's replay is behind; null when it could not be measured. */
  lagSeconds: number | null;
  /** The bound beyond which the reports fall back to the primary. */
  maxLagSeconds: number;
}

export interface ReportsDatabase {
  /** Repositories for read-only reports: the standby's while it is fresh, the primary's otherwise. */
  repos: Repositories;
  /** The last measurement; undefined without a replica. */
  status(): ReplicaStatus | undefined;
  /** Measures the lag now and switches if needed (the timer calls it). */
  check(): Promise<ReplicaStatus | undefined>;
  /** Measures every `intervalMs` until `close()`. */
  start(intervalMs: number): void;
  close(): Promise<void>;
}

/** No replica configured: reports read the primary. */
export function primaryReports(primary: Repositories): ReportsDatabase {
  return {
    repos: primary,
    status: () => undefined,
    check: () => Promise.resolve(undefined),
    start: () => undefined,
    close: () => Promise.resolve(),
  };
}

/**
 * Zero when the standby has replayed everything it received (an idle primary sends nothing, and
 * `now() - last replay` would grow without any lag); otherwise the age of the last transaction it
 * replayed. Null when it replayed none since it started and is behind.
 */
const LAG_QUERY = sql<{ standby: boolean; lag: number | string | null }>`
  select pg_is_in_recovery() as standby,
    case when pg_last_wal_receive_lsn() is not distinct from pg_last_wal_replay_lsn() then 0
      else extract(epoch from now() - pg_last_xact_replay_timestamp()) end as lag`;

export function replicaReports(
  primary: Repositories,
  replicaUrl: string,
  maxLagSeconds: number,
  logger?: Logger,
): ReportsDatabase {
  const replica = openReplica(replicaUrl);
  // Until the first measurement says it is fresh, the primary answers.
  let current: ReplicaStatus = {
    serving: 'primary',
    reason: 'not_checked',
    lagSeconds: null,
    maxLagSeconds,
  };
  let timer: NodeJS.Timeout | undefined;

  const measure = async (): Promise<ReplicaStatus> => {
    const at = (reason: ReplicaReason, lagSeconds: number | null): ReplicaStatus => ({
      serving: reason === 'fresh' ? 'replica' : 'primary',
      reason,
      lagSeconds,
      maxLagSeconds,
    });
    try {
      const { rows } = await LAG_QUERY.execute(replica.db);
      const row = rows[0]!;
      if (!row.standby) return at('not_standby', null);
      const lag = row.lag === null ? null : Math.max(0, Number(row.lag));
      return at(lag !== null && lag <= maxLagSeconds ? 'fresh' : 'lagging', lag);
    } catch {
      return at('unreachable', null);
    }
  };

  const check = async () => {
    const next = await measure();
    if (next.serving !== current.serving) {
      logger?.warn(
        next.serving === 'replica'
          ? 'Báo cáo đọc từ bản sao (reports now read the replica)'
          : `Báo cáo đọc từ máy chính: bản sao ${next.reason} (reports fell back to the primary)`,
        { lagSeconds: next.lagSeconds },
      );
    }
    current = next;
    return current;
  };

  // Read at each access, so every repository call goes where the last measurement said.
  const repos = new Proxy(primary, {
    get: (_target, key) =>
      Reflect.get(current.serving === 'replica' ? replica.repos : primary, key) as unknown,
  });

  return {
    repos,
    status: () => current,
    check,
    start(intervalMs) {
      timer ??= setInterval(() => void check(), intervalMs);
      // Never the reason the process stays up.
      timer.unref();
    },
    async close() {
      clearInterval(timer);
      timer = undefined;
      await replica.close();
    },
  };
}
