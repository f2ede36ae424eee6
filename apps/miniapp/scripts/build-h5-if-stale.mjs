// The test run needs the h5 build; rebuilding it takes minutes on a busy machine, so it is rebuilt only when a
// source it is made from (the app, its config, the policy core, the API's shared schemas) is newer than the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = fileURLToPath(new URL('..', import.meta.url));
const built = join(app, 'h5/dist/index.html');
const sources = [
  'src',
  'config',
  'babel.config.js',
  'package.json',
  '../../packages/policy/src',
  '../api/src/schemas',
];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sourceTime = Math.max(
  ...sources
    .map((s) => join(app, s))
    .filter(existsSync)
    .map(newest),
);
if (existsSync(built) && statSync(built).mtimeMs > sourceTime) {
  console.log('h5 构建已是最新，跳过构建');
} else {
  const run = spawnSync('pnpm', ['run', 'build:h5'], { cwd: app, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
