import { fork } from 'node:child_process';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { createDb } from '@dg/db';
import { startPostgres } from '@dg/db/testing';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { readEnv } from '../src/env';
import { startServer } from '../src/server';
import { CREDENTIAL_PREFIX, hashSecret, newSecret } from '../src/services/edge/secrets';
import { profiled } from './cpu-profile';
import type { LoadRequest, LoadResult } from './edge-load';

// `pnpm --filter @dg/api bench:edge`: N simulated agents heartbeating over loopback HTTP into the platform on
// PostgreSQL, beside a bare Hono endpoint that accepts and drops the same requests, in the same run. Phases:
// - closed loop, bare then platform: the sustained heartbeats/s of each and their ratio;
// - open loop on the platform at EDGE_BENCH_RATE heartbeats/s (default 10,000: 300,000 nodes at a 30 s interval),
//   latency counted from when each heartbeat was due: the p99 an agent sees at that load.
// Also the server's RSS and live heap at start and end. Bounded: EDGE_BENCH_AGENTS (default 3000),
// EDGE_BENCH_SECONDS per phase (default 15, max 900), EDGE_BENCH_CONCURRENCY connections (default 256).
// DATABASE_URL: use that server (a database `dg_edge_bench` is created on it); otherwise a throwaway cluster from
// Debian's binaries with durable settings (fsync on).

const agents = Math.min(300_000, Number(process.env.EDGE_BENCH_AGENTS ?? 3000));
const seconds = Math.min(900, Number(process.env.EDGE_BENCH_SECONDS ?? 15));
const concurrency = Math.min(1000, Number(process.env.EDGE_BENCH_CONCURRENCY ?? 256));
const rate = Math.min(100_000, Number(process.env.EDGE_BENCH_RATE ?? 10_000));

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Live heap after a full collection (with --expose-gc), the figure that shows retention rather than slack. */
function liveHeap(): string {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return 'n/a (run with --expose-gc)';
  gc();
  return mb(process.memoryUsage().heapUsed);
}

async function load(
  url: string,
  credentials: string[],
  durationMs: number,
  phase: string,
  openLoopRate?: number,
): Promise<LoadResult> {
  const child = fork(new URL('./edge-load.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  return profiled(
    phase,
    () =>
      new Promise((resolve, reject) => {
        child.once('message', (result) => resolve(result as LoadResult));
        child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited ${code}`)));
        child.send({ url, credentials, concurrency, durationMs, rate: openLoopRate } satisfies LoadRequest);
      }),
  );
}

function bareEndpoint(): Promise<{ url: string; close: () => void }> {
  const app = new Hono();
  app.post('/edge/v1/heartbeat', async (c) => {
    await c.req.json();
    return c.body(null, 204);
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/edge/v1/heartbeat`,
        close: () => server.close(),
      }),
    );
  });
}

async function benchDatabaseUrl(): Promise<{ url: string; stop: () => void; settings: string }> {
  let adminUrl = process.env.DATABASE_URL;
  let stop = () => {};
  let settings = 'DATABASE_URL';
  if (!adminUrl) {
    const pg = await startPostgres({ fast: false });
    adminUrl = pg.url;
    stop = () => pg.stop();
    settings = 'throwaway cluster, fsync on, synchronous_commit on';
  }
  const admin = createDb({ url: adminUrl, maxConnections: 1 });
  await sql.raw('drop database if exists dg_edge_bench with (force)').execute(admin.db);
  await sql.raw('create database dg_edge_bench').execute(admin.db);
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = '/dg_edge_bench';
  return { url: url.toString(), stop, settings };
}

