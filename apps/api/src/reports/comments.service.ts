/**
 * Góp ý thêm: the comments citizens typed after a low rating, for a node of the tree and a period.
 * Who may read them is the report's rule (loadReportScope: their subtree; elsewhere "not found");
 * a viewer reads them with every phone number masked. A search matches words without diacritics
 * in the domain, over the newest MAX_COMMENTS_SEARCHED comments read from SQL, so it behaves the
 * same on SQLite and PostgreSQL and costs a bounded read.
 */
import {
  commentForRole,
  findLevel,
  LOW_RATING_REASONS,
  masksCommentContact,
  matchesTerms,
  RATING_SCALES,
  searchTerms,
  type LowRatingReason,
  type Period,
} from '@hailong/domain';
import { MAX_COMMENTS_SEARCHED, type CitizenComment, type CommentList } from '@hailong/contracts';
import type { CommentFilter, CommentRow, Repositories, UserRow } from '../repositories/types.ts';
import { loadReportCatalogue } from './report-catalogue.ts';
import { loadReportScope } from './report-scope.ts';
import { focusOn, periodInfo, spanOf } from './node-tally.service.ts';

export interface CommentOptions {
  node?: string;
  /** A lĩnh vực code. */
  sector?: string;
  q?: string;
  limit: number;
  offset: number;
}

const KNOWN_REASONS = new Set<string>(LOW_RATING_REASONS);

export function createCommentsService(repos: Repositories) {
  /** The reader's view of the node: which ratings count, and how a row reads. */
  async function prepare(user: UserRow, period: Period, node?: string, sector?: string) {
    const scope = await loadReportScope(repos, user);
    const focus = focusOn(scope, node);
    const catalogue = await loadReportCatalogue(
      repos,
      scope.tree,
      [period.year],
      period.months.at(-1)!,
    );
    const filter: CommentFilter = {
      unitIds: focus.subtree,
      sectorIds: sector === undefined ? undefined : catalogue.sectorIds(focus.subtree, sector),
      span: spanOf(period.months),
    };
    const show = (row: CommentRow): CitizenComment => {
      const unit = scope.tree.nodes.get(row.unitId)!;
      const scale = unit.scale;
      return {
        ratingId: row.id,
        deviceTime: new Date(row.deviceTime).toISOString(),
        unit: { id: unit.id, name: catalogue.unitName(unit) },
        sector: catalogue.sector(row.sectorId) ?? { code: '', name: '' },
        scale,
        level: row.level,
        levelLabel: findLevel(RATING_SCALES[scale], row.level)?.label.vi ?? String(row.level),
        reasons: row.reasons.filter((r): r is LowRatingReason => KNOWN_REASONS.has(r)),
        comment: commentForRole(row.comment, user.role),
      };
    };
    const nodeRef = focus.unit
      ? { id: focus.unit.id, name: catalogue.unitName(focus.unit), kind: focus.unit.kind }
      : { id: null, name: 'Tất cả đơn vị', kind: null };
    return { filter, show, nodeRef };
  }

  return {
    /** One page of the comments of `node` over `period`, newest first. */
    async list(user: UserRow, period: Period, options: CommentOptions): Promise<CommentList> {
      const { filter, show, nodeRef } = await prepare(user, period, options.node, options.sector);
      const terms = searchTerms(options.q);
      let total: number;
      let rows: CommentRow[];
      let searchCapped = false;
      if (terms.length === 0) {
        [total, rows] = await Promise.all([
          repos.ratingComments.count(filter),
          repos.ratingComments.page(filter, options.limit, options.offset),
        ]);
      } else {
        const texts = await repos.ratingComments.newestTexts(filter, MAX_COMMENTS_SEARCHED);
        searchCapped = texts.length === MAX_COMMENTS_SEARCHED;
        // A viewer searches what they read: a masked number is not found either.
        const found = texts.filter((t) =>
          matchesTerms(commentForRole(t.comment, user.role), terms),
        );
        total = found.length;
        rows = await repos.ratingComments.byIds(
          found.slice(options.offset, options.offset + options.limit).map((t) => t.id),
        );
      }
      return {
        period: periodInfo(period),
        node: nodeRef,
        total,
        offset: options.offset,
        limit: options.limit,
        searchCapped,
        masked: masksCommentContact(user.role),
        items: rows.map(show),
      };
    },

    /** Every comment of `node` over `period` for a download, newest first, at most `max`. */
    async all(user: UserRow, period: Period, node: string | undefined, max: number) {
      const { filter, show, nodeRef } = await prepare(user, period, node);
      const rows = await repos.ratingComments.page(filter, max, 0);
      return { node: nodeRef, items: rows.map(show) };
    },
  };
}

export type CommentsService = ReturnType<typeof createCommentsService>;
