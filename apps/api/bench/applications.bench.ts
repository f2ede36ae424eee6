import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Database } from '@dg/db';
import { startPostgres } from '@dg/db/testing';
import { PROGRAM_IDS, workflows } from '@dg/policy';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { readEnv } from '../src/env';
import { demoForms } from '../src/seed/application-forms';
import { demoEnterprises } from '../src/seed/enterprises';
import { DEMO_PASSWORD } from '../src/seed/people';
import { startServer } from '../src/server';
import { minePageQuery } from '../src/services/applications/mine';
import { queueQuery } from '../src/services/reviews/queue';
import { profiled } from './cpu-profile';
import type { LoadPlan, LoadResult } from './http-load';

// `pnpm --filter @dg/api bench`: "my applications with progress" (authenticated read) and "save draft" (write) over
// loopback HTTP at 50 connections against PostgreSQL holding BENCH_APPLICATIONS applications (default 100,000),
// beside a bare Hono handler running the same SQL through `pg` in the same run; prints requests/s, p50/p99 and the
// ratio. Then the city reviewer's queue (keyset page, search by name) at that scale. Bounded: BENCH_SECONDS per phase
// (default 8, max 60). DATABASE_URL: use that server (database `dg_app_bench` is recreated on it); otherwise a
// throwaway cluster from Debian's binaries with durable settings (fsync on).

const seconds = Math.min(60, Number(process.env.BENCH_SECONDS ?? 8));
const applications = Math.min(1_000_000, Number(process.env.BENCH_APPLICATIONS ?? 100_000));
const CONNECTIONS = 50;
const MAX_REQUESTS = 2_000_000;
const CLOCK = new Date('2025-09-15T02:00:00Z');

