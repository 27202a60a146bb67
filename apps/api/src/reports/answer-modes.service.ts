/**
 * How citizens answered over a period (issue 27): of a node's counted ratings, how many were given
 * in each language, with the spoken prompts, with large text. Read from the answer-mode counters
 * (migration 034) summed over the node's subtree, like every report; readers see their subtree only.
 */
import { monthOf, parsePeriod } from '@hailong/domain';
import { BUILT_IN_PACKS } from '@hailong/domain/built-in-packs';
import type { AnswerModes } from '@hailong/contracts';
import type { Repositories, UserRow } from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import type { Clock } from '../jobs/clock.ts';
import { loadReportScope } from './report-scope.ts';
import { focusOn } from './node-tally.service.ts';

export type AnswerModesReport = AnswerModes;

export function createAnswerModesService(repos: Repositories, clock: Clock) {
  async function names() {
    const out = new Map(
      BUILT_IN_PACKS.map((p) => [p.language, { name: p.name, nameVi: p.nameVi }]),
    );
    for (const row of await repos.languagePacks.listPacks()) {
      const { name, nameVi } = JSON.parse(row.pack) as { name: string; nameVi: string };
      out.set(row.language, { name, nameVi });
    }
    return out;
  }

  return {
    async report(
      user: UserRow,
      query: { node?: string | undefined; period?: string | undefined },
    ): Promise<AnswerModesReport> {
      const period = parsePeriod(query.period ?? monthOf(clock()));
      if (!period) {
        throw new ApiError(422, 'validation_failed', 'Kỳ báo cáo không hợp lệ.', [
          { path: 'period', message: 'a month, quarter, half, nine months or year' },
        ]);
      }
      const focus = focusOn(await loadReportScope(repos, user), query.node);
      const rows = await repos.answerModes.counted(focus.subtree, period.months);
      const byLanguage = new Map<string, number>([['vi', 0]]);
      for (const r of rows) byLanguage.set(r.language, (byLanguage.get(r.language) ?? 0) + r.count);
      const known = await names();
      const sum = (pick: (r: (typeof rows)[number]) => boolean) =>
        rows.filter(pick).reduce((n, r) => n + r.count, 0);
      return {
        nodeId: focus.unit?.id ?? null,
        period: period.id,
        total: sum(() => true),
        languages: [...byLanguage]
          .map(([language, count]) => ({
            language,
            // A pack removed since: its tag stands in for the names it had.
            name: known.get(language)?.name ?? language,
            nameVi: known.get(language)?.nameVi ?? language,
            count,
          }))
          .sort((a, b) => b.count - a.count || (a.language < b.language ? -1 : 1)),
        audio: sum((r) => r.audio === 1),
        largeText: sum((r) => r.largeText === 1),
      };
    },
  };
}

export type AnswerModesService = ReturnType<typeof createAnswerModesService>;
