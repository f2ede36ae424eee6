import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DialectName, json } from '@dg/db';
import { createTestDatabase } from '@dg/db/testing';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '../src/routers/root';
import type { ProgramId, Role } from '@dg/policy';
import { demoEditions, demoForms } from '../src/seed/application-forms';
import { demoEnterprises } from '../src/seed/enterprises';
import { DEMO_PASSWORD } from '../src/seed/people';
import { startServer } from '../src/server';
import { fireEvent } from '../src/services/reviews/fire';
import { createDevSubscribeMessenger } from '../src/services/notifications/subscribe-message';
import { testEnv } from './harness';

// A real server on a real port whose clock the test sets (the after-review rules are dated: GEN-7 around National
// Day 2025, RD-5/RD-6 deadlines), with the development WeChat messenger kept for inspection.

export type Client = ReturnType<typeof createTRPCClient<AppRouter>>;

export async function startClockedApi(dialect: DialectName, startAt: string) {
  let now = new Date(startAt);
  const database = await createTestDatabase(dialect);
  const messenger = createDevSubscribeMessenger(() => {});
  const server = await startServer(testEnv({ FILES_DIR: mkdtempSync(path.join(os.tmpdir(), 'dg-files-')) }), {
    database,
    overrides: { clock: () => now, subscribeMessages: messenger },
  });
  const db = server.deps.db;
  const client = (headers: Record<string, string> = {}): Client =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc`, headers: () => headers })] });
  async function staff(login: string): Promise<Client> {
    const response = await fetch(`${server.url}/trpc/auth.staffLogin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`login ${login}: ${response.status} ${await response.text()}`);
    return client({ cookie: response.headers.get('set-cookie')!.split(';')[0]! });
  }
  async function wechat(code: string): Promise<Client> {
    const { token } = await client().auth.wechatLogin.mutate({ code });
    return client({ authorization: `Bearer ${token}` });
  }
  async function userId(login: string) {
    return (await db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow())
      .id;
  }
  /**
   * An application of a demo enterprise, submitted and driven through the review engineer's `fireEvent` (the workflow
   * engine with optimistic locking and history) up to the public notice: the compute voucher through town and final
   * review (recognising its whole ceiling), the grant programs shortlisted by the approver.
   */
  async function applicationInNotice(
    program: ProgramId,
    enterpriseKey: string,
    ceilingFen = 100_000_000,
  ): Promise<string> {
    const demo = demoEnterprises.find((e) => e.key === enterpriseKey)!;
    const enterprise = await db
      .selectFrom('enterprises')
      .select('id')
      .where('name', '=', demo.name)
      .executeTakeFirstOrThrow();
    const edition = await db
      .selectFrom('editions')
      .select('id')
      .where('program_id', '=', program)
      .where('code', '=', demoEditions[program])
      .executeTakeFirstOrThrow();
    const owner = Object.entries(demo.staff).find(([, role]) => role === 'owner')![0];
    const creator = (
      await db
        .selectFrom('users')
        .select('id')
        .where('wechat_openid', '=', `dev:${owner}`)
        .executeTakeFirstOrThrow()
    ).id;
    const app = await db
      .insertInto('applications')
      .values({
        program_id: program,
        edition_id: edition.id,
        enterprise_id: enterprise.id,
        state: 'draft',
        form: json(demoForms[program](demo)),
        form_version: 1,
        created_by: creator,
        ceiling_fen: ceilingFen,
        submitted_at: new Date('2025-09-01T02:00:00Z'),
        state_entered_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const steps: [string, Role, string, string | null][] =
      program === 'compute-voucher'
        ? [
            ['submit', 'enterprise_staff', creator, null],
            ['accept', 'city_reviewer', await userId('city1'), null],
            ['pass_qualification', 'city_reviewer', await userId('city1'), null],
            ['pass_formal', 'city_reviewer', await userId('city1'), null],
            ['pass_town', 'town_reviewer', await userId(`town-${demo.townCode}`), demo.townCode],
            ['approve_final', 'expert', await userId('expert1'), null],
          ]
        : [
            ['submit', 'enterprise_staff', creator, null],
            ['accept', 'city_reviewer', await userId('city2'), null],
            ['pass_formal', 'city_reviewer', await userId('city2'), null],
            ['pass_expert', 'expert', await userId('expert2'), null],
            ['pass_site', 'expert', await userId('expert2'), null],
            ['shortlist', 'approver', await userId('approver1'), null],
          ];
    for (const [event, role, id, townCode] of steps) {
      await fireEvent(db, app.id, {
        event,
        actor: { userId: id, role, townCode },
        requestId: null,
        now,
        ...(event === 'approve_final' && { recognisedFen: ceilingFen }),
      });
    }
    return app.id;
  }
  const rdApplicationInNotice = (enterpriseKey: string) =>
    applicationInNotice('vertical-model-rd', enterpriseKey);
  async function application(id: string) {
    return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
  return {
    server,
    db,
    messenger,
    setNow(iso: string) {
      now = new Date(iso);
    },
    staff,
    wechat,
    rdApplicationInNotice,
    applicationInNotice,
    application,
    async close() {
      await server.close();
    },
  };
}

export type ClockedApi = Awaited<ReturnType<typeof startClockedApi>>;

/** A notice batch of these applications, drafted by a city reviewer. */
export const draftNotice = (city: Client, programId: ProgramId, applicationIds: string[], title = '公示') =>
  city.notices.create.mutate({ programId, title, applicationIds });

/** The same batch, published from `startsOn` (GEN-7 counts its 5 working days from there). */
export async function publishedNotice(
  city: Client,
  programId: ProgramId,
  applicationIds: string[],
  startsOn: string,
  title = '公示',
) {
  const batch = await draftNotice(city, programId, applicationIds, title);
  return city.notices.publish.mutate({ id: batch.id, version: batch.version, startsOn });
}
