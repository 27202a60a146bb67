// `npm start`: builds the front ends that are missing or older than their sources, then runs the
// API server (migrations, demo seed on an empty database, everything served on PORT, default 8787).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    stat.mtimeMs,
  );
}

const sources = (app) => [
  join(root, 'apps', app, 'src'),
  join(root, 'apps', app, 'public'),
  join(root, 'apps', app, 'index.html'),
  join(root, 'apps', app, 'vite.config.ts'),
  join(root, 'packages'),
];

const stale = ['console', 'kiosk', 'phone'].filter((app) => {
  const built = newest(join(root, 'apps', app, 'dist', 'index.html'));
  return built === 0 || sources(app).some((path) => newest(path) > built);
});

if (stale.length > 0) {
  console.log(`Building ${stale.join(', ')}…`);
  const workspaces = stale.flatMap((app) => ['--workspace', `@hailong/${app}`]);
  const build = spawnSync('npm', ['run', 'build', '--silent', ...workspaces], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
