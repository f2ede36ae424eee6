import cluster, { type Worker } from 'node:cluster';
import type { Env } from './env';
import { createLogger } from './logger';
import { openDatabase, prepareDatabase, startServer } from './server';

// API_WORKERS > 1: one machine, several API processes on one port, so a heartbeat storm or a busy review day uses
// every core instead of one event loop. Nothing new is shared between them: sessions, rate limits, locks and jobs
// already live in PostgreSQL for scale-out across machines, so a worker is just one more instance. The embedded
// database belongs to one process, hence PostgreSQL only.
//
// The primary migrates and seeds once, forks the workers, replaces one that dies, and on SIGTERM/SIGINT asks each to
// drain its in-flight requests (their own graceful shutdown) before exiting.

const RESTART_DELAY_MS = 1000;

export async function runCluster(env: Env): Promise<void> {
  if (cluster.isPrimary) return runPrimary(env);
  return runWorker(env);
}

async function runPrimary(env: Env): Promise<void> {
  const log = createLogger(env).child({ role: 'primary' });
  if (!env.DATABASE_URL) {
    log.fatal('API_WORKERS > 1 needs PostgreSQL (DATABASE_URL): the embedded database is one process’s');
    process.exit(1);
  }
  const handle = openDatabase(env, log, 1);
  await prepareDatabase(handle, env, log);
  await handle.close();

  let stopping = false;
  const workers = new Set<Worker>();
  const fork = () => workers.add(cluster.fork());
  cluster.on('exit', (worker: Worker, code, signal) => {
    workers.delete(worker);
    if (stopping) {
      if (workers.size === 0) process.exit(0);
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, 'API worker died; starting another');
    setTimeout(fork, RESTART_DELAY_MS);
  });
  for (let i = 0; i < env.API_WORKERS; i++) fork();
  log.info({ workers: env.API_WORKERS, port: env.PORT }, 'API cluster started');

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping = true;
      if (workers.size === 0) process.exit(0);
      for (const worker of workers) worker.process.kill('SIGTERM');
    });
  }
}

async function runWorker(env: Env): Promise<void> {
  const server = await startServer(env, { databasePrepared: true });
  process.once('SIGTERM', () => {
    server.close().then(
      () => process.exit(0),
      (err) => {
        server.deps.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
  // Ctrl-C reaches the whole process group; the primary turns it into one orderly SIGTERM per worker.
  process.on('SIGINT', () => {});
}
