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
    await inParallel(
      procedures.filter((p) => p.access !== 'public'),
      async (procedure) => {
        const { status, code } = await call(api, procedure, {});
        if (code !== 'UNAUTHORIZED' || status !== 401) refused.push(`${procedure.path}: ${status} ${code}`);
      },
    );
    expect(refused).toEqual([]);
  }, 300_000);

  it('refuses every procedure to every role it does not list, with FORBIDDEN for the role', async () => {
    const failures: string[] = [];
    const pairs = procedures.flatMap((procedure) => {
      const access = procedure.access;
      if (access === 'public' || access === 'authenticated' || access === undefined) return [];
      return roles.filter((r) => !access.includes(r)).map((role) => ({ procedure, role }));
    });
    await inParallel(pairs, async ({ procedure, role }) => {
      const { status, code, deniedBy } = await call(api, procedure, sessions.get(role)!);
      if (code !== 'FORBIDDEN' || status !== 403 || deniedBy !== 'role') {
        failures.push(`${procedure.path} as ${role}: ${status} ${code} ${deniedBy ?? ''}`);
      }
    });
    expect(pairs.length).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  }, 300_000);

  it('lets every listed role past the authorization check', async () => {
    const failures: string[] = [];
    const pairs = procedures.flatMap((procedure) => {
      const access = procedure.access;
      if (access === 'public' || access === undefined) return [];
      return (access === 'authenticated' ? roles : access).map((role) => ({ procedure, role }));
    });
    const check = async ({ procedure, role }: (typeof pairs)[number]) => {
      const { code, deniedBy } = await call(api, procedure, sessions.get(role)!);
      // Past the role check the call may still fail on its (missing) input or a scope rule, never on the role.
      if (code === 'UNAUTHORIZED' || deniedBy === 'role')
        failures.push(`${procedure.path} as ${role}: ${code}`);
    };
    // Logging out ends the session the rest of the walk uses: it goes last.
    const isLogout = (pair: (typeof pairs)[number]) => pair.procedure.path === 'auth.logout';
    await inParallel(
      pairs.filter((pair) => !isLogout(pair)),
      check,
    );
    await inParallel(pairs.filter(isLogout), check);
    expect(failures).toEqual([]);
  }, 300_000);
});

/** Runs `task` over `items`, eight at a time: the walk is procedures × roles long and grows with the router. */
async function inParallel<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
