#!/usr/bin/env node
/**
 * `pnpm start`: builds what needs building, then runs the whole system on the embedded database with demo data —
 * the API first (it migrates and seeds an empty database), the web front ends once it answers /healthz.
 * Each app's own `start` script does the serving; this file only orders them and ties their lifetimes together.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const apiPort = process.env.PORT ?? '8787';

// Front ends join as their apps arrive; an app without a start script is skipped, so this list never lies.
const apps = [
  { dir: 'apps/api', label: 'api', color: 36 },
  { dir: 'apps/reviewer', label: 'reviewer', color: 35 },
  { dir: 'apps/console', label: 'console', color: 33 },
  { dir: 'apps/miniapp', label: 'miniapp', color: 32 },
].filter(({ dir }) => {
  const manifest = join(root, dir, 'package.json');
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.start;
});

const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [];
function run({ dir, label, color }) {
  const child = spawn('pnpm', ['--silent', 'run', 'start'], {
    cwd: join(root, dir),
    env: { ...process.env, API_URL: process.env.API_URL ?? `http://127.0.0.1:${apiPort}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: pnpm does not pass signals on to the server it runs, so we stop the whole group.
    detached: true,
  });
  const prefix = `\x1b[${color}m[${label}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${prefix + line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    process.stdout.write(`${prefix}exited (${signal ?? code})\n`);
    shutdown(code ?? 1);
  });
  children.push(child);
}

async function waitForApi() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${apiPort}/healthz`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('API did not answer /healthz within 120 s');
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  }
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const [api, ...frontEnds] = apps;
if (api) {
  run(api);
  await waitForApi();
}
for (const app of frontEnds) run(app);