/** Runs one phase in a child process; also measures this process's CPU time (the servers live here) per request. */
async function load(
  plan: Omit<LoadPlan, 'connections' | 'durationMs' | 'maxRequests'>,
  durationMs = seconds * 1000,
  phase = 'warm-up',
) {
  const child = fork(new URL('./http-load.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  const cpu = process.cpuUsage();
  const result = await profiled(
    phase,
    () =>
      new Promise<LoadResult>((resolve, reject) => {
        child.once('message', (message) => resolve(message as LoadResult));
        child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited ${code}`)));
        child.send({ ...plan, connections: CONNECTIONS, durationMs, maxRequests: MAX_REQUESTS });
      }),
  );
  const used = process.cpuUsage(cpu);
  return { ...result, cpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, result.requests) };
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

/** The session lookup every authenticated request makes (services/auth/sessions.ts), as plain SQL. */
async function bareSession(pool: pg.Pool, authorization: string | undefined) {
  const token = authorization?.replace(/^Bearer\s+/i, '') ?? '';
  const { rows } = await pool.query(
    `select s.id as session_id, s.kind, s.last_seen_at, u.id as user_id, u.role, u.display_name, u.town_code,
       m.enterprise_id, m.member_role from sessions as s inner join users as u on u.id = s.user_id
     left join enterprise_members as m on m.enterprise_id = s.active_enterprise_id and m.user_id = s.user_id
     where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2 and u.disabled_at is null`,
    [createHash('sha256').update(token).digest('hex'), new Date()],
  );
  return rows[0] as { enterprise_id: string } | undefined;
}

/**
 * The bare baseline: Hono + `pg` running the same SQL as the two procedures (session lookup included), without
 * tRPC, Kysely, zod, the policy core's checks or the timeline.
 */
function bareApp(pool: pg.Pool) {
  const app = new Hono();
  app.get('/mine', async (c) => {
    const session = await bareSession(pool, c.req.header('authorization'));
    if (!session) return c.json({ error: 'unauthorized' }, 401);
    const enterpriseId = session.enterprise_id;
    const page = await pool.query(
      `select a.id, a.program_id, a.enterprise_id, a.state, a.tracking_number, a.ceiling_fen, a.recognised_fen,
         a.deadline_at, a.state_entered_at, a.created_at, a.submitted_at, a.version,
         e.name as enterprise_name, e.town_code, ed.code as edition_code from applications as a
       inner join enterprises as e on e.id = a.enterprise_id inner join editions as ed on ed.id = a.edition_id
       where a.enterprise_id = $1 order by a.created_at desc, a.id desc limit 21`,
      [enterpriseId],
    );
    const events = await pool.query(
      `select application_id, to_state, at from application_events
       where application_id = any($1) and accepted = true order by id`,
      [page.rows.slice(0, 20).map((r) => r.id)],
    );
    return c.json({ items: page.rows.slice(0, 20), events: events.rows });
  });
  app.post('/save', async (c) => {
    const session = await bareSession(pool, c.req.header('authorization'));
    if (!session) return c.json({ error: 'unauthorized' }, 401);
    const enterpriseId = session.enterprise_id;
    const { id, version, form } = await c.req.json<{ id: string; version: number; form: unknown }>();
    await pool.query(
      `select a.*, e.name, e.uscc, e.town_code, e.category, ed.code, ed.parameter_overrides from applications as a
       inner join enterprises as e on e.id = a.enterprise_id inner join editions as ed on ed.id = a.edition_id
       where a.id = $1`,
      [id],
    );
    const updated = await pool.query(
      `update applications set form = $1, form_version = 1, updated_at = now(), version = $2 + 1
       where id = $3 and enterprise_id = $4 and version = $2 and state = 'draft' returning *`,
      [JSON.stringify(form), version, id, enterpriseId],
    );
    if (!updated.rowCount) return c.json({ error: 'stale' }, 409);
    return c.json({ result: { data: { application: { version: updated.rows[0].version } } } });
  });
  return app;
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
  await explain(db, 'my applications page', minePageQuery(db, enterpriseId, { limit: 20 }).compile());
}

const fmt = (r: LoadResult & { cpuMsPerRequest: number }) =>
  [
    `${r.rps.toFixed(0).padStart(6)} req/s`,
    `p50 ${r.p50Ms.toFixed(1).padStart(6)} ms`,
    `p99 ${r.p99Ms.toFixed(1).padStart(6)} ms`,
    `server CPU ${r.cpuMsPerRequest.toFixed(2)} ms/req`,
    JSON.stringify(r.statuses),
  ].join('   ');

async function main() {
  let adminUrl = process.env.DATABASE_URL;
  let stopPostgres: (() => void) | undefined;
  if (!adminUrl) {
    const server = await startPostgres({ fast: false });
    adminUrl = server.url;
    stopPostgres = () => server.stop();
  }
  const admin = createDb({ url: adminUrl, maxConnections: 1 });
  await sql.raw('drop database if exists dg_app_bench with (force)').execute(admin.db);
  await sql.raw('create database dg_app_bench').execute(admin.db);
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = '/dg_app_bench';
  const filesDir = mkdtempSync(path.join(os.tmpdir(), 'dg-bench-files-'));

  const api = await startServer(
    readEnv({
      NODE_ENV: 'test',
      DATABASE_URL: url.toString(),
      PORT: '0',
      HOST: '127.0.0.1',
      JOBS: 'false',
      LOG_LEVEL: 'silent',
      FILES_DIR: filesDir,
    }),
  );
  api.deps.clock = () => CLOCK;
  const pool = new pg.Pool({ connectionString: url.toString(), max: api.deps.env.DATABASE_POOL_SIZE });
  try {
    let t = performance.now();
    await fill(api.deps.db, applications);
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
      await api.deps.db
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
    await explainPlans(api.deps.db, enterpriseId);
    const versions = async () => {
      const rows = await api.deps.db
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

    const bare = serve({ fetch: bareApp(pool).fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => bare.once('listening', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

    const mineUrl = `${api.url}/trpc/applications.mine?input=${encodeURIComponent(JSON.stringify({ limit: 20 }))}`;
    console.log(`\n${CONNECTIONS} connections, ${seconds} s per phase, PostgreSQL, loopback HTTP`);
    await load({ url: mineUrl, method: 'GET', headers: bearer }, 1000);
    await load({ url: `${bareUrl}/mine`, method: 'GET', headers: bearer }, 1000);
    const mine = await load({ url: mineUrl, method: 'GET', headers: bearer }, undefined, 'mine-trpc');
    const mineBare = await load(
      { url: `${bareUrl}/mine`, method: 'GET', headers: bearer },
      undefined,
      'mine-bare',
    );
    console.log(`my applications  tRPC  ${fmt(mine)}`);
    console.log(`my applications  bare  ${fmt(mineBare)}`);
    console.log(
      `                 ratio ${((mine.rps / mineBare.rps) * 100).toFixed(0)}% of the bare handler (aim ≥ 70%)`,
    );

    const save = await load(
      {
        url: `${api.url}/trpc/applications.saveDraft`,
        method: 'POST',
        headers: bearer,
        drafts: await versions(),
        form,
      },
      undefined,
      'save-trpc',
    );
    const saveBare = await load(
      {
        url: `${bareUrl}/save`,
        method: 'POST',
        headers: bearer,
        drafts: await versions(),
        form,
      },
      undefined,
      'save-bare',
    );
    console.log(`save draft       tRPC  ${fmt(save)}`);
    console.log(`save draft       bare  ${fmt(saveBare)}`);
    console.log(
      `                 ratio ${((save.rps / saveBare.rps) * 100).toFixed(0)}% of the bare handler (aim ≥ 70%)`,
    );

    const staff = await fetch(`${api.url}/trpc/auth.staffLogin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'city1', password: DEMO_PASSWORD }),
    });
    const cookie = { cookie: staff.headers.get('set-cookie')!.split(';')[0]! };
    t = performance.now();
    const queue = await load({
      url: `${api.url}/trpc/reviews.queue?input=${encodeURIComponent(JSON.stringify({ limit: 20 }))}`,
      method: 'GET',
      headers: cookie,
    });
    const search = await load({
      url: `${api.url}/trpc/reviews.queue?input=${encodeURIComponent(JSON.stringify({ limit: 20, search: '测试12' }))}`,
      method: 'GET',
      headers: cookie,
    });
    console.log(
      `\nreviewer queue at ${applications.toLocaleString()} applications (city reviewer, first page of 20)`,
    );
    console.log(`queue            tRPC  ${fmt(queue)}`);
    console.log(`queue + search   tRPC  ${fmt(search)}`);
    await new Promise((resolve) => bare.close(resolve));
  } finally {
    await pool.end();
    await api.close();
    rmSync(filesDir, { recursive: true, force: true });
    stopPostgres?.();
  }
}

await main();
