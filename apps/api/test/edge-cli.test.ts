import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@dg/db';
import { createTestDatabase } from '@dg/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEnterprises, demoUscc } from '../src/seed/enterprises';
import { startServer } from '../src/server';
import { testEnv } from './harness';

// The operator command line as documented: run from the repository root through pnpm, against the configured
// database (here a fresh PostgreSQL database). It registers, approves and prints the token as its last line.

const root = fileURLToPath(new URL('../../..', import.meta.url));

function edgeCli(args: string[], env: Record<string, string>) {
  const result = spawnSync('pnpm', ['--silent', '--filter', '@dg/api', 'edge', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, lines: result.stdout.trim().split('\n'), stderr: result.stderr };
}

describe('pnpm --silent edge issue-token on postgres', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  const temp = mkdtempSync(path.join(os.tmpdir(), 'dg-cli-'));
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    env = {
      DATABASE_URL: database.url!,
      COMPUTE_SECRETS_KEY_FILE: path.join(temp, 'key'),
      LOG_LEVEL: 'silent',
    };
  });
  afterAll(async () => {
    await database?.close();
    rmSync(temp, { recursive: true, force: true });
  });

  it('registers, approves and prints a fresh enrollment token last; the grant is audited', async () => {
    const uscc = demoUscc(demoEnterprises.find((e) => e.key === 'humen-apparel')!);
    const first = edgeCli(
      ['issue-token', '--serial', 'CLI-0001', '--enterprise', uscc, '--stations', '4'],
      env,
    );
    expect(first.status, first.stderr).toBe(0);
    const firstToken = first.lines.at(-1)!;
    expect(firstToken).toMatch(/^dget_[\w-]{40,}$/);
    const again = edgeCli(['issue-token', '--serial', 'CLI-0001'], env);
    expect(again.status, again.stderr).toBe(0);
    const token = again.lines.at(-1)!;
    expect(token).not.toBe(firstToken);

    expect(edgeCli(['issue-token', '--serial', 'CLI-UNKNOWN'], env).status).toBe(2);
    expect(edgeCli(['issue-token'], env).status).toBe(2);

    const server = await startServer(testEnv({ FILES_DIR: path.join(temp, 'files') }), {
      database: createDb({ url: database.url }),
    });
    try {
      const enroll = (t: string) =>
        fetch(`${server.url}/edge/v1/enroll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: t, serial: 'CLI-0001' }),
        }).then((r) => r.status);
      expect(await enroll(firstToken)).toBe(401);
      expect(await enroll(token)).toBe(201);
      const audit = await server.deps.db
        .selectFrom('audit_log')
        .select(['action', 'actor_role', 'request_id'])
        .where('entity_type', '=', 'edge_node')
        .orderBy('seq')
        .execute();
      // The seed's own nodes come first; this serial's history is the last four rows.
      expect(audit.slice(-4).map((a) => a.action)).toEqual([
        'edge.node.register',
        'edge.node.approve',
        'edge.node.rotate',
        'edge.node.enroll',
      ]);
      for (const grant of audit.slice(-4, -1)) {
        expect(grant.actor_role).toBe('edge_operator');
        expect(grant.request_id).toMatch(/^cli:/);
      }
    } finally {
      await server.close();
    }
  }, 120_000);
});
