import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { dialects } from '@dg/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/services/audit/verify';
import { startTestApi, type TestApi } from './harness';

const run = promisify(execFile);

describe.each(dialects)('audit log on %s', (dialect) => {
  let api: TestApi;
  // The demo seed writes audit rows of its own: this test looks at what comes after them.
  let seededUpTo = 0;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    const last = await api.server.deps.db
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    seededUpTo = last?.seq ?? 0;
    // A few state changes, each of which writes an audit row.
    const owner = api.client({ token: await api.wechatToken('wang') });
    await owner.enterprises.invite.mutate();
    await owner.enterprises.invite.mutate();
    const city = api.client({ cookie: await api.staffCookie('city1') });
    const id = (await owner.auth.me.query()).activeEnterpriseId!;
    const { version } = await city.enterprises.get.query({ id });
    await city.enterprises.updateCredit.mutate({
      id,
      version,
      abnormalOperationListed: false,
      seriousDishonestyListed: false,
      source: '信用中国 2026-11-21 查询',
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('records state changes with actor and request id, and the chain verifies', async () => {
    const db = api.server.deps.db;
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', seededUpTo)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'auth.login',
      'enterprise.invite',
      'enterprise.invite',
      'auth.login',
      'enterprise.credit',
    ]);
    expect(rows[4]).toMatchObject({ actor_role: 'city_reviewer', entity_type: 'enterprise' });
    expect(rows[4]!.request_id).toBeTruthy();
    const total = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: total.n });
  });

  it('names the first broken row when a row is altered behind the trigger’s back', async () => {
    const db = api.server.deps.db;
    const second = await db
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq')
      .offset(1)
      .limit(1)
      .executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
      await sql`update audit_log set data = '{"forged": true}' where seq = ${second.seq}`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
    });
    const report = await verifyAuditChain(db);
    const before = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('seq', '<', second.seq)
      .executeTakeFirstOrThrow();
    expect(report).toMatchObject({ ok: false, brokenAt: second.seq, checked: before.n });
  });

  it.runIf(dialect === 'postgres')('`audit:verify` exits 1 and names the broken row', async () => {
    const failed = await run('pnpm', ['--silent', 'audit:verify'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: api.databaseUrl },
    }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/audit log BROKEN at seq \d+/);
  });
});
