/**
 * Integrity signals for supervisors of the subtree and admins (issue 25 item 5). Reads: a node's
 * units over at most 31 days, a page of signals at a time; the records behind one signal. Writes:
 * a conclusion, inserted and audited, never edited (a newer one names the one it supersedes).
 * Signals never change a figure.
 */
import { randomUUID } from 'node:crypto';
import { addDays, dayNumber, subtreeOf } from '@hailong/domain';
import type {
  Conclusion,
  ConclusionOutcome,
  IntegritySignal,
  SignalList,
  SignalRecords,
} from '@hailong/contracts';
import { loadAccess } from '../auth/access.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import type { Repositories, UnitRow, UserRow } from '../repositories/types.ts';
import type { ConclusionRow } from './integrity.repository.ts';
import { parseSignalId, unitDay, type UnitDay } from './integrity-day.ts';

/** Days one request may cover. */
export const MAX_RANGE_DAYS = 31;

export function createIntegrityService(repos: Repositories, clock: () => number) {
  async function names(rows: readonly ConclusionRow[]) {
    const out = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.decidedBy))) {
      out.set(id, (await repos.users.findById(id))?.displayName ?? 'không rõ');
    }
    return out;
  }
  const toConclusion = (r: ConclusionRow, who: Map<string, string>): Conclusion => ({
    id: r.id,
    outcome: r.outcome as ConclusionOutcome,
    note: r.note,
    decidedBy: r.decidedBy,
    decidedByName: who.get(r.decidedBy) ?? 'không rõ',
    decidedAt: r.decidedAt,
    supersedesId: r.supersedesId,
  });
  const wire = (
    unit: UnitRow,
    day: UnitDay,
    s: UnitDay['signals'][number],
    latest: Conclusion | null,
  ): IntegritySignal => ({
    id: s.id,
    kind: s.kind,
    unitId: unit.id,
    unitName: unit.name,
    counterId: s.counterId,
    counterName: s.counterId === null ? null : day.counterName(s.counterId),
    day: s.day,
    explanation: s.explanation,
    ratingIds: s.ratingIds,
    count: s.count,
    conclusion: latest,
  });

  /** The unit of a signal the user may manage (supervisor of the subtree, admin), and its day. */
  async function signalOf(user: UserRow, id: string) {
    const key = parseSignalId(id);
    if (!key) throw notFound('Dấu hiệu');
    const access = await loadAccess(repos, user);
    const unit = access.requireVisible(key.unitId);
    if (!access.mayManage(unit.id)) throw forbidden();
    const day = await unitDay(repos, unit, key.day);
    const signal = day.signals.find((s) => s.id === id);
    if (!signal) throw notFound('Dấu hiệu');
    return { unit, day, signal };
  }

  return {
    async signals(
      user: UserRow,
      q: { nodeId: string; from: string; to: string; limit: number; offset: number },
    ): Promise<SignalList> {
      const access = await loadAccess(repos, user);
      access.requireVisible(q.nodeId);
      if (!access.mayManage(q.nodeId)) throw forbidden();
      const span = dayNumber(q.to) - dayNumber(q.from) + 1;
      if (span < 1 || span > MAX_RANGE_DAYS) {
        throw new ApiError(
          422,
          'validation_failed',
          `Khoảng thời gian phải từ 1 đến ${MAX_RANGE_DAYS} ngày.`,
        );
      }
      const ids = new Set(subtreeOf(access.tree, q.nodeId));
      const units = access.visibleUnits().filter((u) => ids.has(u.id));
      const days = Array.from({ length: span }, (_, i) => addDays(q.from, i));
      const all: IntegritySignal[] = [];
      const truncatedDays: SignalList['truncatedDays'] = [];
      for (const unit of units) {
        const concluded = await repos.integrity.conclusionsOf(unit.id, days);
        const who = await names(concluded);
        for (const d of days) {
          const day = await unitDay(repos, unit, d);
          if (day.truncated) truncatedDays.push({ unitId: unit.id, day: d });
          for (const s of day.signals) {
            const latest = concluded.find((c) => c.signalId === s.id);
            all.push(wire(unit, day, s, latest ? toConclusion(latest, who) : null));
          }
        }
      }
      const page = all.slice(q.offset, q.offset + q.limit);
      const next = q.offset + q.limit;
      return { signals: page, nextOffset: next < all.length ? next : null, truncatedDays };
    },

    async records(user: UserRow, id: string): Promise<SignalRecords> {
      const { unit, day, signal } = await signalOf(user, id);
      const shown = new Set(signal.ratingIds);
      const rows = day.ratings.filter((r) => shown.has(r.id));
      const exclusions = new Map(
        (await repos.integrity.exclusionsOf(rows.map((r) => r.id))).map((e) => [e.ratingId, e]),
      );
      const concluded = (await repos.integrity.conclusionsOf(unit.id, [signal.day])).filter(
        (c) => c.signalId === id,
      );
      const who = await names(concluded);
      const conclusions = concluded.map((c) => toConclusion(c, who));
      return {
        signal: wire(unit, day, signal, conclusions[0] ?? null),
        records: rows.map((r) => {
          const e = exclusions.get(r.id);
          return {
            id: r.id,
            at: r.deviceTime,
            level: r.level,
            channel: r.channel,
            counterName: r.counterId === null ? null : day.counterName(r.counterId),
            officerName: r.officerId === null ? null : day.officerName(r.officerId),
            category: r.category,
            exclusion: e ? { reason: e.reason, excludedAt: e.excludedAt } : null,
          };
        }),
        conclusions,
      };
    },

    async conclude(user: UserRow, id: string, body: { outcome: ConclusionOutcome; note: string }) {
      const { unit, signal } = await signalOf(user, id);
      const now = clock();
      return repos.transaction(async (tx) => {
        const previous = (await tx.integrity.conclusionsOf(unit.id, [signal.day])).find(
          (c) => c.signalId === id,
        );
        const row: ConclusionRow = {
          id: randomUUID(),
          signalId: id,
          unitId: unit.id,
          day: signal.day,
          kind: signal.kind,
          outcome: body.outcome,
          note: body.note,
          decidedBy: user.id,
          decidedAt: now,
          supersedesId: previous?.id ?? null,
        };
        await tx.integrity.addConclusion(row);
        await tx.audit.append({
          id: randomUUID(),
          at: now,
          actorId: user.id,
          action: 'integrity.conclusion',
          entityType: 'integrity_signal',
          entityId: id,
          details: { outcome: row.outcome, note: row.note, supersedesId: row.supersedesId },
        });
        return toConclusion(row, new Map([[user.id, user.displayName]]));
      });
    },
  };
}

export type IntegrityService = ReturnType<typeof createIntegrityService>;
