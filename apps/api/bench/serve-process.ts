import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@dg/db/testing';

// The benches run each server under test as its own process tree (the API with API_WORKERS, or a bare baseline
// with the same number of workers), so both sides get the same cores and their CPU can be read from /proc.

const apiDir = new URL('..', import.meta.url).pathname;

export interface Served {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

/** Starts a server process on a free port and waits until it answers /healthz. */
export async function serveProcess(args: string[], env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  // BENCH_CPU_PROFILE=<dir>: each server process (cluster workers too) writes its CPU profile there on exit.
  const profile = process.env.BENCH_CPU_PROFILE;
  const profiling = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profiling, '--import', 'tsx', ...args], {
    cwd: apiDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args[0]} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${args[0]} did not answer /healthz`);
    const healthy = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // Every worker up, not just the first one to answer.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return {
    pid: child.pid!,
    url: base,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
