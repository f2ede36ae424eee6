import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { openPglite } from './open-pglite';
import { statementName } from './prepared';
import { valueParsers } from './types';

export type DialectName = 'pglite' | 'postgres';

export interface CreateDbOptions {
  /** A PostgreSQL URL. When set, PostgreSQL through `pg`; otherwise embedded PGlite. */
  url?: string | undefined;
  /** PGlite data directory; default `./data/pglite` under the working directory. */
  dataDir?: string | undefined;
  /** PGlite in memory (tests). Ignored when `url` is set. */
  memory?: boolean | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number | undefined;
  /** Told about errors on idle PostgreSQL connections (logged by the API); they never crash the process. */
  onIdleError?: ((error: Error) => void) | undefined;
}

export interface DbHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parse = valueParsers[oid];
    if (parse && format !== 'binary') return parse;
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloads do not accept a union format
    return pg.types.getTypeParser(oid, format as any);
  },
} as pg.CustomTypesConfig;

/**
 * pg's client, except that the text of a prepared query (prepared.ts) goes as a named statement: parsed once per
 * connection, its plan kept when PostgreSQL finds the generic plan as good as a fresh one. Kysely calls
 * `query(text, parameters)`; every other form passes through untouched.
 */
class PreparingClient extends pg.Client {
  /** Statements this connection had to prepare again under a new name (see `query`). */
  private readonly renamed = new Map<string, string>();

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this one forwards them all
  override query(config: any, values?: any, callback?: any): any {
    const name = typeof config === 'string' && Array.isArray(values) ? statementName(config) : undefined;
    if (name === undefined || callback) return super.query(config, values, callback);
    return this.named(name, config, values).catch((error: unknown) => {
      // A migration that adds a column to a table a statement reads whole (`a.*`) makes PostgreSQL refuse the
      // statement prepared before it, for the life of the connection: during a rolling deploy, every instance still
      // running would fail those requests. The statement is prepared again under a new name (the old one cannot be
      // dropped inside a failed transaction) and, outside a transaction, run at once; inside one, the transaction
      // has failed and its retry will use the new statement.
      if (!isStaleResultType(error)) throw error;
      this.renamed.set(name, `${name}_${this.renamed.size + 1}`);
      if (this.getTransactionStatus() !== 'I') throw error;
      return this.named(name, config, values);
    });
  }

  // A method rather than a closure per query: tsx names every named closure it creates (esbuild's keepNames), a
  // defineProperty per query that showed in the API's CPU profile.
  private named(name: string, text: string, values: unknown[]): Promise<pg.QueryResult> {
    return super.query({ name: this.renamed.get(name) ?? name, text, values });
  }
}

const isStaleResultType = (error: unknown) =>
  error instanceof Error &&
  (error as { code?: string }).code === '0A000' &&
  error.message.includes('cached plan must not change result type');

/** The one place that picks the database: PostgreSQL when a URL is given, embedded PGlite otherwise. */
export function createDb(options: CreateDbOptions = {}): DbHandle {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      types: pgTypes,
      Client: PreparingClient,
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process: the pool replaces it.
    pool.on('error', (error) => options.onIdleError?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const dataDir = options.memory ? undefined : path.resolve(options.dataDir ?? 'data/pglite');
  const db = new Kysely<Database>({
    dialect: new PGliteDialect({ pglite: () => openPglite(dataDir) }),
  });
  return { db, dialect: 'pglite', close: () => db.destroy() };
}
