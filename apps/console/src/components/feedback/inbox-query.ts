/** The inbox's filters live in the URL (`/feedback?status=received&due=overdue`): the URL is the state. */
import type { FeedbackListParams } from '@hailong/contracts';

export const PAGE_SIZE = 50;

export interface InboxFilters {
  status: string;
  unitId: string;
  sectorId: string;
  due: string;
  q: string;
  mine: boolean;
  /** not_accepted: answers the citizen did not accept, not taken up yet. */
  verdict: string;
  offset: number;
}

export function readFilters(query: URLSearchParams): InboxFilters {
  const offset = Number(query.get('offset'));
  return {
    status: query.get('status') ?? '',
    unitId: query.get('unitId') ?? '',
    sectorId: query.get('sectorId') ?? '',
    due: query.get('due') ?? '',
    q: query.get('q') ?? '',
    mine: query.get('assignee') === 'me',
    verdict: query.get('verdict') === 'not_accepted' ? 'not_accepted' : '',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The inbox path for these filters; empty ones are left out. */
export function inboxPath(filters: Partial<InboxFilters>): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'unitId', 'sectorId', 'due', 'q', 'verdict'] as const) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  if (filters.mine) params.set('assignee', 'me');
  if (filters.offset) params.set('offset', String(filters.offset));
  const text = params.toString();
  return text ? `/feedback?${text}` : '/feedback';
}

/** The API query for these filters. */
export function apiQuery(filters: InboxFilters): Partial<FeedbackListParams> {
  return {
    ...(filters.status && { status: filters.status as FeedbackListParams['status'] }),
    ...(filters.unitId && { unitId: filters.unitId }),
    ...(filters.sectorId && { sectorId: filters.sectorId }),
    ...(filters.due && { due: filters.due as FeedbackListParams['due'] }),
    ...(filters.q.trim() && { q: filters.q.trim() }),
    ...(filters.mine && { assignee: 'me' as const }),
    ...(filters.verdict === 'not_accepted' && { verdict: 'not_accepted' as const }),
    limit: PAGE_SIZE,
    offset: filters.offset,
  };
}
