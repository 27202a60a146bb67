/**
 * The job runner's rows: the runner's lease (`job_leases`, 010-alerts.ts) and each periodic job's
 * schedule and run in progress (`job_runs`, 023-job-runner.ts). Every decision is one conditional
 * update, so of two processes asking at once exactly one is told yes.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A periodic job as the database knows it. */
export interface JobRunRow {
  name: string;
  /** When it is due next; 0 until it first ran. */
  nextAt: number;
  /** The claim of the run in progress, if any: whose, and until when. */
  claimedBy: string | null;
  claimedUntil: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** What the last run failed with; null when it succeeded. */
  error: string | null;
}

export interface JobRepository {
  /** Takes or renews lease `name` for `holder` until `until`; whether it holds it now. */
  takeLease(name: string, holder: string, now: number, until: number): Promise<boolean>;
  /** Gives the lease up at once, if `holder` has it. */
  releaseLease(name: string, holder: string): Promise<void>;
  /**
   * Claims a run of job `name` for `claim` until `until`, if it is due and no other claim is
   * still good; whether this claim got it. A job never seen before is due at once.
   */
  claimRun(name: string, claim: string, now: number, until: number): Promise<boolean>;
  /** Extends a claim still held; whether it was. */
  renewRun(name: string, claim: string, until: number): Promise<boolean>;
  /** Ends the run of `claim`: due next at `nextAt`, with its error if it failed. */
  finishRun(
    name: string,
    claim: string,
    end: { at: number; nextAt: number; error: string | null },
  ): Promise<boolean>;
  /**
   * Brings job `name` forward to run at `at` at the latest (something it handles happened), even
   * while it runs: the run in progress may have looked before it happened.
   */
  runSoon(name: string, at: number): Promise<void>;
  list(): Promise<JobRunRow[]>;
}

const nextAt = sql.ref('nextAt');
const claimedUntil = sql.ref('claimedUntil');

export function createJobRepository(db: Kysely<Database>): JobRepository {
  const row = (r: Record<keyof JobRunRow, unknown>): JobRunRow => ({
    name: String(r.name),
    nextAt: Number(r.nextAt),
    claimedBy: r.claimedBy === null ? null : String(r.claimedBy),
    claimedUntil: r.claimedUntil === null ? null : Number(r.claimedUntil),
    startedAt: r.startedAt === null ? null : Number(r.startedAt),
    finishedAt: r.finishedAt === null ? null : Number(r.finishedAt),
    error: r.error === null ? null : String(r.error),
  });
  return {
    async takeLease(name, holder, now, until) {
      await db
        .insertInto('jobLeases')
        .values({ name, holder: '', expiresAt: 0 })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const result = await db
        .updateTable('jobLeases')
        .set({ holder, expiresAt: until })
        .where('name', '=', name)
        .where((eb) => eb.or([eb('holder', '=', holder), eb('expiresAt', '<=', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async releaseLease(name, holder) {
      await db
        .updateTable('jobLeases')
        .set({ expiresAt: 0 })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .execute();
    },
    async claimRun(name, claim, now, until) {
      await db
        .insertInto('jobRuns')
        .values({ name, nextAt: 0 })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const result = await db
        .updateTable('jobRuns')
        // Due again when the claim runs out: a run a crash cut short is taken up then.
        .set({ claimedBy: claim, claimedUntil: until, nextAt: until, startedAt: now })
        .where('name', '=', name)
        .where('nextAt', '<=', now)
        .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<=', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async renewRun(name, claim, until) {
      const result = await db
        .updateTable('jobRuns')
        .set({
          claimedUntil: until,
          // Unless runSoon brought it forward meanwhile.
          nextAt: sql<number>`case when ${nextAt} = ${claimedUntil} then ${until} else ${nextAt} end`,
        })
        .where('name', '=', name)
        .where('claimedBy', '=', claim)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async finishRun(name, claim, end) {
      const result = await db
        .updateTable('jobRuns')
        .set({
          // A runSoon during the run (next_at below the claim's end) still stands.
          nextAt: sql<number>`case when ${nextAt} < ${claimedUntil} and ${nextAt} < ${end.nextAt} then ${nextAt} else ${end.nextAt} end`,
          claimedBy: null,
          claimedUntil: null,
          finishedAt: end.at,
          error: end.error === null ? null : end.error.slice(0, 500),
        })
        .where('name', '=', name)
        .where('claimedBy', '=', claim)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async runSoon(name, at) {
      await db
        .insertInto('jobRuns')
        .values({ name, nextAt: at })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({ nextAt: at }).where('jobRuns.nextAt', '>', at),
        )
        .execute();
    },
    async list() {
      const rows = await db.selectFrom('jobRuns').selectAll().orderBy('name').execute();
      return rows.map(row);
    },
  };
}
