/** The product's command-line tools (`npm run backup`, `npm run restore`…) as real child processes. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './server-process.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `apps/api/src/cli/<name>.ts` as `npm run <name>` does, with `env` over this environment. */
export function runCli(name: string, args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [`apps/api/src/cli/${name}.ts`, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