/** N active nodes with credentials, written directly (setup, not measured). */
async function enrollAgents(db: Awaited<ReturnType<typeof startServer>>['deps']['db']): Promise<string[]> {
  const enterprise = await db.selectFrom('enterprises').select('id').limit(1).executeTakeFirstOrThrow();
  const credentials: string[] = [];
  for (let offset = 0; offset < agents; offset += 1000) {
    const batch = Array.from({ length: Math.min(1000, agents - offset) }, (_, i) => ({
      serial: `BENCH-${String(offset + i).padStart(6, '0')}`,
      credential: newSecret(CREDENTIAL_PREFIX),
    }));
    const nodes = await db
      .insertInto('edge_nodes')
      .values(
        batch.map((b) => ({
          serial: b.serial,
          enterprise_id: enterprise.id,
          kind: 'compute_box' as const,
          vendor: 'bench',
          model: 'bench',
          site_address: 'bench',
          town_code: 'songshanhu',
          stations_served: 1,
          station_labels: '[]',
          status: 'active' as const,
          heartbeat_interval_s: 30,
          offline_after_s: 90,
        })),
      )
      .returning(['id', 'serial'])
      .execute();
    const idBySerial = new Map(nodes.map((n) => [n.serial, n.id]));
    await db
      .insertInto('edge_credentials')
      .values(
        batch.map((b) => ({ node_id: idBySerial.get(b.serial)!, secret_hash: hashSecret(b.credential) })),
      )
      .execute();
    credentials.push(...batch.map((b) => b.credential));
  }
  return credentials;
}

function line(label: string, r: LoadResult) {
  const achieved = (r.sent / r.elapsedMs) * 1000;
  const statuses = Object.entries(r.statuses)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  console.log(
    `${label.padEnd(34)} ${achieved.toFixed(0).padStart(7)} heartbeats/s   p50 ${r.p50Ms.toFixed(1).padStart(5)} ms   p99 ${r.p99Ms.toFixed(1).padStart(6)} ms   max ${r.maxMs.toFixed(0).padStart(5)} ms   [${statuses}]${r.late ? `   ${r.late} due but unanswered` : ''}`,
  );
  return achieved;
}

const database = await benchDatabaseUrl();
const server = await startServer(
  readEnv({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    PORT: '0',
    HOST: '127.0.0.1',
    JOBS: 'false',
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: '10',
    COMPUTE_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
  }),
);
const bare = await bareEndpoint();
try {
  const credentials = await enrollAgents(server.deps.db);
  const platformUrl = `${server.url}/edge/v1/heartbeat`;
  console.log(
    `edge heartbeat bench: ${agents} agents, ${concurrency} connections, ${seconds} s per phase, PostgreSQL (${database.settings}), Node ${process.version}`,
  );
  // The machine is shared: its load says how much of it this run had.
  console.log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} at start`,
  );
  await load(platformUrl, credentials, 2000, 'warm-up'); // warm-up: JIT, connection pool, every node's first heartbeat
  const rssStart = process.memoryUsage().rss;
  const heapStart = liveHeap();
  const bareResult = line(
    'closed loop, bare Hono (drop)',
    await load(bare.url, credentials, seconds * 1000, 'closed-bare'),
  );
  let rssMax = rssStart;
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
  }, 500);
  const platform = line(
    'closed loop, platform',
    await load(platformUrl, credentials, seconds * 1000, 'closed-platform'),
  );
  console.log(`ratio platform / bare: ${((platform / bareResult) * 100).toFixed(1)}%`);
  const openLoop = await load(platformUrl, credentials, seconds * 1000, 'open-platform', rate);
  line(`open loop at ${rate}/s, platform`, openLoop);
  clearInterval(sampler);
  const rssEnd = process.memoryUsage().rss;
  console.log(`server RSS: start ${mb(rssStart)}, end ${mb(rssEnd)}, max ${mb(rssMax)}`);
  console.log(`server live heap after GC: start ${heapStart}, end ${liveHeap()}`);
  const seen = await server.deps.db
    .selectFrom('edge_nodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('last_seen_at', 'is not', null)
    .where('serial', 'like', 'BENCH-%')
    .executeTakeFirstOrThrow();
  console.log(`nodes with a recorded heartbeat: ${seen.n} of ${agents}`);
  console.log(
    `targets (issue 7): ≥ 10,000/s sustained ${platform >= 10_000 ? 'met' : 'NOT met'}; p99 < 50 ms at ${rate}/s ${openLoop.p99Ms < 50 && !openLoop.late && rate >= 10_000 ? 'met' : 'NOT met'}; ≥ 40% of bare ${platform / bareResult >= 0.4 ? 'met' : 'NOT met'}`,
  );
} finally {
  bare.close();
  await server.close();
  database.stop();
}
