/**
 * Gauges read from the database when Prometheus scrapes, not kept in memory: they must agree with
 * the console whichever API process answers, and cost nothing between scrapes. Each reads first
 * and then replaces its series in one go, so a revoked tablet disappears and two scrapes at once
 * cannot interleave half-written values.
 */
import { vnDateOf } from '@hailong/domain';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Repositories } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { overdueFilter } from '../feedback/feedback.service.ts';
import { deviceGaps } from '../devices/device-gaps.ts';
import { CHAIN_FLAG_KINDS } from '../ingest/record-chain.repository.ts';

export function registerDatabaseGauges(register: Registry, repos: Repositories, clock: Clock) {
  const registers = [register];
  const activeDevices = async () =>
    (await repos.devices.list()).filter((device) => device.revokedAt === null);

  new Gauge({
    name: 'hailong_device_last_sync_age_seconds',
    help: 'Seconds since each active tablet last synced; since its enrollment if it never did',
    labelNames: ['device'] as const,
    registers,
    async collect() {
      const [devices, now] = [await activeDevices(), clock()];
      this.reset();
      // A tablet that never synced ages from its enrollment, so it alerts like one that stopped.
      for (const d of devices) {
        this.set({ device: d.id }, Math.max(0, now - (d.lastSyncAt ?? d.enrolledAt)) / 1000);
      }
    },
  });

  new Gauge({
    name: 'hailong_device_sequence_gaps',
    help: 'Holes in the record numbers of each active tablet, up to the highest it gave (the gap report)',
    labelNames: ['device'] as const,
    registers,
    async collect() {
      const [devices, ranges] = await Promise.all([
        activeDevices(),
        repos.devices.listAllSeqRanges(),
      ]);
      this.reset();
      for (const d of devices)
        this.set({ device: d.id }, deviceGaps(d, ranges.get(d.id) ?? []).length);
    },
  });

  // A counter read from the table: flags are never deleted, so the count only grows.
  new Counter({
    name: 'hailong_chain_flags_total',
    help: "Flags raised on tablets' record chains: break, fork, bad_signature, missing_signature",
    labelNames: ['kind'] as const,
    registers,
    async collect() {
      const counts = await repos.recordChain.countByKind();
      this.reset();
      for (const kind of CHAIN_FLAG_KINDS) this.inc({ kind }, counts.get(kind) ?? 0);
    },
  });

  new Gauge({
    name: 'hailong_feedback_overdue',
    help: 'Feedback items past their current deadline and not yet answered or closed',
    registers,
    async collect() {
      this.set(await repos.feedback.count(overdueFilter(vnDateOf(clock()))));
    },
  });
}
