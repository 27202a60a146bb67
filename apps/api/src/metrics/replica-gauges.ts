/**
 * The read replica as Prometheus sees it: how far its replay lags, and whether the reports read it
 * or fell back to the primary (alert on the second staying 0).
 */
import { Gauge, type Registry } from 'prom-client';
import type { ReplicaStatus } from '../db/replica.ts';

export function registerReplicaGauges(register: Registry, status: () => ReplicaStatus | undefined) {
  const registers = [register];
  new Gauge({
    name: 'hailong_replica_lag_seconds',
    help: 'Seconds the read replica replays behind the primary (absent while it cannot be measured)',
    registers,
    collect() {
      const lag = status()?.lagSeconds;
      this.reset();
      if (lag !== null && lag !== undefined) this.set(lag);
    },
  });
  new Gauge({
    name: 'hailong_reports_on_replica',
    help: 'Reports read the replica (1) or fell back to the primary (0), by the reason',
    labelNames: ['reason'] as const,
    registers,
    collect() {
      const now = status();
      this.reset();
      if (now) this.set({ reason: now.reason }, now.serving === 'replica' ? 1 : 0);
    },
  });
}
