/**
 * `npm run verify -- FILE [--server URL]`: checks a downloaded dataset (…/public/datasets/{unit}/
 * {month}.json) without trusting the server — recounts the figures and the Merkle root from the
 * rows and checks the server's signature on the checkpoint; with --server, also that the key is
 * the one the server publishes. Prints each check in Vietnamese; exits 1 on any mismatch, 2 when
 * the file cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { verifyDataset } from '../apps/api/src/evidence/verify-dataset.ts';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--server');
  const server = at >= 0 ? args[at + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  if (!file) {
    console.error('Cách dùng: npm run verify -- TỆP.json [--server https://địa-chỉ-máy-chủ]');
    return 2;
  }
  let document: unknown;
  try {
    // npm runs scripts from the repository root; the path is the caller's.
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
    document = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    console.error(`Không đọc được tệp JSON: ${file}`);
    return 2;
  }
  let published: string[] | undefined;
  if (server) {
    try {
      const res = await fetch(new URL('/api/v1/public/keys', server));
      const body = (await res.json()) as { keys: { publicKey: string }[] };
      published = body.keys.map((k) => k.publicKey);
    } catch {
      console.error(`Không lấy được khóa công khai từ ${server}`);
      return 2;
    }
  }
  const checks = verifyDataset(document, published);
  for (const c of checks) console.log(`${c.ok ? '✓' : '✗'} ${c.text}`);
  const ok = checks.every((c) => c.ok);
  console.log(ok ? 'KẾT QUẢ: bộ dữ liệu khớp với điểm chốt đã ký.' : 'KẾT QUẢ: KHÔNG KHỚP.');
  return ok ? 0 : 1;
}

process.exitCode = await main();
