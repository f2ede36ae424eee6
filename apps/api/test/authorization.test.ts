import { dialects } from '@dg/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../src/authz/roles';
import { demoStaff } from '../src/seed/people';
import { startTestApi, type TestApi } from './harness';
import { listProcedures, type ProcedureInfo } from './procedures';

// Walks EVERY procedure of the appRouter × EVERY role, read from the router itself, so a procedure added later is
// covered without touching this file. Each forbidden pair must be refused before any input is looked at.

const procedures = listProcedures();

async function call(api: TestApi, procedure: ProcedureInfo, headers: Record<string, string>) {
  const url = `${api.url}/trpc/${procedure.path}`;
  const response =
    procedure.type === 'query'
      ? await fetch(url, { headers })
      : await fetch(url, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: '{}',
        });
  const body = (await response.json()) as { error?: { data?: { code?: string; deniedBy?: string } } };
  return {
    status: response.status,
    code: body.error?.data?.code ?? 'OK',
    deniedBy: body.error?.data?.deniedBy,
  };
}

describe('every procedure declares who may call it', () => {
  it('has an access declaration on each of the router’s procedures', () => {
    expect(procedures.length).toBeGreaterThan(10);
    const undeclared = procedures.filter((p) => p.access === undefined).map((p) => p.path);
    expect(undeclared).toEqual([]);
  });
});

describe.each(dialects)('authorization walk on %s', (dialect) => {
  let api: TestApi;
  const sessions = new Map<Role, Record<string, string>>();

  beforeAll(async () => {
    api = await startTestApi(dialect);
    for (const role of roles) {
      if (role === 'enterprise_staff') {
        sessions.set(role, { authorization: `Bearer ${await api.wechatToken('zhang')}` });
      } else {
        const login = demoStaff.find((s) => s.role === role)!.login;
        sessions.set(role, { cookie: await api.staffCookie(login) });
      }
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  it('refuses every non-public procedure to an anonymous caller with UNAUTHORIZED', async () => {
    const refused: string[] = [];
    for (const procedure of procedures.filter((p) => p.access !== 'public')) {
      const { status, code } = await call(api, procedure, {});
      if (code !== 'UNAUTHORIZED' || status !== 401) refused.push(`${procedure.path}: ${status} ${code}`);
    }
    expect(refused).toEqual([]);
  });

  it('refuses every procedure to every role it does not list, with FORBIDDEN', async () => {
    const failures: string[] = [];
    let pairs = 0;
    for (const procedure of procedures) {
      const access = procedure.access;
      if (access === 'public' || access === 'authenticated' || access === undefined) continue;
      for (const role of roles.filter((r) => !access.includes(r))) {
        pairs += 1;
        const { status, code } = await call(api, procedure, sessions.get(role)!);
        if (code !== 'FORBIDDEN' || status !== 403)
          failures.push(`${procedure.path} as ${role}: ${status} ${code}`);
      }
    }
    expect(pairs).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });

  it('lets every listed role past the authorization check', async () => {
    const failures: string[] = [];
    // Logging out ends the session the rest of the walk uses: it goes last.
    const ordered = [...procedures].sort(
      (a, b) => Number(a.path === 'auth.logout') - Number(b.path === 'auth.logout'),
    );
    for (const procedure of ordered) {
      const access = procedure.access;
      if (access === 'public' || access === undefined) continue;
      const allowed = access === 'authenticated' ? roles : access;
      for (const role of allowed) {
        const { code, deniedBy } = await call(api, procedure, sessions.get(role)!);
        // Past the role check the call may still fail on its (missing) input or a scope rule, never on the role.
        if (code === 'UNAUTHORIZED' || deniedBy === 'role')
          failures.push(`${procedure.path} as ${role}: ${code}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
