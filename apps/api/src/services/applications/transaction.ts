import type { Database } from '@dg/db';
import type { Kysely, Transaction } from 'kysely';

/** Runs `fn` in a transaction, or inside the caller's when `db` already is one (the seed runs in one transaction). */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);
}
