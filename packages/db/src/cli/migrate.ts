import { createDb } from '../create-db';
import { migrateToLatest } from '../migrate';

// `pnpm --filter @dg/db migrate`: applies pending migrations to DATABASE_URL, or to the embedded ./data/pglite.
const handle = createDb({ url: process.env.DATABASE_URL, dataDir: process.env.PGLITE_DIR });
try {
  const { results } = await migrateToLatest(handle.db);
  for (const r of results ?? []) console.log(`${r.status}: ${r.migrationName}`);
  console.log(`${handle.dialect}: up to date`);
} finally {
  await handle.close();
}
