/**
 * Counts what the database holds for the load benchmark's tablets against their own logs: every
 * acknowledged record must be stored exactly once (in the ledger, and as a rating or a phản ánh),
 * and nothing may be stored that no tablet made. Read after the server stopped, by the same
 * repository code the server uses, on either dialect.
 */
import { openDatabase } from '../../apps/api/src/db/connect.ts';
import type { TabletLog } from './load-tablet.ts';

export interface LedgerCheck {
  made: number;
  acknowledged: number;
  /** Acknowledged, but missing from a table. */
  lost: number;
  /** Rows beyond the first for one record, or rows for records no tablet made. */
  duplicated: number;
  /** Refused records, and resends of acknowledged records not answered "duplicate". */
  refused: number;
  /** Why, the first few. */
  reasons: string[];
}

type Row = { id: string; deviceId: string | null };

function compare(rows: Row[], expected: Map<string, string>, made: Set<string>) {
  const seen = new Map<string, number>();
  let duplicated = 0;
  for (const row of rows) {
    const key = `${row.deviceId}/${row.id}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (!made.has(key)) duplicated += 1;
  }
  for (const n of seen.values()) duplicated += Math.max(0, n - 1);
  let lost = 0;
  for (const [id, deviceId] of expected) if (!seen.has(`${deviceId}/${id}`)) lost += 1;
  return { lost, duplicated };
}

export async function countAgainstLogs(url: string, logs: TabletLog[]): Promise<LedgerCheck> {
  const handle = await openDatabase(url);
  try {
    const { db } = handle;
    const devices = logs.map((l) => l.deviceId);
    const [ledger, ratings, feedback] = await Promise.all([
      db
        .selectFrom('records')
        .select(['id', 'deviceId'])
        .where('deviceId', 'in', devices)
        .execute(),
      db
        .selectFrom('ratings')
        .select(['id', 'deviceId'])
        .where('deviceId', 'in', devices)
        .execute(),
      db
        .selectFrom('feedbackItems')
        .select(['id', 'deviceId'])
        .where('deviceId', 'in', devices)
        .execute(),
    ]);
    const made = new Set<string>();
    const acknowledged = { all: new Map<string, string>(), rating: new Map(), feedback: new Map() };
    let refused = 0;
    for (const log of logs) {
      refused += log.rejected.length + log.resendNotDuplicate.length;
      for (const [id, record] of log.made) {
        made.add(`${log.deviceId}/${id}`);
        if (!log.acknowledged.has(id)) continue;
        acknowledged.all.set(id, log.deviceId);
        acknowledged[record.kind].set(id, log.deviceId);
      }
    }
    const checks = [
      compare(ledger, acknowledged.all, made),
      compare(ratings, acknowledged.rating, made),
      compare(feedback, acknowledged.feedback, made),
    ];
    return {
      made: made.size,
      acknowledged: acknowledged.all.size,
      lost: checks.reduce((sum, c) => sum + c.lost, 0),
      duplicated: checks.reduce((sum, c) => sum + c.duplicated, 0),
      refused,
      reasons: [...new Set(logs.flatMap((l) => l.reasons))].slice(0, 5),
    };
  } finally {
    await handle.close();
  }
}
