import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../..', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Running {
  url: string;
  stop: () => Promise<void>;
}

function collectOutput(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return () => output.slice(-4000);
}

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`进程提前退出（${child.exitCode}）：\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} 在 ${timeoutMs} ms 内没有响应：\n${output()}`);
}

function stopper(child: ChildProcess, cleanup?: () => void) {
  return () =>
    new Promise<void>((resolve) => {
      const done = () => {
        cleanup?.();
        resolve();
      };
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
}

/** The API's environment for a test run: embedded database, quiet log, nothing inherited that points elsewhere. */
function apiEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return { ...inherited, NODE_ENV: 'test', LOG_LEVEL: 'warn', SEED_DEMO: 'true', ...overrides };
}

/**
 * The real API, as `pnpm start` runs it: embedded database in a throwaway directory, migrated and seeded with the
 * demo data on first start.
 */
export async function startApi(): Promise<Running> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dg-e2e-'));
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: join(ROOT, 'apps/api'),
    env: apiEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      PGLITE_DIR: join(dataDir, 'pglite'),
      FILES_DIR: join(dataDir, 'files'),
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/healthz`, child, output, 120_000);
  return { url, stop: stopper(child, () => rmSync(dataDir, { recursive: true, force: true })) };
}

/** The app's production build served by `vite preview`, proxying the API paths to `apiUrl`. */
export async function startPreview(appDir: string, portEnv: string, apiUrl: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(join(appDir, 'node_modules/.bin/vite'), ['preview'], {
    cwd: appDir,
    env: { ...process.env, [portEnv]: String(port), API_URL: apiUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, child, output, 30_000);
  return { url, stop: stopper(child) };
}
