/**
 * Import of the one-stop system's dossier export (issue 12, item 5). Each row is checked on its own
 * and matched to the catalogue: the unit by code (within the importer's scope), the sector by code
 * or name within that unit, the officer by username or name among the users of the importer's
 * scope. Rows that do not read or do not match are reported by line and column and left out; the
 * others are stored by dossier code in one transaction, so importing the same file again changes
 * nothing. A dry run answers the same counts and refusals without storing anything.
 *
 * A dossier code names one dossier of the province (the one-stop system's codes carry the
 * receiving agency's code) and belongs to the unit that first stored it: a line giving it to
 * another unit is refused on its line, never moved, whoever imports it (issue 21, item 5).
 */
import { randomUUID } from 'node:crypto';
import {
  DOSSIER_HEADERS,
  foldDiacritics,
  hasDossierHeader,
  readDossierTable,
  type DossierImportRow,
} from '@hailong/domain';
import type { DossierImportResult, ImportIssue } from '@hailong/contracts';
import { readSheet, type UploadedFile } from '../catalogue/files/read-sheet.ts';
import type { DossierRow, DossierUpsert, Repositories, UserRow } from '../repositories/types.ts';
import { loadAccess, type Access } from '../auth/access.ts';
import type { Clock } from '../jobs/clock.ts';
import { countImportedDossiers } from './counting.ts';

const fold = (s: string) => foldDiacritics(s).replace(/\s+/g, ' ').trim();

class DryRun extends Error {
  constructor(readonly counts: DossierUpsert) {
    super('dry run');
  }
}

export function createDossierImportService(repos: Repositories, clock: Clock) {
  return {
    async import(file: UploadedFile, user: UserRow, apply: boolean): Promise<DossierImportResult> {
      const lines = await readSheet(file, hasDossierHeader);
      const { rows, issues } = readDossierTable(lines);
      const access = await loadAccess(repos, user);
      const { stored, errors } = await resolve(repos, access, rows);
      const now = clock();
      let result: DossierUpsert;
      try {
        result = await repos.transaction(async (tx) => {
          const upsert = await tx.assessment.upsertDossiers(stored, now);
          if (!apply) throw new DryRun(upsert);
          // Phone ratings of these dossiers kept apart until now count (counting.ts).
          const theirs = new Set(upsert.ownedElsewhere.map((o) => o.code));
          await countImportedDossiers(
            tx,
            stored
              .filter((d) => !theirs.has(d.code))
              .map((d) => ({ unitId: d.unitId, code: d.code })),
            now,
          );
          await tx.audit.append({
            id: randomUUID(),
            at: now,
            actorId: user.id,
            action: 'dossiers.import',
            entityType: 'dossiers',
            entityId: '-',
            details: {
              created: upsert.created,
              updated: upsert.updated,
              unchanged: upsert.unchanged,
              refused: upsert.ownedElsewhere.length,
              rows: rows.length,
              errors: issues.length + errors.length + upsert.ownedElsewhere.length,
            },
          });
          return upsert;
        });
      } catch (err) {
        if (!(err instanceof DryRun)) throw err;
        result = err.counts;
      }
      const lineOf = new Map(rows.map((r) => [r.code, r.line]));
      const refused = result.ownedElsewhere.map(({ code, ownerUnitId }) => ({
        line: lineOf.get(code)!,
        column: DOSSIER_HEADERS.code.vi,
        message: ownedElsewhere(code, access, ownerUnitId),
      }));
      const kept = new Set(result.ownedElsewhere.map((o) => o.code));
      const storedCodes = stored.map((d) => d.code).filter((c) => !kept.has(c));
      const rated = await repos.assessment.ratedCodes(storedCodes);
      return {
        applied: apply,
        rows: rows.length + new Set(issues.map((i) => i.line)).size,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        errors: [...issues, ...errors, ...refused].sort((a, b) => a.line - b.line),
        rated: rated.size,
        unrated: storedCodes.length - rated.size,
      };
    },
  };
}

/** Why a line was refused: the owner is named only to someone who may see it. */
function ownedElsewhere(code: string, access: Access, ownerUnitId: string): string {
  const owner = access.visibleUnits([ownerUnitId])[0];
  return owner
    ? `Hồ sơ ${code} thuộc ${owner.name}; không chuyển hồ sơ sang đơn vị khác.`
    : `Hồ sơ ${code} thuộc một đơn vị khác, ngoài phạm vi của bạn; dòng này không được nhập.`;
}

/**
 * Matches rows to units the importer may change and to sectors and officers of their scope; the
 * others become errors. A dossier names its receiving officer, whose indicator 1 it then counts
 * in: an officer of another unit's subtree is "not found" like an unknown one.
 */
async function resolve(repos: Repositories, access: Access, rows: readonly DossierImportRow[]) {
  const units = access.visibleUnits().filter((u) => access.mayManage(u.id));
  const unitByCode = new Map<string, (typeof units)[number][]>();
  for (const u of units)
    unitByCode.set(u.code.toLowerCase(), [...(unitByCode.get(u.code.toLowerCase()) ?? []), u]);
  const sectors = await repos.catalogue.listSectors();
  const users = (await repos.users.list()).filter((u) =>
    u.unitId === null ? access.mayManageEveryUnit : access.mayManage(u.unitId),
  );
  const stored: DossierRow[] = [];
  const errors: ImportIssue[] = [];
  for (const row of rows) {
    const issue = (column: keyof typeof DOSSIER_HEADERS, message: string) =>
      errors.push({ line: row.line, column: DOSSIER_HEADERS[column].vi, message });
    const candidates = unitByCode.get(row.unit.toLowerCase()) ?? [];
    if (candidates.length !== 1) {
      issue(
        'unit',
        candidates.length === 0
          ? `Không có đơn vị mã “${row.unit}” trong phạm vi của bạn.`
          : `Có nhiều đơn vị mã “${row.unit}”; hãy dùng mã không trùng.`,
      );
      continue;
    }
    const unit = candidates[0]!;
    let sectorId: string | null = null;
    if (row.sector) {
      const wanted = fold(row.sector);
      const sector = sectors.find(
        (s) =>
          s.unitId === unit.id &&
          (s.code.toLowerCase() === row.sector!.toLowerCase() || fold(s.name) === wanted),
      );
      if (!sector) {
        issue('sector', `Đơn vị ${unit.name} không có lĩnh vực “${row.sector}”.`);
        continue;
      }
      sectorId = sector.id;
    }
    let officerId: string | null = null;
    if (row.officer) {
      const wanted = fold(row.officer);
      const matches = users.filter(
        (u) =>
          u.username.toLowerCase() === row.officer!.toLowerCase() || fold(u.displayName) === wanted,
      );
      const own = matches.filter((u) => u.unitId === unit.id);
      const pick = own.length === 1 ? own[0] : matches.length === 1 ? matches[0] : undefined;
      if (!pick) {
        issue(
          'officer',
          matches.length === 0
            ? `Không có cán bộ “${row.officer}” (tên đăng nhập hoặc họ tên) trong phạm vi của bạn.`
            : `Có nhiều cán bộ tên “${row.officer}”; hãy ghi tên đăng nhập.`,
        );
        continue;
      }
      officerId = pick.id;
    }
    stored.push({
      code: row.code,
      unitId: unit.id,
      sectorId,
      officerId,
      procedure: row.procedure,
      receivedDate: row.receivedDate,
      dueDate: row.dueDate,
      returnedDate: row.returnedDate,
      online: row.online,
    });
  }
  return { stored, errors };
}

export type DossierImportService = ReturnType<typeof createDossierImportService>;
