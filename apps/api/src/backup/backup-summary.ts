/**
 * What a backup holds, said to the IT officer after a backup or a restore, and the check that a
 * file is a hailong database at all: the last migration applied and how many records it keeps.
 */
import { formatNumber } from '@hailong/domain';

export interface BackupSummary {
  /** The last migration the database had applied, e.g. `009-rating-comments`. */
  schema: string;
  ratings: number;
  feedback: number;
  devices: number;
}

/** The three counts, one query each way of reaching the database. */
export const SUMMARY_SQL = {
  schema: 'select max(name) as value from kysely_migration',
  ratings: 'select count(*) as value from ratings',
  feedback: 'select count(*) as value from feedback_items',
  devices: 'select count(*) as value from devices',
} as const;

/** Something went wrong that the person at the terminal can act on; the CLI prints the message. */
export class BackupError extends Error {
  constructor(
    readonly code: 'not_found' | 'not_a_backup' | 'target_exists' | 'in_use' | 'tool_failed',
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export function describeSummary(summary: BackupSummary): string {
  return [
    `${formatNumber(summary.ratings)} đánh giá`,
    `${formatNumber(summary.feedback)} phản ánh, kiến nghị`,
    `${formatNumber(summary.devices)} thiết bị`,
    `lược đồ ${summary.schema}`,
  ].join(', ');
}

/** Bytes as a person reads them: `1,4 GB`, `812 KB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: digits })} ${units[unit]}`;
}
