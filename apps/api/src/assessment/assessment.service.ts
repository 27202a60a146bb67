/**
 * The TT 01/2018 assessment tables (issue 12, item 6): per officer, unit or sector over a period,
 * the indicators' points, the total out of what was measured, the band and the satisfaction rate.
 * Counts come from the database as sums (assessment.repository.ts) and the rollups; the scoring is
 * the domain's (assessment.ts). Staff see their own row only; others their subtree.
 */
import type { AssessmentBy, AssessmentReport, AssessmentRow } from '@hailong/contracts';
import {
  INDICATORS,
  RATING_SCALES,
  TT01_RULES,
  compareVi,
  emptyCounts,
  isSatisfied,
  rankAssessment,
  scaleInForce,
  scoreAssessment,
  timeOutcome,
  vnDateOf,
  type AssessmentCounts,
  type AssessmentRules,
  type AssessmentScore,
  type Period,
  type ScaleId,
} from '@hailong/domain';
import type { AnswerSumRow, DossierRow, Repositories, UserRow } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { feedbackOnTime, vnMonthBounds } from '../feedback/feedback-on-time.ts';
import { focusOn, periodInfo } from '../reports/node-tally.service.ts';
import { loadReportScope } from '../reports/report-scope.ts';

interface Group {
  key: string;
  name: string;
  unitIds: Set<string>;
  counts: AssessmentCounts;
  dossiers: number;
  ratedDossiers: number;
}

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * `rules`: the province's own (HAILONG_ASSESSMENT_RULES_FILE). Without them the report scores with
 * hailong's proposal (TT01_RULES) and says that nobody has set the rules yet.
 */
