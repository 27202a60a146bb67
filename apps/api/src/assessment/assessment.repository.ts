import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AssessmentRepository, DossierRow, DossierUpsert } from './assessment-types.ts';
import { chunks, createAssessmentCounterRepository } from './assessment-counters.repository.ts';

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

  return {
    ...createAssessmentCounterRepository(db),
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
