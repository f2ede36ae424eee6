import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type DbHandle } from '@dg/db';
import { createTestDatabase, dialects, freePort } from '@dg/db/testing';
import { type AgentEvent, EdgeAgent, loadCredential } from '@dg/edge-agent';
import { createTRPCClient, httpLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/routers/root';
import { demoEnterprises, demoUscc } from '../src/seed/enterprises';
import { DEMO_PASSWORD } from '../src/seed/people';
import { startServer } from '../src/server';
import { testEnv } from './harness';
import { nodeSpec } from './edge-harness';

// The reference agent while the platform is down: it backs off (exponential, capped, with jitter) and keeps trying;
// when the platform comes back on its port it enrolls and heartbeats; restarted, it reuses its stored credential.
// The platform really stops and starts again on the same database.

describe.each(dialects)('reference agent across a platform outage on %s', (dialect) => {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'dg-agent-'));
  let open: () => DbHandle;
  let dropDatabase = async () => {};
  beforeAll(async () => {
    if (dialect === 'pglite') {
      open = () => createDb({ dataDir: path.join(temp, 'pglite') });
    } else {
      const database = await createTestDatabase('postgres');
      await database.db.destroy();
      open = () => createDb({ url: database.url });
      dropDatabase = () => database.close();
    }
  });
  afterAll(async () => {
    await dropDatabase();
    rmSync(temp, { recursive: true, force: true });
  });

  const platformOn = (port: number) =>
    startServer(testEnv({ PORT: String(port), FILES_DIR: path.join(temp, 'files') }), { database: open() });

  it('backs off while the platform is down, then enrolls and heartbeats once it is back', async () => {
    const port = await freePort();
    const first = await platformOn(port);
    let token: string;
    try {
      const login = await fetch(`${first.url}/trpc/auth.staffLogin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'edge-op', password: DEMO_PASSWORD }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const operator = createTRPCClient<AppRouter>({
        links: [httpLink({ url: `${first.url}/trpc`, headers: { cookie } })],
      });
      const [grant] = await operator.edge.tokens.issueBulk.mutate({
        serials: ['AGENT-OUTAGE-1'],
        register: { ...nodeSpec, enterpriseId: (await enterpriseId(first.deps.db, 'dalang-textile'))! },
      });
      token = grant!.token;
    } finally {
      await first.close();
    }

    const events: AgentEvent[] = [];
    const controller = new AbortController();
    const credentialFile = path.join(temp, 'agent', 'credential.json');
    const agent = new EdgeAgent({
      platformUrl: `http://127.0.0.1:${port}`,
      serial: 'AGENT-OUTAGE-1',
      token,
      credentialFile,
      appVersion: '1.0.0-test',
      intervalMs: 50,
      backoff: { initialMs: 20, maxMs: 200 },
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'heartbeat' && event.outcome === 'ok') controller.abort();
      },
    });
    const running = agent.run(controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const backoffs = events.filter((e) => e.type === 'backoff').map((e) => e.delayMs!);
    expect(backoffs.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...backoffs)).toBeLessThanOrEqual(200);
    expect(events.some((e) => e.type === 'enrolled')).toBe(false);

    const second = await platformOn(port);
    try {
      expect((await running).reason).toBe('aborted');
      expect(events.some((e) => e.type === 'enrolled')).toBe(true);
      const stored = await loadCredential(credentialFile);
      expect(statSync(credentialFile).mode & 0o777).toBe(0o600);
      // Restarted without a token, the agent heartbeats with its stored credential.
      const restarted = new EdgeAgent({
        platformUrl: second.url,
        serial: 'AGENT-OUTAGE-1',
        credentialFile,
        appVersion: '1.0.1',
      });
      expect(await restarted.heartbeat()).toBe('ok');
      expect(restarted.nodeId).toBe(stored!.nodeId);
      const node = await second.deps.db
        .selectFrom('edge_nodes')
        .select(['status', 'connected_at'])
        .where('serial', '=', 'AGENT-OUTAGE-1')
        .executeTakeFirstOrThrow();
      expect(node.status).toBe('active');
      expect(node.connected_at).not.toBeNull();
    } finally {
      await second.close();
    }
  }, 180_000);
});

async function enterpriseId(db: DbHandle['db'], key: string) {
  const enterprise = demoEnterprises.find((e) => e.key === key)!;
  const row = await db
    .selectFrom('enterprises')
    .select('id')
    .where('uscc', '=', demoUscc(enterprise))
    .executeTakeFirst();
  return row?.id;
}
