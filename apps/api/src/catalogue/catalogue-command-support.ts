/**
 * What every catalogue command shares: who acts and when, the refusals (with Vietnamese messages),
 * and the two records each change leaves — a `catalogue_history` row (the name and parent in force
 * from a month on, so past reports keep the names of their time) and an audit event.
 */
import { randomUUID } from 'node:crypto';
import { isCatalogueCode, monthOf, normalizeText } from '@hailong/domain';
import {
  UniqueViolation,
  type CatalogueEntityType,
  type CatalogueHistoryRow,
  type Repositories,
} from '../repositories/types.ts';
import { ApiError } from '../http/errors.ts';
import { eventId } from '../feedback/feedback-access.ts';

/** Who makes a change, and when (epoch ms). */
export interface CommandContext {
  now: number;
  actorId: string | null;
}

export const ENTITY_LABEL: Readonly<Record<CatalogueEntityType, string>> = {
  unit: 'Đơn vị',
  sector: 'Lĩnh vực',
  counter: 'Quầy',
};

export const invalid = (path: string, message: string, text: string) =>
  new ApiError(422, 'validation_failed', text, [{ path, message }]);

/** 409 for a state that forbids the change (e.g. restoring under an archived parent). */
export const conflict = (text: string) => new ApiError(409, 'conflict', text);

/** A code that passes the format rule; the stored code is never changed afterwards. */
export function checkCode(code: string): string {
  if (!isCatalogueCode(code)) {
    throw invalid(
      'code',
      'code: 1–40 of a-z 0-9 -, not starting or ending with -',
      'Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (1–40 ký tự), không bắt đầu hay kết thúc bằng dấu gạch ngang.',
    );
  }
  return code;
}

/** A name trimmed and NFC-normalised, 1–200 characters. */
export function checkName(name: string): string {
  const clean = normalizeText(name);
  if (clean.length === 0 || clean.length > 200) {
    throw invalid('name', 'name: 1–200 characters', 'Tên phải có từ 1 đến 200 ký tự.');
  }
  return clean;
}

/** Runs a write, turning a code clash into 409 `code_taken` with the code in the message. */
export async function guardCode<T>(
  type: CatalogueEntityType,
  code: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!(err instanceof UniqueViolation)) throw err;
    const where =
      type === 'unit' ? 'giữa các đơn vị cùng cấp trên' : 'trong đơn vị này (kể cả mục đã lưu trữ)';
    throw new ApiError(
      409,
      'code_taken',
      `Mã "${code}" đã được dùng ${where}. Vui lòng chọn mã khác.`,
      [{ path: 'code', message: err.constraint }],
    );
  }
}

export interface ChangeRecord {
  type: CatalogueEntityType;
  id: string;
  action: CatalogueHistoryRow['action'];
  /** Name and parent (units) or unit (sectors, counters) in force after the change. */
  name: string;
  parentId: string | null;
  details: Record<string, unknown>;
  /** The month the change applies from; the current month unless said (scale: the next). */
  month?: string;
}

/** Appends the history row and the audit event of one change. */
export async function record(
  tx: Repositories,
  ctx: CommandContext,
  change: ChangeRecord,
): Promise<void> {
  await tx.catalogue.appendHistory({
    id: eventId(ctx.now),
    entityType: change.type,
    entityId: change.id,
    at: ctx.now,
    month: change.month ?? monthOf(ctx.now),
    action: change.action,
    name: change.name,
    parentId: change.parentId,
    actorId: ctx.actorId,
    details: change.details,
  });
  await tx.audit.append({
    id: randomUUID(),
    at: ctx.now,
    actorId: ctx.actorId,
    action: `catalogue.${change.type}.${change.action}`,
    entityType: change.type,
    entityId: change.id,
    details: { name: change.name, parentId: change.parentId, ...change.details },
  });
}
