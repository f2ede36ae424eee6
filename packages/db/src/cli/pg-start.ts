import path from 'node:path';
import { startPostgres } from '../testing/postgres-server';

// `pnpm --filter @dg/db pg:start [--port 5433] [--dir ./data/postgres]`: a local PostgreSQL server from Debian's
// binaries, the same way the tests start theirs, but durable (fsync on) and kept until Ctrl-C.
// Then: DATABASE_URL=<printed url> pnpm --filter @dg/api start   or   TEST_POSTGRES_URL=<url> pnpm … test

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const server = await startPostgres({
  port: Number(arg('port') ?? 5433),
  dataDir: path.resolve(arg('dir') ?? 'data/postgres'),
  fast: false,
});
console.log(`PostgreSQL is running: ${server.url}`);
console.log(`  DATABASE_URL=${server.url} pnpm --filter @dg/api start`);
console.log('Ctrl-C stops it (the data directory is kept).');
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
