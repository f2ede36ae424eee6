import { fork } from 'node:child_process';
import os from 'node:os';
import { createDb, type Database } from '@dg/db';
import { type Kysely, sql } from 'kysely';
import { CREDENTIAL_PREFIX, hashSecret, newSecret } from '../src/services/edge/secrets';
import { activeNodeRow } from '../test/edge-rows';
import { benchDatabase } from './bench-database';
import type { LoadRequest, LoadResult } from './edge-load';
import { machineBusy, machineCpu, treeCpuMs, treeRssBytes } from './process-tree';
import { type Served, serveProcess } from './serve-process';

// `pnpm --filter @dg/api bench:edge`: N simulated agents heartbeating over loopback HTTP into the platform on
// PostgreSQL, beside a bare Hono endpoint that accepts and drops the same requests, in the same run. Both run as
// their own processes with the same number of workers (EDGE_BENCH_WORKERS, default 2: the API's API_WORKERS, one
// per core here), so they get the same cores. Phases:
// - closed loop, bare and platform alternating over EDGE_BENCH_ROUNDS rounds (default 3, EDGE_BENCH_SECONDS split
//   between them): the sustained heartbeats/s of each and the ratio of their totals, with each round's;
// - open loop at EDGE_BENCH_RATE heartbeats/s (default 10,000: 300,000 nodes at a 30 s interval), latency counted
//   from when each heartbeat was due: the p99 an agent sees at that load; then the bare endpoint on the same
//   schedule, the floor the machine and the load generator set;
// - EDGE_BENCH_SOAK_S > 0: that many more seconds of the open loop, printing the servers' RSS each minute
//   (memory flat over a long run).
// Also the CPU per heartbeat of the servers, of PostgreSQL and of the load generator, how busy the whole machine was
// (and how much the hypervisor took: steal), the platform's heartbeats a batch, and the servers' RSS.
// The fleet is an established one, as the aim describes it (300,000 nodes heartbeating every 30 s): each node was
// connected long ago, its online span is open, it was last seen within its interval and its metrics were sampled
// within EDGE_METRICS_SAMPLE_S, so a heartbeat costs what it costs in steady state (presence, and a metrics sample
// for about one in two), not what a node's very first heartbeat costs (opening its span, its first sample).
// Bounded: EDGE_BENCH_AGENTS (default 300,000), EDGE_BENCH_SECONDS per phase (default 15, max 900),
// EDGE_BENCH_CONCURRENCY connections (default 256). DATABASE_URL: use that server (a database `dg_edge_bench` is
// created on it); otherwise a throwaway cluster from Debian's binaries with durable settings (fsync on).

const agents = Math.min(300_000, Number(process.env.EDGE_BENCH_AGENTS ?? 300_000));
const seconds = Math.min(900, Number(process.env.EDGE_BENCH_SECONDS ?? 15));
const concurrency = Math.min(1000, Number(process.env.EDGE_BENCH_CONCURRENCY ?? 256));
const rate = Math.min(100_000, Number(process.env.EDGE_BENCH_RATE ?? 10_000));
const workers = Math.min(16, Number(process.env.EDGE_BENCH_WORKERS ?? 2));
/** The platform's EDGE_METRICS_SAMPLE_S (it reads the same environment). */
const sampleEveryS = Number(process.env.EDGE_METRICS_SAMPLE_S ?? 60);
/** Each phase runs this long before its clock starts (JIT, connection pools, the aftermath of `steadyState`). */
const settleSeconds = Math.min(60, Number(process.env.EDGE_BENCH_SETTLE_S ?? 3));
/** The closed loop's comparison: this many alternating rounds of EDGE_BENCH_SECONDS / rounds each. */
const rounds = Math.max(1, Math.min(10, Number(process.env.EDGE_BENCH_ROUNDS ?? 3)));
const roundSeconds = Math.max(2, Math.round(seconds / rounds));
/**
 * The open loops report each second in which a heartbeat took longer than this, the aim's p99: the stalls that make
 * a p99 are often shorter than 100 ms (a fresh cluster's new WAL segments showed as 50–90 ms every 5–6 s).
 */
