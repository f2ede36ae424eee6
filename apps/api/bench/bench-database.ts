import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '@dg/db';
import { startPostgres } from '@dg/db/testing';
import { sql } from 'kysely';

export interface BenchDatabase {
  /** URL of the freshly created bench database. */
  url: string;
  /** How the server was set up, for the printed header. */
  settings: string;
  /** The throwaway cluster's postmaster, whose process tree is PostgreSQL's CPU; undefined on DATABASE_URL. */
  postmaster: number | undefined;
  stop(): void;
}

/**
 * A fresh database `name` on DATABASE_URL's server, or on a throwaway cluster from Debian's binaries with durable
 * settings (fsync and synchronous_commit on) and a 1 GB buffer cache, as production would run.
 */
export async function benchDatabase(name: string): Promise<BenchDatabase> {
  let adminUrl = process.env.DATABASE_URL;
  let stop = () => {};
  let settings = 'DATABASE_URL';
  let postmaster: number | undefined;
  if (!adminUrl) {
    // Durable as production, and with a production server's buffer cache rather than initdb's 128 MB: a fleet of
    // 300,000 edge nodes with their credentials is a few hundred megabytes of hot rows and indexes.
    const pg = await startPostgres({ fast: false, settings: ['shared_buffers=1GB'] });
    adminUrl = pg.url;
    stop = () => pg.stop();
    settings = 'throwaway cluster, fsync on, synchronous_commit on, shared_buffers 1 GB';
    postmaster = Number(readFileSync(path.join(pg.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  }
  const admin = createDb({ url: adminUrl, maxConnections: 1 });
  await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
  await sql.raw(`create database ${name}`).execute(admin.db);
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), settings, postmaster, stop };
}
