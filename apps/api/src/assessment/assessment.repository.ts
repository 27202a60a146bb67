import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type {
  AnswerSumRow,
  AssessmentRepository,
  DossierRow,
  DossierUpsert,
} from './assessment-types.ts';
import { chunks } from '../reports/rollup-writes.ts';

/** PostgreSQL answers SUM and COUNT as text. */
const n = (v: unknown) => Number(v ?? 0);

const same = (a: DossierRow, b: DossierRow) =>
  a.unitId === b.unitId &&
  a.sectorId === b.sectorId &&
  a.officerId === b.officerId &&
  a.procedure === b.procedure &&
  a.receivedDate === b.receivedDate &&
  a.dueDate === b.dueDate &&
  a.returnedDate === b.returnedDate &&
  a.online === b.online;

export function createAssessmentRepository(db: Kysely<Database>): AssessmentRepository {
  const dossierRow = (r: Database['dossiers']): DossierRow => ({
    code: r.code,
    unitId: r.unitId,
    sectorId: r.sectorId,
    officerId: r.officerId,
    procedure: r.procedure,
    receivedDate: r.receivedDate,
    dueDate: r.dueDate,
    returnedDate: r.returnedDate,
    online: n(r.online) === 1,
  });

  /** Sums of counted ratings grouped by `key` (a column), unit, month and level. */
  async function sums(
    key: 'officerId' | 'sectorId',
    unitIds: readonly string[],
    months: readonly string[],
  ): Promise<AnswerSumRow[]> {
    const out: AnswerSumRow[] = [];
    if (months.length === 0) return out;
    const count = (column: 'visits' | 'agencies' | 'attitude', value: number | string) =>
      sql<string>`sum(case when ${sql.ref(column)} = ${value} then 1 else 0 end)`;
    for (const part of chunks(unitIds)) {
      let query = db
        .selectFrom('ratings')
        .select([
          `${key} as key`,
          'unitId',
          'month',
          'level',
          (eb) => eb.fn.countAll<string>().as('n'),
          count('visits', 1).as('v1'),
          count('visits', 2).as('v2'),
          count('visits', 3).as('v3'),
          count('agencies', 1).as('a1'),
          count('agencies', 2).as('a2'),
          count('agencies', 3).as('a3'),
          count('attitude', 'courteous').as('courteous'),
          count('attitude', 'not_courteous').as('notCourteous'),
          count('attitude', 'harassing').as('harassing'),
        ])
        .where('unitId', 'in', part)
        .where('month', 'in', months)
        .where('category', '=', 'counted');
      query =
        key === 'officerId'
          ? query.where('officerId', 'is not', null)
          : query.where((eb) =>
              eb.or([
                eb('visits', 'is not', null),
                eb('agencies', 'is not', null),
                eb('attitude', 'is not', null),
              ]),
            );
      const rows = await query.groupBy([key, 'unitId', 'month', 'level']).execute();
      for (const r of rows) {
        out.push({
          key: String(r.key),
          unitId: r.unitId,
          month: r.month,
          level: r.level,
          n: n(r.n),
          visits: [n(r.v1), n(r.v2), n(r.v3)],
          agencies: [n(r.a1), n(r.a2), n(r.a3)],
          attitude: {
            courteous: n(r.courteous),
            not_courteous: n(r.notCourteous),
            harassing: n(r.harassing),
          },
        });
      }
    }
    return out;
  }

  return {
    async upsertDossiers(rows, now) {
      const result: DossierUpsert = { created: 0, updated: 0, unchanged: 0, ownedElsewhere: [] };
      const ordered = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      const storedOf = async (codes: string[]) =>
        new Map(
          (await db.selectFrom('dossiers').selectAll().where('code', 'in', codes).execute()).map(
            (r) => [r.code, dossierRow(r)],
          ),
        );
      for (const part of chunks(ordered)) {
        const existing = await storedOf(part.map((r) => r.code));
        const fresh = part.filter((r) => !existing.has(r.code));
        // Conflict-ignore, never check-then-insert: a code another transaction stored meanwhile
        // is skipped here (PostgreSQL waits for that transaction) and judged below as existing.
        const inserted = new Set<string>();
        if (fresh.length > 0) {
          const added = await db
            .insertInto('dossiers')
            .values(
              fresh.map((r) => ({
                ...r,
                online: r.online ? 1 : 0,
                importedAt: now,
                updatedAt: now,
              })),
            )
            .onConflict((oc) => oc.column('code').doNothing())
            .returning('code')
            .execute();
          for (const r of added) inserted.add(r.code);
        }
        result.created += inserted.size;
        const raced = fresh.filter((r) => !inserted.has(r.code)).map((r) => r.code);
        if (raced.length > 0) {
          for (const [code, row] of await storedOf(raced)) existing.set(code, row);
        }
        for (const r of part) {
          if (inserted.has(r.code)) continue;
          const before = existing.get(r.code)!;
          if (before.unitId !== r.unitId) {
            result.ownedElsewhere.push({ code: r.code, ownerUnitId: before.unitId });
            continue;
          }
          if (same(before, r)) {
            result.unchanged += 1;
            continue;
          }
          await db
            .updateTable('dossiers')
            .set({ ...r, online: r.online ? 1 : 0, updatedAt: now })
            .where('code', '=', r.code)
            .where('unitId', '=', r.unitId)
            .execute();
          result.updated += 1;
        }
      }
      return result;
    },
    async ratedCodes(codes) {
      const out = new Set<string>();
      for (const part of chunks(codes)) {
        const rows = await db
          .selectFrom('ratings')
          .select('dossierCode')
          .distinct()
          .where('dossierCode', 'in', part)
          .execute();
        for (const r of rows) if (r.dossierCode) out.add(r.dossierCode);
      }
      return out;
    },
    async dossiersBetween(unitIds, from, to) {
      const out: DossierRow[] = [];
      for (const part of chunks(unitIds)) {
        const rows = await db
          .selectFrom('dossiers')
          .selectAll()
          .where('unitId', 'in', part)
          .where((eb) =>
            eb.or([
              eb.and([eb('returnedDate', '>=', from), eb('returnedDate', '<=', to)]),
              eb.and([
                eb('returnedDate', 'is', null),
                eb('dueDate', '>=', from),
                eb('dueDate', '<=', to),
              ]),
            ]),
          )
          .execute();
        out.push(...rows.map(dossierRow));
      }
      return out;
    },
    officerSums: (unitIds, months) => sums('officerId', unitIds, months),
    answeredSums: (unitIds, months) => sums('sectorId', unitIds, months),
    async upheldConduct(unitIds, from, to) {
      const out = new Map<string, number>();
      for (const part of chunks(unitIds)) {
        const rows = await db
          .selectFrom('feedbackItems')
          .select(['conductOfficerId', (eb) => eb.fn.countAll<string>().as('n')])
          .where('unitId', 'in', part)
          .where('conductUpheld', '=', 1)
          .where('conductAt', '>=', from)
          .where('conductAt', '<', to)
          .groupBy('conductOfficerId')
          .execute();
        for (const r of rows) {
          if (r.conductOfficerId) {
            out.set(r.conductOfficerId, (out.get(r.conductOfficerId) ?? 0) + n(r.n));
          }
        }
      }
      return out;
    },
    async setConduct(feedbackId, conduct) {
      await db
        .updateTable('feedbackItems')
        .set({
          conductOfficerId: conduct.officerId,
          conductUpheld: conduct.upheld ? 1 : 0,
          conductAt: conduct.at,
          conductBy: conduct.by,
        })
        .where('id', '=', feedbackId)
        .execute();
    },
    async findConduct(feedbackId) {
      const row = await db
        .selectFrom('feedbackItems')
        .select(['conductOfficerId', 'conductUpheld', 'conductAt', 'conductBy'])
        .where('id', '=', feedbackId)
        .executeTakeFirst();
      if (!row?.conductOfficerId) return null;
      return {
        officerId: row.conductOfficerId,
        upheld: n(row.conductUpheld) === 1,
        at: n(row.conductAt),
        by: row.conductBy ?? '',
      };
    },
  };
}
