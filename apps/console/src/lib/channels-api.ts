/** The console's client for issue 13: staff entry, verdicts taken up or given by phone, the channel split. */
import {
  ChannelTally,
  FeedbackDetail,
  StaffEntryReceipt,
  type PhoneVerdictRequest,
  type StaffEntryRequest,
} from '@hailong/contracts';
import { GET, POST, parsed } from './api-client.ts';

export const channelsApi = {
  enter: (body: Exclude<StaffEntryRequest, undefined>) =>
    parsed(POST('/api/v1/feedback/entries', { body }), StaffEntryReceipt),
  verdictHandled: (itemId: string, note: string) =>
    parsed(
      POST('/api/v1/feedback/{id}/verdict/handled', {
        params: { path: { id: itemId } },
        body: { note },
      }),
      FeedbackDetail,
    ),
  recordVerdict: (itemId: string, body: Exclude<PhoneVerdictRequest, undefined>) =>
    parsed(
      POST('/api/v1/feedback/{id}/verdict', { params: { path: { id: itemId } }, body }),
      FeedbackDetail,
    ),
  split: (node: string | undefined, period: string, signal?: AbortSignal) =>
    parsed(
      GET('/api/v1/tally/channels', { params: { query: { node, period } }, signal }),
      ChannelTally,
    ),
};
