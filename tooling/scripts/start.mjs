#!/usr/bin/env node
/**
 * `pnpm start`: builds what needs building, then runs the whole system on the embedded database with demo data —
 * the API first (it migrates and seeds an empty database), the web front ends once it answers /healthz, and one demo
 * edge agent.
 * Each app's own `start` script does the serving; this file only orders them and ties their lifetimes together.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
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
/** Serves one app; when an `essential` one exits, everything stops (the demo agent may end on its own). */
function run({ dir, label, color, args = [], essential = true }) {
  const child = spawn('pnpm', ['--silent', 'run', 'start', ...(args.length ? ['--', ...args] : [])], {
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
    if (essential) shutdown(code ?? 1);
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

/** A seeded node the demo agent runs as; the demo's edge operator logs in with the README's password. */
const DEMO_AGENT = { serial: 'SSH-A500-0001', login: 'edge-op', password: 'dg-demo-2026' };

/** tRPC over plain HTTP (no transformer): the procedure's data, or an Error naming its message. */
async function trpc(path, input, cookie) {
  const res = await fetch(`http://127.0.0.1:${apiPort}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
    body: JSON.stringify(input),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body?.error?.message ?? `${path}: HTTP ${res.status}`);
  return {
    data: body.result?.data,
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

/**
 * One demo edge agent, enrolled as a factory's would be: the edge operator gets a fresh enrollment token for a seeded
 * node (its old credential is rotated out), and the reference agent enrolls with it and heartbeats, so the console
 * shows a node that is really online.
 */
async function startDemoAgent() {
  const agent = { dir: 'apps/edge-agent', label: 'agent', color: 34, essential: false };
  if (!existsSync(join(root, agent.dir, 'package.json'))) return;
  try {
    const { cookie } = await trpc('auth.staffLogin', {
      login: DEMO_AGENT.login,
      password: DEMO_AGENT.password,
    });
    const { data: grants } = await trpc('edge.tokens.issueBulk', { serials: [DEMO_AGENT.serial] }, cookie);
    // The stored credential was rotated out with the grant: the agent enrolls afresh.
    const credentialFile = join(root, agent.dir, 'data/demo-credential.json');
    rmSync(credentialFile, { force: true });
    run({
      ...agent,
      args: [
        '--platform',
        `http://127.0.0.1:${apiPort}`,
        '--serial',
        DEMO_AGENT.serial,
        '--token',
        grants[0].token,
        '--credential-file',
        credentialFile,
      ],
    });
  } catch (error) {
    // Not the demo city (another database, changed password): the system runs without the agent.
    process.stdout.write(`\x1b[34m[agent]\x1b[0m 未启动演示边端节点：${error.message}\n`);
  }
}

const [api, ...frontEnds] = apps;
if (api) {
  run(api);
  await waitForApi();
}
for (const app of frontEnds) run(app);
if (api) await startDemoAgent();