export function createAssessmentService(
  repos: Repositories,
  clock: Clock,
  provinceRules?: AssessmentRules,
) {
  const rules = provinceRules ?? TT01_RULES;
  return {
    async report(
      user: UserRow,
      period: Period,
      by: AssessmentBy,
      node?: string,
    ): Promise<AssessmentReport> {
      const ownRowOnly = user.role === 'staff';
      const scope = await loadReportScope(repos, user);
      // Staff read their own row whatever node they name, but naming one outside their scope is
      // still "not found" (access.ts), never silently answered with their own.
      if (ownRowOnly && node !== undefined) scope.requireVisible(node);
      const focus = focusOn(scope, ownRowOnly ? undefined : node);
      const unitIds = focus.subtree;
      const months = period.months;
      const from = `${months[0]}-01`;
      const to = lastDay(months.at(-1)!);
      const now = clock();
      const today = vnDateOf(now);

      const [units, sectors, scales, users] = await Promise.all([
        repos.catalogue.listUnits(),
        repos.catalogue.listSectors(),
        repos.catalogue.listUnitScales(unitIds),
        repos.users.list(),
      ]);
      const unitOf = new Map(units.map((u) => [u.id, u]));
      const sectorOf = new Map(sectors.map((s) => [s.id, s]));
      const userOf = new Map(users.map((u) => [u.id, u]));
      const satisfied = (unitId: string, month: string, level: number) => {
        const scale: ScaleId = scaleInForce(
          scales.filter((s) => s.unitId === unitId),
          month,
          unitOf.get(unitId)?.scale ?? 'five',
        );
        return isSatisfied(RATING_SCALES[scale], level);
      };

      const groups = new Map<string, Group>();
      const groupOf = (key: string, name: string) => {
        let g = groups.get(key);
        if (!g) {
          g = {
            key,
            name,
            unitIds: new Set(),
            counts: emptyCounts(),
            dossiers: 0,
            ratedDossiers: 0,
          };
          groups.set(key, g);
        }
        return g;
      };
      const keyOfRating = (unitId: string, sectorId: string) =>
        by === 'unit' ? unitId : (sectorOf.get(sectorId)?.code ?? sectorId);
      const nameOfKey = (key: string, unitId: string, sectorId: string | null) =>
        by === 'unit'
          ? (unitOf.get(unitId)?.name ?? key)
          : by === 'sector'
            ? ((sectorId && sectorOf.get(sectorId)?.name) ?? key)
            : (userOf.get(key)?.displayName ?? key);
      const addAnswers = (g: Group, r: AnswerSumRow, withRate: boolean) => {
        g.unitIds.add(r.unitId);
        const c = g.counts;
        if (withRate) {
          c.ratings += r.n;
          if (satisfied(r.unitId, r.month, r.level)) c.satisfied += r.n;
        }
        r.visits.forEach((v, i) => (c.visits[i] = c.visits[i]! + v));
        r.agencies.forEach((v, i) => (c.agencies[i] = c.agencies[i]! + v));
        for (const k of Object.keys(r.attitude) as (keyof typeof r.attitude)[]) {
          c.attitude[k] += r.attitude[k];
        }
      };

      // Ratings: officers from their own rows; units and sectors rate from the rollups, and take
      // the extra answers from the (few) answered ratings.
      if (by === 'officer') {
        for (const r of await repos.assessment.officerSums(unitIds, months)) {
          addAnswers(groupOf(r.key, nameOfKey(r.key, r.unitId, null)), r, true);
        }
      } else {
        const rollups = await repos.rollups.listRatings({
          unitIds,
          months,
          categories: ['counted'],
        });
        for (const r of rollups) {
          const key = keyOfRating(r.unitId, r.sectorId);
          const g = groupOf(key, nameOfKey(key, r.unitId, r.sectorId));
          g.unitIds.add(r.unitId);
          g.counts.ratings += r.count;
          if (satisfied(r.unitId, r.month, r.level)) g.counts.satisfied += r.count;
        }
        for (const r of await repos.assessment.answeredSums(unitIds, months)) {
          const key = keyOfRating(r.unitId, r.key);
          addAnswers(groupOf(key, nameOfKey(key, r.unitId, r.key)), r, false);
        }
      }

      // Indicator 1 from the imported dossiers.
      const dossiers = await repos.assessment.dossiersBetween(unitIds, from, to);
      const rated = await repos.assessment.ratedCodes(dossiers.map((d) => d.code));
      const dossierKey = (d: DossierRow) =>
        by === 'officer'
          ? d.officerId
          : by === 'unit'
            ? d.unitId
            : d.sectorId && (sectorOf.get(d.sectorId)?.code ?? d.sectorId);
      for (const d of dossiers) {
        const key = dossierKey(d);
        if (!key) continue;
        const g = groupOf(key, nameOfKey(key, d.unitId, d.sectorId));
        g.unitIds.add(d.unitId);
        g.dossiers += 1;
        if (rated.has(d.code)) g.ratedDossiers += 1;
        const outcome = timeOutcome(d, today);
        if (outcome) g.counts.time[outcome] += 1;
      }

      // Indicator 8 per unit, from the feedback register; indicator 7's upheld complaints per officer.
      if (by === 'unit') {
        const inScope = new Set(unitIds);
        for (const month of months) {
          for (const row of await feedbackOnTime(repos, month, undefined, now)) {
            if (!inScope.has(row.unitId)) continue;
            const g = groupOf(row.unitId, nameOfKey(row.unitId, row.unitId, null));
            const f = (g.counts.feedback ??= { judged: 0, onTime: 0 });
            f.judged += row.answered + row.overdueOpen;
            f.onTime += row.answeredOnTime;
          }
        }
      }
      if (by === 'officer') {
        const span = {
          from: vnMonthBounds(months[0]!).from,
          to: vnMonthBounds(months.at(-1)!).to,
        };
        const upheld = await repos.assessment.upheldConduct(unitIds, span.from, span.to);
        for (const [officerId, count] of upheld) {
          groupOf(officerId, nameOfKey(officerId, '', null)).counts.upheldConduct += count;
        }
      }

      let list = [...groups.values()];
      if (ownRowOnly) list = list.filter((g) => g.key === user.id);
      const scored = list.map((g) => ({
        ...g,
        score: scoreAssessment(g.counts, rules, by === 'officer'),
      }));
      const ranked = rankAssessment(scored, rules.minAnswersToRank, compareVi);
      const unitNames = (g: Group) => {
        const names = [...g.unitIds].map((id) => unitOf.get(id)?.name ?? id).sort(compareVi);
        if (by === 'unit') {
          const parent = unitOf.get(g.key)?.parentId;
          return parent ? (unitOf.get(parent)?.name ?? null) : null;
        }
        if (by === 'officer' && names.length === 0) {
          const own = userOf.get(g.key)?.unitId;
          return own ? (unitOf.get(own)?.name ?? null) : null;
        }
        return names.length > 0 ? names.join(', ') : null;
      };
      const rows = ranked.map(({ row, rank }) => toRow(row, row.score, rank, unitNames(row)));
      const notMeasured = INDICATORS.filter((i) =>
        rows.every((r) => r.indicators.find((s) => s.indicator === i)!.points === null),
      );
      return {
        period: periodInfo(period),
        by,
        node: focus.unit ? { id: focus.unit.id, name: focus.unit.name } : null,
        rows,
        minAnswersToRank: rules.minAnswersToRank,
        bands: [...rules.bands],
        rulesSet: provinceRules !== undefined,
        notMeasured,
        ownRowOnly,
      };
    },
  };
}

function toRow(
  g: Group,
  score: AssessmentScore,
  rank: number | null,
  unitName: string | null,
): AssessmentRow {
  return {
    key: g.key,
    name: g.name,
    unitName,
    rank,
    indicators: score.indicators,
    total: score.total,
    maxMeasured: score.maxMeasured,
    band: score.band ? { vi: score.band.vi, en: score.band.en } : null,
    answers: score.answers,
    satisfied: g.counts.satisfied,
    rate: score.rate,
    interval: score.interval,
    dossiers: g.dossiers,
    ratedDossiers: g.ratedDossiers,
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
