/**
 * Gathers what the alert rules judge — this month's counters per sector, open phản ánh, active
 * tablets and their gaps — and runs the pure rules of `@hailong/domain` over it. Reads counters
 * and registers, never raw ratings: each unit's sectors from the tree's counters of the unit's own
 * ratings (node_rollups marked `own`), as the monthly tally per unit counts them. Names go into the
 * facts so the message is the same later.
 */
import {
  addScaled,
  ancestorsOf,
  answerNotAccepted,
  buildTree,
  deviceSilent,
  feedbackDue,
  monthOf,
  newCountCell,
  rateBelowTarget,
  rulesAt,
  seqGaps,
  vnDateOf,
  yearOfMonth,
  type AlertCondition,
  type AlertRuleOverride,
  type AlertRules,
  type CountCell,
  type SectorMonthFacts,
  type UnitTree,
  type VerdictFacts,
} from '@hailong/domain';
import type { Repositories, UnitRow } from '../repositories/types.ts';
import { loadCalendar } from '../feedback/feedback-intake.ts';
import { keysetPages } from '../repositories/keyset.ts';
import { loadTargets } from '../reports/targets-lookup.ts';

/**
 * Citizens' verdicts that they did not accept an answer, still waiting for staff to take them up
 * (issue 13: the citizen's verdict on the tracking-code lookup). `noVerdicts` for tests that want
 * the rule silent.
 */
export type VerdictSource = (repos: Repositories) => Promise<VerdictFacts[]>;
export const noVerdicts: VerdictSource = async () => [];
export const flaggedVerdicts: VerdictSource = (repos) => repos.verdicts.listFlagged();

export interface RuleBook {
  tree: UnitTree<UnitRow>;
  rulesOf(unitId: string): AlertRules;
}

/** The catalogue tree and the rules in force at each unit (defaults, overridden up the tree). */
export async function loadRuleBook(repos: Repositories): Promise<RuleBook> {
  const [units, settings] = await Promise.all([
    repos.catalogue.listUnits(),
    repos.alerts.listRuleSettings(),
  ]);
  const tree = buildTree(units);
  const overrides = new Map<string, Record<string, AlertRuleOverride>>();
  for (const s of settings) {
    overrides.set(s.unitId, { ...overrides.get(s.unitId), [s.kind]: s.settings });
  }
  const cache = new Map<string, AlertRules>();
  return {
    tree,
    rulesOf(unitId) {
      let rules = cache.get(unitId);
      if (!rules) {
        rules = rulesAt(ancestorsOf(tree, unitId), overrides);
        cache.set(unitId, rules);
      }
      return rules;
    },
  };
}

/** Every condition of the time-driven rules that holds at `now` (bursts come from sync). */
export async function gatherConditions(
  repos: Repositories,
  book: RuleBook,
  now: number,
  verdicts: VerdictSource = flaggedVerdicts,
): Promise<AlertCondition[]> {
  const unitName = (id: string) => book.tree.nodes.get(id)?.name ?? '';
  const named = (list: AlertCondition[], extra: (c: AlertCondition) => object = () => ({})) =>
    list.map((c) => ({ ...c, facts: { ...c.facts, unitName: unitName(c.unitId), ...extra(c) } }));

  const month = monthOf(now);
  const { sectors, sectorNames } = await sectorFacts(repos, month);

  const [due, calendar, devices, ranges, chains, verdictFacts] = await Promise.all([
    openDueDates(repos),
    loadCalendar(repos),
    repos.devices.list(),
    repos.devices.listAllSeqRanges(),
    repos.recordChain.deviceSummaries(),
    verdicts(repos),
  ]);
  const active = devices
    .filter((d) => d.revokedAt === null)
    .map((d) => ({
      id: d.id,
      unitId: d.unitId,
      label: d.label,
      lastContactAt: d.lastSyncAt ?? d.enrolledAt,
      missing: seqGaps(ranges.get(d.id) ?? []).reduce((n, g) => n + g.to - g.from + 1, 0),
      chainFlags: chains.get(d.id)?.flags ?? 0,
    }));

  return [
    ...named(rateBelowTarget(sectors, book.rulesOf), (c) => ({
      sectorName: sectorNames.get(String(c.facts.sectorId)) ?? '',
    })),
    ...named(feedbackDue(due, vnDateOf(now), calendar, book.rulesOf)),
    ...named(deviceSilent(active, now, book.rulesOf)),
    ...named(answerNotAccepted(verdictFacts, book.rulesOf)),
  ];
}

/**
 * This month's figures of every unit's sectors (its own ratings, with the sector's target of the
 * year), as the rate rule judges them; and the sectors' names for the message.
 */
/** The deadline of every open item that has one, read a page at a time. */
async function openDueDates(repos: Repositories) {
  const due: { id: string; unitId: string; trackingCode: string; dueDate: string }[] = [];
  for await (const page of keysetPages((p) => repos.feedback.listOpen(p))) {
    for (const f of page) {
      if (f.dueDate) {
        due.push({ id: f.id, unitId: f.unitId, trackingCode: f.trackingCode, dueDate: f.dueDate });
      }
    }
  }
  return due;
}

async function sectorFacts(repos: Repositories, month: string) {
  const year = yearOfMonth(month);
  const [units, allSectors] = await Promise.all([
    repos.catalogue.listUnits(),
    repos.catalogue.listSectors(),
  ]);
  const [targets, own] = await Promise.all([
    loadTargets(repos, [year]),
    repos.nodeRollups.nodeSectorCounts(
      units.map((u) => u.id),
      { from: month, to: month },
      true,
    ),
  ]);
  const cells = new Map<string, CountCell>();
  const keyOf = (unitId: string, code: string) => `${unitId}\u0000${code}`;
  for (const row of own) {
    const key = keyOf(row.nodeId, row.sectorCode);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = newCountCell()));
    addScaled(cell, row);
  }
  const sectorNames = new Map<string, string>();
  const sectors: SectorMonthFacts[] = allSectors.map((s) => {
    sectorNames.set(s.id, s.name);
    const counts = cells.get(keyOf(s.unitId, s.code))?.counts;
    return {
      unitId: s.unitId,
      sectorId: s.id,
      month,
      total: counts?.total ?? 0,
      satisfied: counts?.satisfied ?? 0,
      targetBp: targets.sectorBp(s.unitId, s.id, year),
    };
  });
  return { sectors, sectorNames };
}
