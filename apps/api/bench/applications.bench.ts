import { fork } from 'node:child_process';
import os from 'node:os';
import { createDb, type Database } from '@dg/db';
import { PROGRAM_IDS, workflows } from '@dg/policy';
import { type Kysely, sql } from 'kysely';
import { demoForms } from '../src/seed/application-forms';
import { demoEnterprises } from '../src/seed/enterprises';
import { DEMO_PASSWORD } from '../src/seed/people';
import { minePageQuery } from '../src/services/applications/mine';
import { queueQuery } from '../src/services/reviews/queue';
import { benchDatabase } from './bench-database';
import type { LoadPlan, LoadResult } from './http-load';
import { treeCpuMs } from './process-tree';
import { type Served, serveProcess } from './serve-process';

// `pnpm --filter @dg/api bench`: "my applications with progress" (authenticated read) and "save draft" (write) over
// loopback HTTP at 50 connections against PostgreSQL holding BENCH_APPLICATIONS applications (default 100,000),
// beside a bare Hono handler running the same SQL through `pg` (bench/bare-applications-server.ts), in the same run.
// Both are served as their own processes with the same workers (BENCH_WORKERS, default 2: the API's API_WORKERS, one
// per core here). Prints requests/s, p50/p99, the CPU per request (from /proc) of the server, of PostgreSQL and of
// the load generator, and the ratio. Then the city reviewer's queue (keyset page, search by name) at that scale.
// This machine's speed drifts from one phase to the next, so each comparison runs BENCH_ROUNDS rounds (default 3),
// alternating which side goes first, and the ratio is taken over the totals (with the rounds' own ratios beside it),
// after both sides have warmed up (BENCH_WARMUP_S, see compare). Bounded: BENCH_SECONDS per phase (default 5, max
// 60). DATABASE_URL: use that server (database `dg_app_bench` is recreated on it); otherwise a throwaway cluster from
// Debian's binaries with durable settings (fsync on). BENCH_CPU_PROFILE=<dir>: each server process writes its CPU
// profile there on exit.

const seconds = Math.min(60, Number(process.env.BENCH_SECONDS ?? 5));
const rounds = Math.max(1, Math.min(10, Number(process.env.BENCH_ROUNDS ?? 3)));
const applications = Math.min(1_000_000, Number(process.env.BENCH_APPLICATIONS ?? 100_000));
const CONNECTIONS = 50;
const MAX_REQUESTS = 2_000_000;
const CLOCK = new Date('2025-09-15T02:00:00Z');
const workers = Math.min(16, Number(process.env.BENCH_WORKERS ?? 2));
const POOL_SIZE = 10;
const warmupSeconds = Math.min(120, Number(process.env.BENCH_WARMUP_S ?? 10));
/** BENCH_PHASES: a comma list of mine, save, queue (default all), e.g. to profile one endpoint alone. */
const phases = new Set((process.env.BENCH_PHASES ?? 'mine,save,queue').split(',').map((p) => p.trim()));

/** The throwaway cluster's postmaster (set in main), whose process tree is PostgreSQL's CPU. */
let postmaster: number | undefined;

/**
 * Runs one phase from a load-generator process; also reads the CPU time the server's processes, PostgreSQL (on a
 * throwaway cluster) and the generator spent on it. The machine is saturated in every phase, so requests/s is two
 * cores over the sum of the three (plus the kernel's loopback work): a side that costs PostgreSQL or the generator
 * more per request loses throughput there too, not only in its own process.
 */
