import { runCluster } from './cluster';
import { readEnv } from './env';
import { startServer } from './server';

// `pnpm --filter @dg/api start`: the API on the embedded database (or DATABASE_URL), demo data on first start;
// API_WORKERS > 1 (PostgreSQL) runs that many server processes on the port (cluster.ts).
const env = readEnv();
if (env.API_WORKERS > 1) {
  await runCluster(env);
} else {
  const server = await startServer(env);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server.close().then(
        () => process.exit(0),
        (err) => {
          server.deps.log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}
