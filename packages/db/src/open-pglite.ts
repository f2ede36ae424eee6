import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { valueParsers } from './types';

/** Opens PGlite on a data directory, or in memory when `dataDir` is undefined, with the shared value parsers. */
export function openPglite(dataDir: string | undefined): PGlite {
  const parsers = Object.fromEntries(
    Object.entries(valueParsers).map(([oid, parse]) => [Number(oid), parse]),
  );
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir ?? 'memory://', { parsers });
}
