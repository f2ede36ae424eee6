import type { Database } from '@dg/db';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { FileStore } from '../services/files/store';
import { seedAfterReview } from './after-review';
import { seedApplications } from './applications';
import { seedCompute } from './compute';
import type { SeedContext, SeedStep } from './context';
import { seedEdge } from './edge';
import { demoEnterprises, seedEnterprises } from './enterprises';
import { DEMO_PASSWORD, demoStaff, seedStaff } from './people';
import { seedPrograms } from './programs';

/**
 * The demo city, built step by step in this order inside one transaction. A later domain adds its step file
 * (e.g. seed/applications.ts: applications of every program in every state) and one line here; it reads what
 * earlier steps made from `ctx.refs`.
 */
export const seedSteps: SeedStep[] = [
  seedPrograms,
  seedStaff,
  seedEnterprises,
  seedApplications,
  seedEdge,
  seedCompute,
  seedAfterReview,
];

// Several instances may start at once on one PostgreSQL: the lock makes one of them seed, the others see users.
const SEED_LOCK = 7_240_002;

/** Seeds the demo data when the database has no users yet. Returns whether it seeded. */
export async function seedIfEmpty(db: Kysely<Database>, log: Logger, files: FileStore): Promise<boolean> {
  const seeded = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (anyUser) return false;
    const ctx: SeedContext = {
      trx,
      log,
      files,
      refs: { enterprises: new Map(), users: new Map(), editions: new Map() },
    };
    for (const step of seedSteps) {
      log.info({ step: step.name }, 'seeding');
      await step.run(ctx);
    }
    return true;
  });
  if (seeded) log.info('demo data seeded');
  return seeded;
}

/** The demo logins, as printed at seed time and listed in the README. */
export function demoLoginsText(): string {
  const staff = demoStaff.map((s) => `  ${s.login.padEnd(16)} ${s.role.padEnd(17)} ${s.displayName}`);
  const wechat = demoEnterprises.flatMap((e) =>
    Object.entries(e.staff).map(([code, role]) => `  wx code ${code.padEnd(8)} ${role.padEnd(7)} ${e.name}`),
  );
  return [
    `Demo web logins (password for all: ${DEMO_PASSWORD}):`,
    ...staff,
    'Demo mini-program logins (development WeChat adapter: wx.login code → openid dev:<code>):',
    ...wechat,
  ].join('\n');
}
