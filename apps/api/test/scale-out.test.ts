import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLease } from '../src/jobs/runner';
import { type RunningServer, startServer } from '../src/server';
import { verifyAuditChain } from '../src/services/audit/verify';
import { startTestApi, type TestApi, testEnv } from './harness';

// Two API instances on one PostgreSQL database must agree: sessions, rate limits, job leases and the audit chain
// live in the database, not in either process.
describe('two API instances on one PostgreSQL', () => {
  let a: TestApi;
  let b: RunningServer;
  beforeAll(async () => {
    a = await startTestApi('postgres');
    b = await startServer(testEnv({ DATABASE_URL: a.databaseUrl!, FILES_DIR: a.server.deps.env.FILES_DIR }));
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a session opened on one instance is honoured, and its revocation seen, by the other', async () => {
    const token = await a.wechatToken('zhang');
    const onB = async (path: string, init?: RequestInit) =>
      fetch(`${b.url}/trpc/${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...init?.headers },
      });
    const me = (await (await onB('auth.me')).json()) as { result: { data: { role: string } } };
    expect(me.result.data.role).toBe('enterprise_staff');
    await a.client({ token }).auth.logout.mutate();
    expect((await onB('auth.me')).status).toBe(401);
  });

  it('login attempts are counted across both instances', async () => {
    const attempt = (url: string) =>
      fetch(`${url}/trpc/auth.staffLogin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'expert2', password: 'wrong' }),
      }).then((r) => r.status);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await attempt(i % 2 ? b.url : a.url));
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(await attempt(b.url)).toBe(429);
    expect(await attempt(a.url)).toBe(429);
  });

  it('exactly one instance wins a job lease at a time', async () => {
    const results = await Promise.all([
      acquireLease(a.server.deps.db, 'test.lease', 'instance-a', 60_000),
      acquireLease(b.deps.db, 'test.lease', 'instance-b', 60_000),
      acquireLease(a.server.deps.db, 'test.lease', 'instance-a2', 60_000),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('concurrent writes through both instances keep one unbroken audit chain', async () => {
    const owner = await a.wechatToken('chen');
    const invite = (url: string) =>
      fetch(`${url}/trpc/enterprises.invite`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
      }).then(async (r) => (r.status === 200 ? 200 : `${r.status} ${await r.text()}`));
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => invite(i % 2 ? b.url : a.url)));
    expect(statuses).toEqual(Array(20).fill(200));
    const report = await verifyAuditChain(b.deps.db);
    expect(report).toMatchObject({ ok: true });
    expect(report.checked).toBeGreaterThanOrEqual(20);
  });
});
