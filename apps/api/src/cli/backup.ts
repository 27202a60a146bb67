/**
 * Online backup, run on the server while the service keeps running:
 *   npm run backup -- /var/backups/hailong/            a new file named after the time, in that folder
 *   npm run backup -- /var/backups/hailong/ --keep-days 14   and delete the folder's older backups
 *   npm run backup -- /tmp/truoc-nang-cap.sqlite       exactly that file
 * The database is DATABASE_URL's, as for the server. Exit code 0 only when the backup is complete
 * and read back.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { backupDatabase, forgetOldBackups } from '../backup/backup.ts';
import { BackupError, describeSummary, formatBytes } from '../backup/backup-summary.ts';

const USAGE = 'Usage: npm run backup -- <file or folder> [--keep-days N]';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'keep-days': { type: 'string' } },
  });
  const [path] = positionals;
  const keepDays = values['keep-days'] === undefined ? undefined : Number(values['keep-days']);
  if (!path || positionals.length > 1 || (keepDays !== undefined && !(keepDays >= 1))) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = readConfig();
  const result = await backupDatabase(config.databaseUrl, path);
  console.log(
    `Đã sao lưu vào ${result.file}: ${formatBytes(result.bytes)} trong ${(result.ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây; ${describeSummary(result.summary)}.`,
  );
  if (keepDays !== undefined) {
    const folder = result.file.slice(0, result.file.lastIndexOf('/') + 1) || '.';
    for (const name of forgetOldBackups(folder, keepDays)) console.log(`Đã xóa bản cũ ${name}.`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof BackupError ? err.message : err);
  process.exit(1);
});
