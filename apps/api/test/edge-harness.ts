import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DialectName } from '@dg/db';
import { createTestDatabase } from '@dg/db/testing';
import { EdgeAgent } from '@dg/edge-agent';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../src/routers/root';
import { demoEnterprises, demoUscc } from '../src/seed/enterprises';
import { DEMO_PASSWORD } from '../src/seed/people';
import { startServer } from '../src/server';
import { testEnv } from './harness';

// An API on a real port whose clock the test moves (presence, token expiry, OP-2 periods), an edge operator's
// client, and reference agents writing their credentials into a temp directory.

export interface EdgeTestApi {
  url: string;
  db: Awaited<ReturnType<typeof startServer>>['deps']['db'];
  /** Sets the platform's clock. */
  setNow(iso: string | Date): void;
  advance(seconds: number): void;
  now(): Date;
  operator: ReturnType<typeof createTRPCClient<AppRouter>>;
  client(cookieOrToken: { cookie?: string; token?: string }): ReturnType<typeof createTRPCClient<AppRouter>>;
  staffCookie(login: string): Promise<string>;
  enterpriseId(key: string): Promise<string>;
  agent(
    serial: string,
    token?: string,
    extra?: Partial<ConstructorParameters<typeof EdgeAgent>[0]>,
  ): EdgeAgent;
  tempDir: string;
  close(): Promise<void>;
}

export async function startEdgeTestApi(
  dialect: DialectName,
  extraEnv: Record<string, string> = {},
): Promise<EdgeTestApi> {
  const database = await createTestDatabase(dialect);
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'dg-edge-'));
  let current = new Date('2031-03-02T01:00:00Z');
  const server = await startServer(testEnv({ FILES_DIR: path.join(tempDir, 'files'), ...extraEnv }), {
    database,
    overrides: { clock: () => new Date(current) },
  });
  const client = (auth: { cookie?: string; token?: string }) =>
    createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${server.url}/trpc`,
          headers: () => ({
            ...(auth.token && { authorization: `Bearer ${auth.token}` }),
            ...(auth.cookie && { cookie: auth.cookie }),
          }),
        }),
      ],
    });
  const staffCookie = async (login: string) => {
    const response = await fetch(`${server.url}/trpc/auth.staffLogin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: DEMO_PASSWORD }),
    });
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error(`login ${login} failed: ${response.status}`);
    return cookie;
  };
  const operator = client({ cookie: await staffCookie('edge-op') });
  let agents = 0;
  return {
    url: server.url,
    db: server.deps.db,
    setNow: (at) => {
      current = new Date(at);
    },
    advance: (seconds) => {
      current = new Date(current.getTime() + seconds * 1000);
    },
    now: () => new Date(current),
    operator,
    client,
    staffCookie,
    async enterpriseId(key) {
      const enterprise = demoEnterprises.find((e) => e.key === key);
      if (!enterprise) throw new Error(`no demo enterprise ${key}`);
      const row = await server.deps.db
        .selectFrom('enterprises')
        .select('id')
        .where('uscc', '=', demoUscc(enterprise))
        .executeTakeFirstOrThrow();
      return row.id;
    },
    agent(serial, token, extra = {}) {
      agents += 1;
      return new EdgeAgent({
        platformUrl: server.url,
        serial,
        ...(token && { token }),
        credentialFile: path.join(tempDir, `agent-${agents}`, 'credential.json'),
        appVersion: '1.0.0-test',
        models: [{ name: 'defect-detect', version: '3' }],
        ...extra,
      });
    },
    tempDir,
    async close() {
      await server.close();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

export const nodeSpec = {
  kind: 'compute_box' as const,
  vendor: '华为',
  model: 'Atlas 500',
  accelerator: 'Ascend 310',
  siteAddress: '东莞市松山湖工业东路 18 号 2 号厂房',
  stationsServed: 4,
  stationLabels: ['A1', 'A2', 'A3', 'A4'],
};

/** Registers and approves a node for the enterprise; returns its id and enrollment token. */
export async function approvedNode(api: EdgeTestApi, serial: string, enterpriseId: string) {
  const node = await api.operator.edge.nodes.register.mutate({ ...nodeSpec, serial, enterpriseId });
  const { grant } = await api.operator.edge.nodes.approve.mutate({ id: node.id });
  if (!grant) throw new Error('approve gave no token');
  return { id: node.id, token: grant.token };
}
