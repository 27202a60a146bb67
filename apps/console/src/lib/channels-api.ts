/** The console's client for issue 13: staff entry, verdicts taken up or given by phone, the channel split. */
import {
  ChannelTally,
  FeedbackDetail,
  StaffEntryReceipt,
  type PhoneVerdictRequest,
  type StaffEntryRequest,
} from '@hailong/contracts';
import { request } from './api.ts';

const id = (value: string) => encodeURIComponent(value);

export const channelsApi = {
  enter: (body: Exclude<StaffEntryRequest, undefined>) =>
    request('POST', '/feedback/entries', StaffEntryReceipt, { body }),
  verdictHandled: (itemId: string, note: string) =>
    request('POST', `/feedback/${id(itemId)}/verdict/handled`, FeedbackDetail, {
      body: { note },
    }),
  recordVerdict: (itemId: string, body: Exclude<PhoneVerdictRequest, undefined>) =>
    request('POST', `/feedback/${id(itemId)}/verdict`, FeedbackDetail, { body }),
  split: (node: string | undefined, period: string, signal?: AbortSignal) => {
    const query = new URLSearchParams({ period });
    if (node) query.set('node', node);
    return request('GET', `/tally/channels?${query}`, ChannelTally, { signal });
  },
};
