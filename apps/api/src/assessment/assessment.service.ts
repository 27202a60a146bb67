/**
 * The TT 01/2018 assessment tables (issue 12, item 6): per officer, unit or sector over a period,
 * the indicators' points, the total out of what was measured, the band and the satisfaction rate.
 * Everything rated comes from counters kept at store time, never from ratings: an officer's ratings,
 * the extra answers and the rated dossiers from the assessment's (migration 022), a unit's and a
 * sector's ratings from the tree's counters of each unit's own ratings; dossiers and phản ánh from
 * their registers. The grouping and the scoring are the domain's (assessment-groups.ts,
 * assessment.ts). Staff see their own row only, never ranked (a rank among rows they cannot see
 * is nothing they could check); others their subtree.
 */
import type { AssessmentBy, AssessmentReport, AssessmentRow } from '@hailong/contracts';
import {
  INDICATORS,
  TT01_RULES,
  compareVi,
  groupAssessment,
  poolAssessment,
  rankAssessment,
  scaleInForce,
  scoreAssessment,
  timeOutcome,
  unitNameOf,
  vnDateOf,
  type AssessmentGroup,
  type CountedRatings,
  type AssessmentRules,
  type AssessmentScore,
  type GroupingCatalogue,
  type Period,
  type RankedRow,
  type UnitFeedback,
} from '@hailong/domain';
import type { Repositories, UserRow } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import { feedbackOnTimeIn, vnMonthBounds } from '../feedback/feedback-on-time.ts';
import { focusOn, periodInfo } from '../reports/node-tally.service.ts';
import { loadReportScope } from '../reports/report-scope.ts';

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * `rules`: the province's own (the rules file: config.ts). Without them the report scores with
 * hailong's proposal (TT01_RULES) and says that nobody has set the rules yet.
 */
