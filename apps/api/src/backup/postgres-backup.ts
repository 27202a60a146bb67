/**
 * PostgreSQL backup and restore with PostgreSQL's own tools: `pg_dump --format=custom` takes a
 * consistent snapshot while the server runs (one repeatable-read transaction; writers never wait),
 * and a restore replays it through `psql --single-transaction`, after dropping the old schema in
 * the same transaction, so a failed restore leaves the database as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { redact } from '../db/connect.ts';
import { BackupError, SUMMARY_SQL, type BackupSummary } from './backup-summary.ts';
import { createPrivateFile } from './private-file.ts';
import { durableRename } from './sqlite-backup.ts';

/** pg_dump, pg_restore or psql: from PG_BIN_DIR, the PATH, or the newest Debian server package. */
export function pgTool(name: 'pg_dump' | 'pg_restore' | 'psql'): string {
  const dirs = [
    process.env.PG_BIN_DIR,
    ...(process.env.PATH ?? '').split(delimiter),
    ...debianPostgresBins(),
  ].filter((dir): dir is string => !!dir);
  for (const dir of dirs) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  throw new BackupError(
    'tool_failed',
    `Không tìm thấy ${name}: cài gói postgresql-client (cùng phiên bản máy chủ) hoặc đặt PG_BIN_DIR.`,
  );
}

function debianPostgresBins(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(root, v, 'bin'));
}

/** The URL without its password, and the password for PGPASSWORD: never on a command line (ps). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password && { PGPASSWORD: password }) },
  };
}

/** Runs a tool; resolves with its stdout, or fails with its stderr in the message. */
function run(
  tool: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  pipeTo?: { tool: string; args: string[] },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const first = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const last = pipeTo
      ? spawn(pipeTo.tool, pipeTo.args, { env, stdio: ['pipe', 'pipe', 'pipe'] })
      : first;
    if (pipeTo) first.stdout.pipe(last.stdin!);
    let out = '';
    let err = '';
    last.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    for (const child of new Set([first, last])) {
      child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    }
    const exits = [...new Set([first, last])].map(
      (child) =>
        new Promise<number>((done, fail) => {
          child.once('error', fail);
          child.once('close', (code) => done(code ?? 1));
        }),
    );
    Promise.all(exits).then((codes) => {
      if (codes.every((c) => c === 0)) resolve(out);
      else
        reject(new BackupError('tool_failed', `${tool.split('/').pop()} thất bại: ${err.trim()}`));
    }, reject);
  });
}

export async function summarisePostgres(url: string): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const value = async (query: string) => (await client.query(query)).rows[0]?.value;
    return {
      schema: String(await value(SUMMARY_SQL.schema)),
      ratings: Number(await value(SUMMARY_SQL.ratings)),
      feedback: Number(await value(SUMMARY_SQL.feedback)),
      devices: Number(await value(SUMMARY_SQL.devices)),
    };
  } finally {
    await client.end();
  }
}

export async function backupPostgres(url: string, dest: string): Promise<BackupSummary> {
  const { dbname, env } = connection(url);
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  try {
    const summary = await summarisePostgres(url);
    // pg_dump would create its file 0666 less the umask; it truncates this one and keeps its mode.
    createPrivateFile(partial);
    await run(
      pgTool('pg_dump'),
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--file=${partial}`,
        `--dbname=${dbname}`,
      ],
      env,
    );
    // The archive's table of contents must read back: a truncated file does not.
    await run(pgTool('pg_restore'), ['--list', partial], env);
    durableRename(partial, dest);
    return summary;
  } catch (err) {
    rmSync(partial, { force: true });
    if (err instanceof BackupError) throw err;
    throw new BackupError(
      'tool_failed',
      `Không sao lưu được ${redact(url)}: ${(err as Error).message}`,
    );
  }
}

/**
 * Replaces the database's contents with the backup's. Refuses a database with hailong's tables
 * unless `overwrite`, and always one other sessions are connected to (the service must be stopped).
 */
export async function restorePostgres(
  backup: string,
  url: string,
  overwrite: boolean,
): Promise<BackupSummary> {
  if (!existsSync(backup) || statSync(backup).size === 0) {
    throw new BackupError('not_found', `Không có tệp sao lưu ${backup}.`);
  }
  const { dbname, env } = connection(url);
  await run(pgTool('pg_restore'), ['--list', backup], env).catch(() => {
    throw new BackupError(
      'not_a_backup',
      `${backup} không phải bản sao lưu pg_dump còn nguyên vẹn.`,
    );
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ others: string; ours: string | null }>(
      `select (select count(*) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid()) as others,
              to_regclass('kysely_migration')::text as ours`,
    );
    const { others, ours } = rows[0]!;
    if (ours !== null && !overwrite) {
      throw new BackupError(
        'target_exists',
        `Cơ sở dữ liệu ${redact(url)} đang có dữ liệu. Dừng dịch vụ rồi chạy lại với --overwrite để thay bằng bản sao lưu.`,
      );
    }
    if (Number(others) > 0) {
      throw new BackupError(
        'in_use',
        `Cơ sở dữ liệu ${redact(url)} đang có ${others} kết nối khác: dừng mọi tiến trình hailong trước khi khôi phục.`,
      );
    }
  } finally {
    await client.end();
  }
  // psql runs the drop and the whole archive (as SQL from pg_restore) in ONE transaction.
  await run(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--file=-', backup], env, {
    tool: pgTool('psql'),
    args: [
      '--single-transaction',
      '--set=ON_ERROR_STOP=1',
      '--quiet',
      '--command=DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;',
      '--file=-',
      `--dbname=${dbname}`,
    ],
  });
  return summarisePostgres(url);
}