async function load(
  server: Served,
  plan: Omit<LoadPlan, 'url' | 'connections' | 'durationMs' | 'maxRequests'> & { path: string },
  durationMs = seconds * 1000,
) {
  const child = fork(new URL('./http-load.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  const cpu = treeCpuMs(server.pid);
  const pgCpu = postmaster ? treeCpuMs(postmaster) : 0;
  const { path, ...rest } = plan;
  const result = await new Promise<LoadResult>((resolve, reject) => {
    child.once('message', (message) => resolve(message as LoadResult));
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited ${code}`)));
    child.send({
      ...rest,
      url: `${server.url}${path}`,
      connections: CONNECTIONS,
      durationMs,
      maxRequests: MAX_REQUESTS,
    });
  });
  const requests = Math.max(1, result.requests);
  return {
    ...result,
    cpuMsPerRequest: (treeCpuMs(server.pid) - cpu) / requests,
    pgCpuMsPerRequest: postmaster ? (treeCpuMs(postmaster) - pgCpu) / requests : Number.NaN,
    loadCpuMsPerRequest: result.cpuMs / requests,
  };
}

/** Synthetic enterprises and applications in every non-draft state, in multi-row inserts of 1,000. */
async function fill(db: Kysely<Database>, count: number) {
  const towns = [...new Set(demoEnterprises.map((e) => e.townCode))];
  const editions = await db.selectFrom('editions').select(['id', 'program_id']).execute();
  const creator = await db
    .selectFrom('users')
    .select('id')
    .where('login', '=', 'admin')
    .executeTakeFirstOrThrow();
  const enterpriseIds: string[] = [];
  for (let i = 0; i < 1000; i += 500) {
    const rows = await db
      .insertInto('enterprises')
      .values(
        Array.from({ length: 500 }, (_, j) => ({
          uscc: `91441900B${String(i + j).padStart(9, '0')}`,
          name: `东莞市测试${i + j}号智造有限公司`,
          category: 'manufacturing',
          town_code: towns[(i + j) % towns.length]!,
          legal_rep_name: '测试',
          legal_rep_mobile: '13800000000',
        })),
      )
      .returning('id')
      .execute();
    enterpriseIds.push(...rows.map((r) => r.id));
  }
  const statesByProgram = Object.fromEntries(
    PROGRAM_IDS.map((p) => [p, Object.keys(workflows[p].states).filter((s) => s !== workflows[p].initial)]),
  );
  const year = Date.parse('2025-01-01T00:00:00Z');
  for (let done = 0; done < count; done += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - done) }, (_, j) => {
      const n = done + j;
      const program = PROGRAM_IDS[n % 3]!;
      const states = statesByProgram[program]!;
      const at = new Date(year + ((n * 7919) % 300) * 86_400_000 + (n % 86_400) * 1000);
      return {
        program_id: program,
        edition_id: editions.find((e) => e.program_id === program)!.id,
        enterprise_id: enterpriseIds[(n * 31) % enterpriseIds.length]!,
        state: states[(n * 13) % states.length]!,
        form: '{}',
        form_version: 1,
        created_by: creator.id,
        created_at: at,
        updated_at: at,
        state_entered_at: at,
        ceiling_fen: ((n * 104_729) % 100_000) * 1000,
      };
    });
    await db.insertInto('applications').values(batch).execute();
  }
  await sql`analyze`.execute(db);
}

/** EXPLAIN ANALYZE of a compiled query, its parameters inlined: the execution time and the plan's scan nodes. */
async function explain(
  db: Kysely<Database>,
  label: string,
  compiled: { sql: string; parameters: readonly unknown[] },
) {
  const text = compiled.sql.replace(/\$(\d+)/g, (_, n) => {
    const value = compiled.parameters[Number(n) - 1];
    if (typeof value === 'number') return String(value);
    if (value instanceof Date) return `'${value.toISOString()}'`;
    return `'${String(value).replace(/'/g, "''")}'`;
  });
  const { rows } = await sql.raw<{ 'QUERY PLAN': string }>(`explain analyze ${text}`).execute(db);
  const plan = rows.map((r) => r['QUERY PLAN']);
  const nodes = plan
    .filter((l) => /Scan|Sort/.test(l))
    .map((l) =>
      l
        .trim()
        .replace(/^->\s*/, '')
        .replace(/\s+\(cost.*$/, ''),
    );
  console.log(
    `${label}: ${plan.find((l) => l.includes('Execution Time'))?.trim()}\n    ${nodes.join('\n    ')}`,
  );
}

/** The plans PostgreSQL picks at this scale for the queue page and the "my applications" page. */
async function explainPlans(db: Kysely<Database>, enterpriseId: string) {
  const city = await db
    .selectFrom('users')
    .select('id')
    .where('login', '=', 'city1')
    .executeTakeFirstOrThrow();
  const actor = {
    userId: city.id,
    role: 'city_reviewer' as const,
    displayName: 'bench',
    townCode: null,
    sessionId: 'bench',
    sessionKind: 'web' as const,
    activeEnterprise: null,
  };
  await explain(
    db,
    "city reviewer's default queue page",
    queueQuery(db, actor, { limit: 20 }, CLOCK)!.compile(),
  );
  await explain(db, 'my applications page', minePageQuery(db, { enterpriseId, take: 21 }).compile());
}

type Measured = LoadResult & {
  cpuMsPerRequest: number;
  pgCpuMsPerRequest: number;
  loadCpuMsPerRequest: number;
};

const fmt = (r: Measured) =>
  [
    `${r.rps.toFixed(0).padStart(6)} req/s`,
    `p50 ${r.p50Ms.toFixed(1).padStart(6)} ms`,
    `p99 ${r.p99Ms.toFixed(1).padStart(6)} ms`,
    `CPU ms/req: server ${r.cpuMsPerRequest.toFixed(2)}, PostgreSQL ${r.pgCpuMsPerRequest.toFixed(2)}, generator ${r.loadCpuMsPerRequest.toFixed(2)}`,
    JSON.stringify(r.statuses),
  ].join('   ');

/** Sums phases of one side: requests over time, CPU per request, latency percentiles of the slowest phase. */
function total(phases: Measured[]): Measured {
  const requests = phases.reduce((n, p) => n + p.requests, 0);
  const perRequest = (of: (p: Measured) => number) =>
    phases.reduce((n, p) => n + of(p) * p.requests, 0) / Math.max(1, requests);
  const elapsedMs = phases.reduce((n, p) => n + p.elapsedMs, 0);
  const statuses: Record<string, number> = {};
  for (const p of phases)
    for (const [k, v] of Object.entries(p.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    requests,
    elapsedMs,
    rps: (requests / elapsedMs) * 1000,
    statuses,
    p50Ms: Math.max(...phases.map((p) => p.p50Ms)),
    p99Ms: Math.max(...phases.map((p) => p.p99Ms)),
    cpuMs: phases.reduce((n, p) => n + p.cpuMs, 0),
    cpuMsPerRequest: perRequest((p) => p.cpuMsPerRequest),
    pgCpuMsPerRequest: perRequest((p) => p.pgCpuMsPerRequest),
    loadCpuMsPerRequest: perRequest((p) => p.loadCpuMsPerRequest),
  };
}

/** An endpoint and its bare twin, each run for `ms` (default BENCH_SECONDS). */
interface Pair {
  api(ms?: number): Promise<Measured>;
  bare(ms?: number): Promise<Measured>;
}

/**
 * The endpoint and its bare twin in alternating rounds; prints both and the ratio of their totals. Both sides first
 * run for BENCH_WARMUP_S (default 10) seconds, unmeasured but printed. A server runs for days; its first thousands
 * of requests run code V8 is still compiling and tuning, more of it for the API than for the bare handler, so a
 * short warm-up measured the API cold (the warm-up line's CPU per request beside the rounds' shows how much). Each
 * side gets the same time, right before its rounds.
 */
async function compare(label: string, pair: Pair) {
  const [warmApi, warmBare] = [await pair.api(warmupSeconds * 1000), await pair.bare(warmupSeconds * 1000)];
  const ours: Measured[] = [];
  const theirs: Measured[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      ours.push(await pair.api());
      theirs.push(await pair.bare());
    } else {
      theirs.push(await pair.bare());
      ours.push(await pair.api());
    }
  }
  const [a, b] = [total(ours), total(theirs)];
  const perRound = ours.map((o, i) => `${((o.rps / theirs[i]!.rps) * 100).toFixed(0)}%`).join(' ');
  console.log(
    `${label.padEnd(16)} warm-up ${warmupSeconds} s each: tRPC ${warmApi.rps.toFixed(0)} req/s (server CPU ${warmApi.cpuMsPerRequest.toFixed(2)} ms/req), bare ${warmBare.rps.toFixed(0)} req/s (${warmBare.cpuMsPerRequest.toFixed(2)} ms/req)`,
  );
  console.log(`${label.padEnd(16)} tRPC  ${fmt(a)}`);
  console.log(`${label.padEnd(16)} bare  ${fmt(b)}`);
  console.log(
    `${''.padEnd(16)} ratio ${((a.rps / b.rps) * 100).toFixed(0)}% of the bare handler over ${rounds} rounds (rounds: ${perRound}; aim ≥ 70%)`,
  );
}

async function main() {
  const database = await benchDatabase('dg_app_bench');
  postmaster = database.postmaster;
  const db = createDb({ url: database.url, maxConnections: 2 });
  const common = { NODE_ENV: 'test', DATABASE_URL: database.url, DATABASE_POOL_SIZE: String(POOL_SIZE) };
  const api = await serveProcess(['src/main.ts'], {
    ...common,
    API_WORKERS: String(workers),
    JOBS: 'false',
    LOG_LEVEL: 'silent',
    FIXED_CLOCK: CLOCK.toISOString(),
    COMPUTE_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
  });
  const bare = await serveProcess(['bench/bare-applications-server.ts'], {
    ...common,
    BARE_WORKERS: String(workers),
  });
  try {
    const t = performance.now();
    await fill(db.db, applications);
    console.log(
      `filled ${applications.toLocaleString()} applications in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const login = await fetch(`${api.url}/trpc/auth.wechatLogin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'lin' }),
    }).then((r) => r.json() as Promise<{ result: { data: { token: string } } }>);
    const bearer = { authorization: `Bearer ${login.result.data.token}` };
    const enterprise = demoEnterprises.find((e) => e.key === 'humen-apparel')!;
    const enterpriseId = (
      await db.db
        .selectFrom('enterprises')
        .select('id')
        .where('name', '=', enterprise.name)
        .executeTakeFirstOrThrow()
    ).id;
    const form = demoForms['compute-voucher'](enterprise);
    const drafts: { id: string; version: number }[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const reply = await fetch(`${api.url}/trpc/applications.saveDraft`, {
        method: 'POST',
        headers: { ...bearer, 'content-type': 'application/json' },
        body: JSON.stringify({
          program: 'compute-voucher',
          edition: '2025-1',
          form,
          idempotencyKey: `bench-${i}-draft`,
        }),
      }).then(
        (r) => r.json() as Promise<{ result: { data: { application: { id: string; version: number } } } }>,
      );
      drafts.push({ id: reply.result.data.application.id, version: reply.result.data.application.version });
    }
    await explainPlans(db.db, enterpriseId);
    const versions = async () => {
      const rows = await db.db
        .selectFrom('applications')
        .select(['id', 'version'])
        .where(
          'id',
          'in',
          drafts.map((d) => d.id),
        )
        .execute();
      return rows.map((r) => ({ id: r.id, version: r.version }));
    };

    const minePath = `/trpc/applications.mine?input=${encodeURIComponent(JSON.stringify({ limit: 20 }))}`;
    console.log(
      `\n${CONNECTIONS} connections, ${seconds} s per phase, PostgreSQL (${database.settings}), loopback HTTP, ${workers} server process(es) each side`,
    );
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} at start`,
    );
    const mine: Pair = {
      api: (ms) => load(api, { path: minePath, method: 'GET', headers: bearer }, ms),
      bare: (ms) => load(bare, { path: '/mine', method: 'GET', headers: bearer }, ms),
    };
    const save: Pair = {
      api: async (ms) =>
        load(
          api,
          {
            path: '/trpc/applications.saveDraft',
            method: 'POST',
            headers: bearer,
            drafts: await versions(),
            form,
          },
          ms,
        ),
      bare: async (ms) =>
        load(bare, { path: '/save', method: 'POST', headers: bearer, drafts: await versions(), form }, ms),
    };
    if (phases.has('mine')) await compare('my applications', mine);
    if (phases.has('save')) await compare('save draft', save);

    if (phases.has('queue')) {
      const staff = await fetch(`${api.url}/trpc/auth.staffLogin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'city1', password: DEMO_PASSWORD }),
      });
      const cookie = { cookie: staff.headers.get('set-cookie')!.split(';')[0]! };
      const queue = await load(api, {
        path: `/trpc/reviews.queue?input=${encodeURIComponent(JSON.stringify({ limit: 20 }))}`,
        method: 'GET',
        headers: cookie,
      });
      const search = await load(api, {
        path: `/trpc/reviews.queue?input=${encodeURIComponent(JSON.stringify({ limit: 20, search: '测试12' }))}`,
        method: 'GET',
        headers: cookie,
      });
      console.log(
        `\nreviewer queue at ${applications.toLocaleString()} applications (city reviewer, first page of 20)`,
      );
      console.log(`queue            tRPC  ${fmt(queue)}`);
      console.log(`queue + search   tRPC  ${fmt(search)}`);
    }
  } finally {
    await bare.stop();
    await api.stop();
    await db.close();
    database.stop();
  }
}

await main();
