import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

// BENCH_CPU_PROFILE=<dir>: the benches also write this process's CPU profile of each measured phase there
// (<phase>.cpuprofile, opens in Chrome DevTools), to see where a request's time goes. Unset: no profiler, no cost.

const dir = process.env.BENCH_CPU_PROFILE;
let session: Session | undefined;

/** Runs `work`, profiling this process (where the servers live) meanwhile when BENCH_CPU_PROFILE is set. */
export async function profiled<T>(phase: string, work: () => Promise<T>): Promise<T> {
  if (!dir) return work();
  if (!session) {
    mkdirSync(dir, { recursive: true });
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
  }
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path.join(dir, `${phase}.cpuprofile`), JSON.stringify(profile));
  }
}
