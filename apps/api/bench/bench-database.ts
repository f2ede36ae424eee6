import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDb, type Database } from '@dg/db';
import { startPostgres } from '@dg/db/testing';
import { type Kysely, sql } from 'kysely';

export interface BenchDatabase {
  /** URL of the freshly created bench database. */
  url: string;
  /** How the server was set up, for the printed header. */
  settings: string;
  /** The throwaway cluster's postmaster, whose process tree is PostgreSQL's CPU; undefined on DATABASE_URL. */
  postmaster: number | undefined;
  stop(): void;
}

const productionSettings = [
  'shared_buffers=1GB',
  'max_wal_size=8GB',
  'checkpoint_timeout=15min',
  'wal_compression=lz4',
];

/**
 * A fresh database `name` on DATABASE_URL's server, or on a throwaway cluster from Debian's binaries with durable
 * settings (fsync and synchronous_commit on) and sized as production would run it.
 */
export async function benchDatabase(name: string): Promise<BenchDatabase> {
  let adminUrl = process.env.DATABASE_URL;
  let stop = () => {};
  let settings = 'DATABASE_URL';
  let postmaster: number | undefined;
  if (!adminUrl) {
    // Durable as production, and tuned as a production server for this write rate would be, rather than initdb's
    // defaults: a buffer cache that holds a 300,000-node fleet's hot rows and indexes (not 128 MB), and room for
    // 15 minutes of write-ahead log between checkpoints (not 1 GB, which at 300,000 nodes' heartbeats is a
    // checkpoint every 100 s, each followed by a burst of full-page images), compressed.
    const pg = await startPostgres({ fast: false, settings: productionSettings });
    adminUrl = pg.url;
    stop = () => pg.stop();
    settings = `throwaway cluster, fsync on, synchronous_commit on, ${productionSettings.join(', ')}`;
    postmaster = Number(readFileSync(path.join(pg.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  }
  const admin = createDb({ url: adminUrl, maxConnections: 1 });
  if (postmaster) await recycleWalSegments(admin.db);
  await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
  await sql.raw(`create database ${name}`).execute(admin.db);
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), settings, postmaster, stop };
}

/** Write-ahead log a fresh cluster is given ready before the benches write (see recycleWalSegments). */
const WAL_READY_BYTES = 3 * 1024 ** 3;
const WAL_SEGMENT_BYTES = 16 * 1024 ** 2;

/**
 * Leaves a fresh cluster with WAL_READY_BYTES of recycled write-ahead log segments, as a server that has been running
 * has: at each checkpoint it renames the segments it no longer needs for reuse. A fresh cluster has none, so every
 * 16 MB of log (about every 5 s at 10,000 heartbeats/s) the backend that needs the next segment first writes it full
 * of zeros, and each time the heartbeats of that backend's worker stalled for 200–300 ms (a p99 of 55 ms in a 30 s
 * soak whose other seconds stayed under 20 ms). Switching segments creates them; the checkpoint then recycles them.
 */
async function recycleWalSegments(db: Kysely<Database>): Promise<void> {
  for (let i = 0; i < WAL_READY_BYTES / WAL_SEGMENT_BYTES; i++) {
    // A segment switch needs a record since the last one: a transaction id's commit is the smallest.
    await sql`select pg_current_xact_id()`.execute(db);
    await sql`select pg_switch_wal()`.execute(db);
  }
  await sql`checkpoint`.execute(db);
}