const SLOW_MS = 50;
const soakSeconds = Math.min(3600, Number(process.env.EDGE_BENCH_SOAK_S ?? 0));

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface Measured extends LoadResult {
  serverCpuUsPerHeartbeat: number;
  postgresCpuUsPerHeartbeat: number | undefined;
  machine: { busyPct: number; stealPct: number };
  /** Platform phases: heartbeats per committed transaction, i.e. the ingest's mean batch (services/edge/ingest.ts). */
  perBatch: number | undefined;
}

/** One phase from a load-generator process, with the CPU the server tree and PostgreSQL spent on it. */
async function load(
  server: Served,
  durationMs: number,
  openLoopRate?: number,
  onTick?: (elapsedS: number) => void,
): Promise<Measured> {
  const commitsAtStart = server === platform ? await commitsSoFar() : 0;
  const child = fork(new URL('./edge-load.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  // CPU is counted from when the generator starts its clock (after its settling seconds) to its result.
  let serverCpu = 0;
  let postgresCpu = 0;
  let machineAtStart = machineCpu();
  let ticker: NodeJS.Timeout | undefined;
  const result = await new Promise<LoadResult>((resolve, reject) => {
    child.on('message', (message) => {
      if (message !== 'measuring') return resolve(message as LoadResult);
      serverCpu = treeCpuMs(server.pid);
      postgresCpu = postmasterPid ? treeCpuMs(postmasterPid) : 0;
      machineAtStart = machineCpu();
      const started = Date.now();
      if (onTick) ticker = setInterval(() => onTick((Date.now() - started) / 1000), 60_000);
    });
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited ${code}`)));
    child.send({
      url: `${server.url}/edge/v1/heartbeat`,
      credentials,
      firstAgent: nextAgent,
      concurrency,
      durationMs,
      settleMs: settleSeconds * 1000,
      slowMs: SLOW_MS,
      rate: openLoopRate,
    } satisfies LoadRequest);
  });
  if (ticker) clearInterval(ticker);
  // The connections' first heartbeats, the settling ones, then the measured ones: the next platform phase goes on
  // from there, as a fleet's agents keep their own 30 s cycle, so no phase finds its nodes just seen and just sampled
  // by the one before. The bare endpoint keeps nothing, so its phases leave the cycle where it was.
  if (server === platform) nextAgent = (nextAgent + result.total) % Math.max(1, credentials.length);
  const perHeartbeat = (ms: number) => (ms * 1000) / Math.max(1, result.sent);
  return {
    ...result,
    serverCpuUsPerHeartbeat: perHeartbeat(treeCpuMs(server.pid) - serverCpu),
    postgresCpuUsPerHeartbeat: postmasterPid
      ? perHeartbeat(treeCpuMs(postmasterPid) - postgresCpu)
      : undefined,
    machine: machineBusy(machineAtStart, machineCpu()),
    // Over the whole phase, its settling seconds too: the statistics are flushed when a backend goes idle, not when
    // the clock starts.
    perBatch:
      server === platform ? result.total / Math.max(1, (await commitsSoFar()) - commitsAtStart) : undefined,
  };
}

/** Transactions committed in the bench database so far (each heartbeat batch is one). */
async function commitsSoFar(): Promise<number> {
  const { rows } = await sql<{ commits: string }>`
    select xact_commit as commits from pg_stat_database where datname = current_database()`.execute(db.db);
  return Number(rows[0]!.commits);
}

/** N active, connected nodes with credentials, written directly (setup, not measured). */
async function enrollAgents(db: Kysely<Database>): Promise<string[]> {
  const enterprise = await db.selectFrom('enterprises').select('id').limit(1).executeTakeFirstOrThrow();
  const now = Date.now();
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
          ...activeNodeRow(b.serial, enterprise.id),
          connected_at: new Date(now - 86_400_000),
          span_started_at: new Date(now - 3_600_000),
          last_seen_at: new Date(now - 30_000),
          metrics_sampled_at: new Date(now - 30_000 - Math.random() * sampleEveryS * 1000),
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

/** PostgreSQL's write-ahead log so far (15: pg_stat_bgwriter, pg_stat_wal): what durability costs the heartbeats. */
async function walSoFar(db: Kysely<Database>) {
  const { rows } = await sql<{ checkpoints: string; bytes: string; fpi: string }>`
    select (select checkpoints_timed + checkpoints_req from pg_stat_bgwriter) as checkpoints,
           wal_bytes as bytes, wal_fpi as fpi from pg_stat_wal`.execute(db);
  const row = rows[0]!;
  return { checkpoints: Number(row.checkpoints), bytes: Number(row.bytes), fpi: Number(row.fpi) };
}

/** Autovacuum's passes so far over the tables a heartbeat writes: a pass shares the machine with the heartbeats. */
async function autovacuumSoFar(db: Kysely<Database>) {
  const { rows } = await sql<{ relname: string; vacuums: string; analyzes: string }>`
    select relname, autovacuum_count as vacuums, autoanalyze_count as analyzes from pg_stat_user_tables
    where relname in ('edge_nodes', 'edge_metric_samples', 'edge_presence_spans') order by relname`.execute(
    db,
  );
  return rows.map((r) => ({ table: r.relname, vacuums: Number(r.vacuums), analyzes: Number(r.analyzes) }));
}

const passesSince = (before: Awaited<ReturnType<typeof autovacuumSoFar>>, after: typeof before) =>
  after
    .map((a) => {
      const b = before.find((x) => x.table === a.table) ?? { vacuums: 0, analyzes: 0 };
      return `${a.table} vacuumed ${a.vacuums - b.vacuums}×, analyzed ${a.analyzes - b.analyzes}×`;
    })
    .join('; ');

/**
 * Puts the fleet where a 30 s heartbeat cycle keeps it, just before a measured platform phase: each node's state is
 * moved in time so that its last heartbeat was one interval ago, keeping where it stands in its metrics cycle (how
 * long before that heartbeat it was last sampled). Seeded with that gap spread evenly over EDGE_METRICS_SAMPLE_S, a
 * node is then due a sample at its next heartbeat with probability 30 s / EDGE_METRICS_SAMPLE_S (one in two at
 * 60 s), as in steady state; a node the previous phase reached keeps what that phase did (sampled at that heartbeat
 * or not), so the platform's own memory of when it last sampled agrees with the database.
 */
async function steadyState(db: Kysely<Database>): Promise<void> {
  await sql`
    update edge_nodes set last_seen_at = now() - interval '30 seconds',
      metrics_sampled_at = metrics_sampled_at + (now() - interval '30 seconds' - last_seen_at)
    where serial like 'BENCH-%'`.execute(db);
  // That update left a dead version of every row, which no steady state has; autovacuum would start on them in the
  // measured window.
  await sql`vacuum edge_nodes`.execute(db);
}

/** Metrics samples the heartbeats wrote since `at` (the heavier of their writes). */
async function samplesSince(db: Kysely<Database>, at: Date): Promise<number> {
  const row = await db
    .selectFrom('edge_metric_samples')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('at', '>=', at)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The open loop's seconds with a heartbeat over SLOW_MS: whether a p99 comes from a few stalls or from all along. */
function slowSeconds(r: Measured) {
  const seconds = r.slowSeconds ?? [];
  if (seconds.length === 0) return console.log(`  no second had a heartbeat over ${SLOW_MS} ms`);
  const shown = seconds
    .slice(0, 20)
    .map((s) => `${s.at.slice(11, 19)} (${s.slow}, max ${s.maxMs.toFixed(0)} ms)`);
  console.log(
    `  seconds with heartbeats over ${SLOW_MS} ms: ${seconds.length} of ${Math.round(r.elapsedMs / 1000)}, UTC (how many, slowest): ${shown.join(', ')}${seconds.length > shown.length ? ', …' : ''}`,
  );
}

function line(label: string, r: Measured) {
  const achieved = (r.sent / r.elapsedMs) * 1000;
  const statuses = Object.entries(r.statuses)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  const cpu = `CPU/heartbeat: server ${r.serverCpuUsPerHeartbeat.toFixed(0)} µs${r.postgresCpuUsPerHeartbeat === undefined ? '' : `, PostgreSQL ${r.postgresCpuUsPerHeartbeat.toFixed(0)} µs`}, load generator ${((r.cpuMs * 1000) / Math.max(1, r.sent)).toFixed(0)} µs; machine ${r.machine.busyPct.toFixed(0)}% busy (steal ${r.machine.stealPct.toFixed(1)}%)${r.perBatch === undefined ? '' : `; ${r.perBatch.toFixed(0)} heartbeats a batch`}`;
  console.log(
    `${label.padEnd(34)} ${achieved.toFixed(0).padStart(7)} heartbeats/s   p50 ${r.p50Ms.toFixed(1).padStart(5)} ms   p90 ${r.p90Ms.toFixed(1).padStart(5)} ms   p99 ${r.p99Ms.toFixed(1).padStart(6)} ms   p99.9 ${r.p999Ms.toFixed(0).padStart(4)} ms   max ${r.maxMs.toFixed(0).padStart(5)} ms   ${cpu}   [${statuses}]${r.late ? `   ${r.late} due but unanswered` : ''}`,
  );
  return achieved;
}

const database = await benchDatabase('dg_edge_bench');
const postmasterPid = database.postmaster;
const db = createDb({ url: database.url, maxConnections: 2 });
const platform = await serveProcess(['src/main.ts'], {
  NODE_ENV: 'test',
  DATABASE_URL: database.url,
  API_WORKERS: String(workers),
  JOBS: 'false',
  LOG_LEVEL: 'warn',
  DATABASE_POOL_SIZE: '10',
  COMPUTE_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
});
const bare = await serveProcess(['bench/bare-heartbeat-server.ts'], { BARE_WORKERS: String(workers) });
let credentials: string[] = [];
let nextAgent = 0;
try {
  credentials = await enrollAgents(db.db);
  console.log(
    `edge heartbeat bench: ${agents} agents, ${concurrency} connections, ${seconds} s per phase, ${workers} server process(es) each side, PostgreSQL (${database.settings}), Node ${process.version}`,
  );
  // The machine is shared: its load says how much of it this run had.
  console.log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} at start`,
  );
  const loadStarted = new Date();
  const walAtStart = await walSoFar(db.db);
  const autovacuumAtStart = await autovacuumSoFar(db.db);
  const rssStart = treeRssBytes(platform.pid);
  let rssMax = rssStart;
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, treeRssBytes(platform.pid));
  }, 500);
  // The sustained rates in alternating rounds, the ratio over their totals: this machine's speed drifts from one
  // phase to the next, and the bare endpoint, nearly all Node's HTTP and the generator, drifts the most.
  const totals = { bare: { sent: 0, ms: 0 }, platform: { sent: 0, ms: 0 } };
  const roundRatios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const rates: Record<string, number> = {};
    for (const side of round % 2 === 1 ? (['bare', 'platform'] as const) : (['platform', 'bare'] as const)) {
      if (side === 'platform') await steadyState(db.db);
      const result = await load(side === 'bare' ? bare : platform, roundSeconds * 1000);
      rates[side] = line(
        `round ${round}, closed loop, ${side === 'bare' ? 'bare Hono (drop)' : 'platform'}`,
        result,
      );
      totals[side].sent += result.sent;
      totals[side].ms += result.elapsedMs;
    }
    roundRatios.push(rates.platform! / rates.bare!);
  }
  const bareRate = (totals.bare.sent / totals.bare.ms) * 1000;
  const closed = (totals.platform.sent / totals.platform.ms) * 1000;
  const percent = (r: number) => `${(r * 100).toFixed(1)}%`;
  console.log(
    `closed loop over ${rounds} rounds: bare ${bareRate.toFixed(0)}/s, platform ${closed.toFixed(0)}/s; ratio platform / bare: ${percent(closed / bareRate)} (rounds: ${roundRatios.map(percent).join(', ')})`,
  );
  await steadyState(db.db);
  const openStarted = new Date();
  const openLoop = await load(platform, seconds * 1000, rate);
  line(`open loop at ${rate}/s, platform`, openLoop);
  slowSeconds(openLoop);
  const openSamples = await samplesSince(db.db, openStarted);
  console.log(
    `  metrics samples written in the open loop: ${openSamples} (${((openSamples / Math.max(1, openLoop.total)) * 100).toFixed(0)}% of its heartbeats; steady state at 30 s heartbeats: about 50%)`,
  );
  // The same schedule against the bare endpoint: the latency the machine and the load generator add by themselves.
  line(`open loop at ${rate}/s, bare`, await load(bare, seconds * 1000, rate));
  const wal = await walSoFar(db.db);
  console.log(
    `PostgreSQL WAL over these phases: ${mb(wal.bytes - walAtStart.bytes)}, ${wal.fpi - walAtStart.fpi} full-page images, ${wal.checkpoints - walAtStart.checkpoints} checkpoints`,
  );
  const autovacuum = await autovacuumSoFar(db.db);
  console.log(`autovacuum over these phases: ${passesSince(autovacuumAtStart, autovacuum)}`);
  let soak: Awaited<ReturnType<typeof load>> | undefined;
  if (soakSeconds > 0) {
    // From steady state, as every platform phase starts: after the bare phases the fleet has been silent for half a
    // minute (its rows that much older than any steady state has, autovacuum passing over them meanwhile), and the
    // seconds after such a silence measure a recovery, not the steady state: a soak started straight after them
    // spent its first seven seconds over 100 ms, 61,000 heartbeats, more than the 1% its p99 allows.
    await steadyState(db.db);
    console.log(`soak: open loop at ${rate}/s for ${soakSeconds} s; server RSS each minute:`);
    soak = await load(platform, soakSeconds * 1000, rate, (t) =>
      console.log(`  ${t.toFixed(0).padStart(5)} s   RSS ${mb(treeRssBytes(platform.pid))}`),
    );
    line(`soak, open loop at ${rate}/s`, soak);
    slowSeconds(soak);
    const walAfterSoak = await walSoFar(db.db);
    console.log(
      `PostgreSQL WAL over the soak: ${mb(walAfterSoak.bytes - wal.bytes)}, ${walAfterSoak.fpi - wal.fpi} full-page images, ${walAfterSoak.checkpoints - wal.checkpoints} checkpoints`,
    );
    console.log(`autovacuum over the soak: ${passesSince(autovacuum, await autovacuumSoFar(db.db))}`);
  }
  clearInterval(sampler);
  console.log(
    `server RSS (${workers} workers + primary): start ${mb(rssStart)}, end ${mb(treeRssBytes(platform.pid))}, max ${mb(rssMax)}`,
  );
  // What the heartbeats wrote: how many nodes were heard from, and how many metrics samples (the heavier write).
  const heard = await db.db
    .selectFrom('edge_nodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('last_seen_at', '>=', loadStarted)
    .where('serial', 'like', 'BENCH-%')
    .executeTakeFirstOrThrow();
  console.log(
    `nodes heard from during the run: ${heard.n} of ${agents}; metrics samples written: ${await samplesSince(db.db, loadStarted)} (at most one per node per ${sampleEveryS} s)`,
  );
  const p99Met = (r: { p99Ms: number; late?: unknown }) => r.p99Ms < 50 && !r.late && rate >= 10_000;
  console.log(
    `targets (issue 7): ≥ 10,000/s sustained ${closed >= 10_000 ? 'met' : 'NOT met'}; p99 < 50 ms at ${rate}/s ${p99Met(openLoop) ? 'met' : 'NOT met'} over ${seconds} s${soak ? ` and ${p99Met(soak) ? 'met' : 'NOT met'} over the ${soakSeconds} s soak (${soak.p99Ms.toFixed(1)} ms)` : ''}; ≥ 40% of bare ${closed / bareRate >= 0.4 ? 'met' : 'NOT met'}`,
  );
} finally {
  await bare.stop();
  await platform.stop();
  await db.close();
  database.stop();
}