export function createAssessmentService(
  repos: Repositories,
  clock: Clock,
  provinceRules?: AssessmentRules,
) {
  const rules = provinceRules ?? TT01_RULES;

  /** Phản ánh judged for indicator 8 per unit in scope, month by month. */
  async function unitFeedback(unitIds: readonly string[], months: readonly string[], now: number) {
    const rows = await feedbackOnTimeIn(repos, months, new Set(unitIds), now);
    return rows.map((row): UnitFeedback => ({
      unitId: row.unitId,
      judged: row.answered + row.overdueOpen,
      onTime: row.answeredOnTime,
    }));
  }

  return {
    /** `user` null: the whole tree, for a reader whose scope was checked before (a pull token). */
    async report(
      user: UserRow | null,
      period: Period,
      by: AssessmentBy,
      node?: string,
    ): Promise<AssessmentReport> {
      const ownRowOnly = user?.role === 'staff';
      const scope = await loadReportScope(repos, user);
      // Staff read their own row whatever node they name, but naming one outside their scope is
      // still "not found" (access.ts), never silently answered with their own.
      if (ownRowOnly && node !== undefined) scope.requireVisible(node);
      const focus = focusOn(scope, ownRowOnly ? undefined : node);
      const unitIds = focus.subtree;
      const months = period.months;
      const now = clock();
      const today = vnDateOf(now);
      const counters = by === 'officer' ? 'officer' : 'sector';

      const [units, sectors, scales, users, answers, dossiers] = await Promise.all([
        repos.catalogue.listUnits(),
        repos.catalogue.listSectors(),
        repos.catalogue.listUnitScales(unitIds),
        repos.users.list(),
        repos.assessment.countedAnswers(unitIds, months, counters),
        repos.assessment.dossiersBetween(unitIds, `${months[0]}-01`, lastDay(months.at(-1)!)),
      ]);
      const unitOf = new Map(units.map((u) => [u.id, u]));
      const catalogue: GroupingCatalogue = {
        units: unitOf,
        sectors: new Map(sectors.map((s) => [s.id, s])),
        users: new Map(users.map((u) => [u.id, u])),
      };
      const scaleOf = (unitId: string, month: string) =>
        scaleInForce(
          scales.filter((s) => s.unitId === unitId),
          month,
          unitOf.get(unitId)?.scale ?? 'five',
        );
      // An officer's ratings from the assessment's counters, judged on the unit's scale of the
      // month (a scale changes from a next month only, so this is the scale they were given on);
      // a unit's and a sector's from the tree's counters of each unit's own ratings.
      let ratings: CountedRatings[];
      if (by === 'officer') {
        ratings = (await repos.assessment.officerRatings(unitIds, months)).map((r) => ({
          unitId: r.unitId,
          sectorId: null,
          officerId: r.officerId,
          scale: scaleOf(r.unitId, r.month),
          level: r.level,
          count: r.count,
        }));
      } else {
        const sectorIdOf = new Map(sectors.map((s) => [`${s.unitId}\u0000${s.code}`, s.id]));
        const own = await repos.nodeRollups.nodeSectorCounts(
          unitIds,
          { from: months[0]!, to: months.at(-1)! },
          true,
        );
        ratings = own
          .filter((r) => r.category === 'counted')
          .map((r) => ({
            unitId: r.nodeId,
            // A code no sector of the unit has any more stands in for its sector.
            sectorId: sectorIdOf.get(`${r.nodeId}\u0000${r.sectorCode}`) ?? r.sectorCode,
            officerId: null,
            scale: r.scale,
            level: r.level,
            count: r.count,
          }));
      }
      const rated = await repos.assessment.ratedCodes(dossiers.map((d) => d.code));
      const span = { from: vnMonthBounds(months[0]!).from, to: vnMonthBounds(months.at(-1)!).to };

      const groups = groupAssessment({
        by,
        catalogue,
        ratings,
        answers,
        dossiers: dossiers.map((d) => ({
          unitId: d.unitId,
          sectorId: d.sectorId,
          officerId: d.officerId,
          outcome: timeOutcome(d, today),
          rated: rated.has(d.code),
        })),
        feedback: by === 'unit' ? await unitFeedback(unitIds, months, now) : [],
        upheld:
          by === 'officer'
            ? await repos.assessment.upheldConduct(unitIds, span.from, span.to)
            : new Map(),
      });

      const list = ownRowOnly ? groups.filter((g) => g.key === user?.id) : groups;
      const scored = list.map((g) => ({
        ...g,
        score: scoreAssessment(g.counts, rules, by === 'officer'),
      }));
      const ranked = rankAssessment(scored, rules.minAnswersToRank, compareVi);
      const rows = ranked.map(({ row, rank, unranked }) =>
        toRow(
          row,
          row.score,
          ownRowOnly ? { rank: null, unranked: null } : { rank, unranked },
          unitNameOf(row, by, catalogue, compareVi),
        ),
      );
      const focusNode = focus.unit ? { id: focus.unit.id, name: focus.unit.name } : null;
      const pooledGroup =
        by === 'unit' && !ownRowOnly
          ? poolAssessment(groups, focusNode?.id ?? '', focusNode?.name ?? 'Tất cả đơn vị')
          : null;
      const pooled =
        pooledGroup &&
        toRow(
          pooledGroup,
          scoreAssessment(pooledGroup.counts, rules),
          { rank: null, unranked: null },
          null,
        );
      const notMeasured = INDICATORS.filter((i) =>
        rows.every((r) => r.indicators.find((s) => s.indicator === i)!.points === null),
      );
      return {
        period: periodInfo(period),
        by,
        node: focusNode,
        rows,
        pooled,
        minAnswersToRank: rules.minAnswersToRank,
        bands: [...rules.bands],
        requiredForBand: [...rules.requiredForBand],
        rulesSet: provinceRules !== undefined,
        notMeasured,
        ownRowOnly,
      };
    },
  };
}

function toRow(
  g: AssessmentGroup,
  score: AssessmentScore,
  { rank, unranked }: Pick<RankedRow<unknown>, 'rank' | 'unranked'>,
  unitName: string | null,
): AssessmentRow {
  return {
    key: g.key,
    name: g.name,
    unitName,
    rank,
    unranked,
    indicators: score.indicators,
    total: score.total,
    maxMeasured: score.maxMeasured,
    band: score.band ? { vi: score.band.vi, en: score.band.en } : null,
    missing: score.missing,
    answers: score.answers,
    satisfied: g.counts.satisfied,
    rate: score.rate,
    interval: score.interval,
    dossiers: g.dossiers,
    ratedDossiers: g.ratedDossiers,
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
