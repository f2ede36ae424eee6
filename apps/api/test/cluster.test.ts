import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { createTestDatabase, freePort } from '@dg/db/testing';
import { afterAll, describe, expect, it } from 'vitest';

// API_WORKERS: several server processes on one port (src/cluster.ts), over real HTTP and a real PostgreSQL.
const apiDir = new URL('..', import.meta.url).pathname;

function start(env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', JOBS: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

/**
 * /healthz over a fresh connection each time, so the cluster may hand it to any worker; a connection that the
 * primary handed to a worker just as it was killed is given up after a while.
 */
function health(port: number): Promise<{ ok: boolean; instance: string } | undefined> {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 2000 }, (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve(res.statusCode === 200 ? JSON.parse(text) : undefined));
      })
      .on('timeout', function (this: http.ClientRequest) {
        this.destroy();
      })
      .on('error', () => resolve(undefined));
  });
}

async function instances(port: number, tries = 40): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < tries; i++) {
    const answer = await health(port);
    if (answer) seen.add(answer.instance);
  }
  return seen;
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('timed out');
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('API_WORKERS on postgres', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('serves one port from two processes, replaces a dead one, and stops them all on SIGTERM', async () => {
    const database = await createTestDatabase('postgres');
    cleanups.push(() => database.close());
    const port = await freePort();
    const primary = start({
      DATABASE_URL: database.url!,
      PORT: String(port),
      API_WORKERS: '2',
      SEED_DEMO: 'false',
    });
    primary.stdout?.resume();
    cleanups.push(() => {
      primary.kill('SIGKILL');
    });

    const both = await until(async () => {
      const seen = await instances(port, 10);
      return seen.size === 2 ? seen : undefined;
    });
    const pids = [...both].map((id) => Number(id.split('-')[0]));
    expect(pids.every((pid) => pid !== primary.pid && alive(pid))).toBe(true);

    // A worker that dies is replaced; the port keeps answering meanwhile.
    process.kill(pids[0]!, 'SIGKILL');
    const replaced = await until(async () => {
      const seen = await instances(port, 10);
      const fresh = [...seen].filter((id) => !both.has(id));
      return fresh.length > 0 ? fresh : undefined;
    });
    expect(replaced[0]).not.toContain(`${pids[0]}-`);

    primary.kill('SIGTERM');
    expect(await exited(primary)).toBe(0);
    expect(alive(pids[1]!)).toBe(false);
    expect(await health(port)).toBeUndefined();
  }, 180_000);

  it('refuses to run several workers on the embedded database', async () => {
    const child = start({
      PORT: String(await freePort()),
      API_WORKERS: '2',
      PGLITE_DIR: '/nonexistent/never-created',
    });
    let log = '';
    child.stdout?.on('data', (chunk) => {
      log += chunk;
    });
    expect(await exited(child)).toBe(1);
    expect(log).toContain('API_WORKERS > 1 needs PostgreSQL');
  }, 60_000);
});
