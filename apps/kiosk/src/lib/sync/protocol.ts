/** The sync protocol as the loop needs it, from the shared contracts (loaded after first paint). */
import type * as Contracts from '../contracts.ts';
import type { SyncProtocol } from './sync-loop.ts';

type ProtocolContracts = Pick<
  typeof Contracts,
  'SYNC_PROTOCOL' | 'SYNC_MAX_ITEMS' | 'SYNC_MAX_BYTES' | 'parseSyncResponse'
>;

export function syncProtocol(contracts: ProtocolContracts): SyncProtocol {
  return {
    version: contracts.SYNC_PROTOCOL,
    maxItems: contracts.SYNC_MAX_ITEMS,
    maxBytes: contracts.SYNC_MAX_BYTES,
    parseReply: (body) => contracts.parseSyncResponse(body),
  };
}
