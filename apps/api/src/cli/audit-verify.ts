import { createDb } from '@dg/db';
import { readEnv } from '../env';
import { verifyAuditChain } from '../services/audit/verify';

// `pnpm --filter @dg/api audit:verify`: recomputes the audit log's hash chain; exit 1 naming the first broken row.
const env = readEnv();
const handle = createDb({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
try {
  const report = await verifyAuditChain(handle.db);
  if (report.ok) {
    console.log(`audit log intact: ${report.checked} rows verified`);
  } else {
    console.error(
      `audit log BROKEN at seq ${report.brokenAt}: ${report.reason} (${report.checked} rows before it verified)`,
    );
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
