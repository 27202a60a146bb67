/**
 * Restore from a backup, with the service stopped:
 *   systemctl stop hailong
 *   npm run restore -- /var/backups/hailong/hailong-2026-11-26-0230.sqlite --overwrite
 *   systemctl start hailong
 * Into DATABASE_URL's database. Without --overwrite it refuses a database that holds data; it
 * always refuses one another process has open. After the restart, tablets resend what they
 * uploaded after the backup (they keep acknowledged records for HAILONG_TABLET_KEEP_DAYS days).
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { restoreDatabase } from '../backup/backup.ts';
import { BackupError, describeSummary } from '../backup/backup-summary.ts';

const USAGE = 'Usage: npm run restore -- <backup file> [--overwrite]';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { overwrite: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = readConfig();
  const summary = await restoreDatabase(config.databaseUrl, file, values.overwrite);
  console.log(`Đã khôi phục từ ${file}: ${describeSummary(summary)}.`);
  console.log(
    'Khởi động lại dịch vụ; các máy tính bảng sẽ tự gửi lại bản ghi sau thời điểm sao lưu.',
  );
}

main().catch((err: unknown) => {
  if (err instanceof BackupError) {
    console.error(err.message);
    process.exit(err.code === 'target_exists' || err.code === 'in_use' ? 3 : 1);
  }
  console.error(err);
  process.exit(1);
});
