import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type DbHandle, type DialectName } from '../create-db';
import { migrateToLatest } from '../migrate';
import { dropDatabase, sqlExec, TEMPLATE_DATABASE, withDatabase } from './global-setup';

/** Every data and API test runs once per dialect: `describe.each(dialects)('… on %s', (dialect) => …)`. */
export const dialects: readonly DialectName[] = ['pglite', 'postgres'];

/** The URL of the run's PostgreSQL server; throws the reason (e.g. "apt-get install postgresql") if there is none. */
export function testPostgresUrl(): string {
  const provided = inject('dgPostgres');
  if (!provided)
    throw new Error("PostgreSQL tests need globalSetup: ['@dg/db/testing/global-setup'] in vitest config");
  if ('error' in provided) throw new Error(`PostgreSQL test server unavailable: ${provided.error}`);
  return provided.url;
}

export interface TestDatabase extends DbHandle {
  /** For PostgreSQL: the URL of this fresh database (to start an API instance on it); undefined for PGlite. */
  url: string | undefined;
}

/** A fresh, empty database of the given dialect, migrated unless told not to (a migration test runs its own). `close()` discards it. */
export async function createTestDatabase(
  dialect: DialectName,
  { migrated = true }: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  if (dialect === 'pglite') {
    const handle = createDb({ memory: true });
    if (migrated) await migrateToLatest(handle.db);
    return { ...handle, url: undefined };
  }
  const adminUrl = testPostgresUrl();
  const name = `dg_test_${randomBytes(6).toString('hex')}`;
  const admin = createDb({ url: adminUrl, maxConnections: 1 });
  try {
    await sqlExec(admin.db, `create database ${name}${migrated ? ` template ${TEMPLATE_DATABASE}` : ''}`);
  } finally {
    await admin.close();
  }
  const url = withDatabase(adminUrl, name);
  const handle = createDb({ url });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      const cleanup = createDb({ url: adminUrl, maxConnections: 1 });
      try {
        await dropDatabase(cleanup.db, name);
      } finally {
        await cleanup.close();
      }
    },
  };
}
