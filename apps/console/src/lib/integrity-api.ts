/** The console's client for integrity signals (issue 25 item 5, "Kiểm tra tính xác thực"). */
import {
  Conclusion,
  ExcludeResult,
  SignalList,
  SignalRecords,
  type ConclusionOutcome,
  type ExcludeRequest,
} from '@hailong/contracts';
import { GET, POST, parsed } from './api-client.ts';

const signal = (id: string) => ({ params: { path: { id } } });

export const integrityApi = {
  signals: (query: { nodeId: string; from: string; to: string; offset?: number }) =>
    parsed(GET('/api/v1/integrity/signals', { params: { query } }), SignalList),
  records: (id: string) =>
    parsed(GET('/api/v1/integrity/signals/{id}/records', signal(id)), SignalRecords),
  conclude: (id: string, body: { outcome: ConclusionOutcome; note: string }) =>
    parsed(POST('/api/v1/integrity/signals/{id}/conclusions', { ...signal(id), body }), Conclusion),
  exclude: (body: ExcludeRequest) =>
    parsed(POST('/api/v1/integrity/exclusions', { body }), ExcludeResult),
};
