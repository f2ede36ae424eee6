import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// A throwaway PostgreSQL cluster from Debian's binaries, on a free loopback port, in a temp directory: the real
// server the tests that claim PostgreSQL run against. Nothing is mocked; if the binaries are missing, it fails.

export class PostgresBinariesMissingError extends Error {
  constructor(searched: string) {
    super(
      `PostgreSQL server binaries (initdb, pg_ctl) not found in ${searched}. ` +
        'Install them with `apt-get install postgresql` (or set PG_BIN_DIR to the directory holding initdb).',
    );
    this.name = 'PostgresBinariesMissingError';
  }
}

export interface PostgresServer {
  /** URL of the `postgres` database as superuser `postgres` (trust auth on loopback only). */
  url: string;
  port: number;
  dataDir: string;
  stop(): void;
}

export function findPostgresBinDir(): string {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv) {
    if (existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
    throw new PostgresBinariesMissingError(fromEnv);
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new PostgresBinariesMissingError(`${root}/*/bin`);
  return path.join(root, versions[0]!, 'bin');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, run its binaries as the `postgres` system user. */
function run(bin: string, args: string[]): void {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${path.basename(bin)} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

export interface StartPostgresOptions {
  port?: number;
  /** Keep the data directory here instead of a temp dir (the pg:start script uses this). */
  dataDir?: string;
  /** fsync off: fine for throwaway test clusters, never for data you keep. Default true. */
  fast?: boolean;
  /** More server settings, `name=value` each (the benches size shared_buffers as a production server would be). */
  settings?: string[];
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const bin = findPostgresBinDir();
  const port = options.port ?? (await freePort());
  const base = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'dg-pg-'));
  mkdirSync(base, { recursive: true });
  const dataDir = path.join(base, 'data');
  const socketDir = base;
  if (isRoot) {
    const { uid, gid } = userIds('postgres');
    chownSync(base, uid, gid);
    chmodSync(base, 0o700);
  }
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    run(path.join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-locale',
      '-N',
    ]);
  }
  const settings = [
    `-p ${port}`,
    `-k ${socketDir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c max_connections=200',
    ...(options.fast === false
      ? []
      : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ...(options.settings ?? []).map((setting) => `-c ${setting}`),
  ].join(' ');
  run(path.join(bin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-l',
    path.join(base, 'server.log'),
    '-o',
    settings,
    '-w',
    'start',
  ]);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop() {
      if (stopped) return;
      stopped = true;
      run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      if (!options.dataDir) rmSync(base, { recursive: true, force: true });
    },
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}
