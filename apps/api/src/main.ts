import { readEnv } from './env';
import { startServer } from './server';

// `pnpm --filter @dg/api start`: the API on the embedded database (or DATABASE_URL), demo data on first start.
const server = await startServer(readEnv());
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
