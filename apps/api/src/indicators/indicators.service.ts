/**
 * The indicator file of a node for a period, for a signed-in reader (their subtree) or for the
 * provincial system's pull token (the token's subtree: a node outside it is 403, an unknown one
 * 404). Every figure comes from what the reports already read: the tree's counters (node tally),
 * the register's on-time figure and the TT 01 assessment; nothing here counts ratings.
 */
import { buildTree, inScope, reportPeriod, scopeOf, subtreeOf, type Period } from '@hailong/domain';
import { INDICATOR_FILE_VERSION, type IndicatorFile } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import type { Clock } from '../jobs/clock.ts';
import type { NodeTallyService } from '../reports/node-tally.service.ts';
import type { AssessmentService } from '../assessment/assessment.service.ts';
import { feedbackOnTimeIn } from '../feedback/feedback-on-time.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { indicatorsOf, measuredTt01, type IndicatorInput } from './indicator-codes.ts';
import type { PullTokenRow } from './pull-tokens.repository.ts';

/** Who asks: a signed-in user, or the provincial system with a pull token. */
export type IndicatorReader = { user: UserRow } | { token: PullTokenRow };

export function createIndicatorsService(
  repos: Repositories,
  clock: Clock,
  nodeTally: NodeTallyService,
  assessment: AssessmentService,
) {
  /** The node a token reads: the one asked for, within the token's subtree, or its own root. */
  async function tokenNode(token: PullTokenRow, node: string | undefined) {
    const tree = buildTree(await repos.catalogue.listUnits());
    const wanted = node ?? token.nodeId ?? undefined;
    if (wanted === undefined) return undefined;
    if (!tree.nodes.has(wanted)) throw notFound('Đơn vị');
    if (!inScope(scopeOf(tree, { role: 'viewer', unitId: token.nodeId }), wanted)) {
      throw forbidden();
    }
    return wanted;
  }

  /** Phản ánh received in the period by the units of `unitIds`, as they stand now. */
  async function feedbackOf(unitIds: ReadonlySet<string> | null, period: Period, now: number) {
    const sum: IndicatorInput['feedback'] = {
      received: 0,
      answered: 0,
      answeredOnTime: 0,
      overdueOpen: 0,
      accepted: 0,
      notAccepted: 0,
    };
    for (const row of await feedbackOnTimeIn(repos, period.months, unitIds, now)) {
      for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += row[key];
    }
    return sum;
  }

  return {
    async file(reader: IndicatorReader, period: Period, node?: string): Promise<IndicatorFile> {
      const user = 'user' in reader ? reader.user : null;
      const asked = 'token' in reader ? await tokenNode(reader.token, node) : node;
      // A token's scope was checked above; the services then read as for the whole tree.
      const tally = await nodeTally.tally(user, period, { node: asked });
      const now = clock();
      const units = await repos.catalogue.listUnits();
      const tree = buildTree(units);
      const subtree = tally.node.id ? new Set(subtreeOf(tree, tally.node.id)) : null;
      const ttReport = await assessment.report(user, period, 'unit', tally.node.id ?? undefined);
      const { totals } = tally;
      const input: IndicatorInput = {
        totals: {
          total: totals.total,
          satisfied: totals.satisfied,
          target: totals.target ?? null,
          verdict: totals.verdict,
          sectorsJudged: totals.sectorsJudged,
          sectorsMet: totals.sectorsMet,
        },
        sectors: tally.sectors,
        feedback: await feedbackOf(subtree, period, now),
        tt01: measuredTt01(ttReport.pooled),
      };
      const { label, from, to } = reportPeriod(period);
      return {
        version: INDICATOR_FILE_VERSION,
        node: {
          id: tally.node.id,
          code: tally.node.id ? (tree.nodes.get(tally.node.id)?.code ?? null) : null,
          name: tally.node.name,
        },
        period: { id: period.id, label, from, to },
        generatedAt: new Date(now).toISOString(),
        indicators: indicatorsOf(input),
      };
    },
  };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
