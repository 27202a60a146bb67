/**
 * Import of the one-stop system's dossier export (issue 12, item 5). Each row is checked on its own
 * and matched to the catalogue: the unit by code (within the importer's scope), the sector by code
 * or name within that unit, the officer by username or name among the unit's users. Rows that do
 * not read or do not match are reported by line and column and left out; the others are stored by
 * dossier code in one transaction, so importing the same file again changes nothing. A dry run
 * answers the same counts without storing anything.
 */
import { randomUUID } from 'node:crypto';
import {
  DOSSIER_HEADERS,
  foldDiacritics,
  hasDossierHeader,
  inScope,
  readDossierTable,
  type DossierImportRow,
} from '@hailong/domain';
import type { DossierImportResult, ImportIssue } from '@hailong/contracts';
import { readSheet, type UploadedFile } from '../catalogue-files/read-sheet.ts';
import type { DossierRow, Repositories, UserRow } from '../repositories/types.ts';
import { loadAccess } from './access.ts';
import type { Clock } from './clock.ts';

const fold = (s: string) => foldDiacritics(s).replace(/\s+/g, ' ').trim();

class DryRun extends Error {
  constructor(readonly counts: { created: number; updated: number; unchanged: number }) {
    super('dry run');
  }
}

export function createDossierImportService(repos: Repositories, clock: Clock) {
  return {
    async import(file: UploadedFile, user: UserRow, apply: boolean): Promise<DossierImportResult> {
      const lines = await readSheet(file, hasDossierHeader);
      const { rows, issues } = readDossierTable(lines);
      const { stored, errors } = await resolve(repos, user, rows);
      const allErrors = [...issues, ...errors].sort((a, b) => a.line - b.line);
      const now = clock();
      let counts: { created: number; updated: number; unchanged: number };
      try {
        counts = await repos.transaction(async (tx) => {
          const result = await tx.assessment.upsertDossiers(stored, now);
          if (!apply) throw new DryRun(result);
          await tx.audit.append({
            id: randomUUID(),
            at: now,
            actorId: user.id,
            action: 'dossiers.import',
            entityType: 'dossiers',
            entityId: '-',
            details: { ...result, rows: rows.length, errors: allErrors.length },
          });
          return result;
        });
      } catch (err) {
        if (!(err instanceof DryRun)) throw err;
        counts = err.counts;
      }
      const rated = await repos.assessment.ratedCodes(stored.map((d) => d.code));
      return {
        applied: apply,
        rows: rows.length + new Set(issues.map((i) => i.line)).size,
        ...counts,
        errors: allErrors,
        rated: rated.size,
        unrated: stored.length - rated.size,
      };
    },
  };
}

/** Matches rows to units, sectors and officers the importer may see; the others become errors. */
async function resolve(repos: Repositories, user: UserRow, rows: readonly DossierImportRow[]) {
  const access = await loadAccess(repos, user);
  const units = await repos.catalogue.listUnits();
  const unitByCode = new Map<string, (typeof units)[number][]>();
  for (const u of units)
    unitByCode.set(u.code.toLowerCase(), [...(unitByCode.get(u.code.toLowerCase()) ?? []), u]);
  const sectors = await repos.catalogue.listSectors();
  const users = await repos.users.list();
  const stored: DossierRow[] = [];
  const errors: ImportIssue[] = [];
  for (const row of rows) {
    const issue = (column: keyof typeof DOSSIER_HEADERS, message: string) =>
      errors.push({ line: row.line, column: DOSSIER_HEADERS[column].vi, message });
    const candidates = (unitByCode.get(row.unit.toLowerCase()) ?? []).filter((u) =>
      inScope(access.scope, u.id),
    );
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
            ? `Không có cán bộ “${row.officer}” (tên đăng nhập hoặc họ tên).`
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
