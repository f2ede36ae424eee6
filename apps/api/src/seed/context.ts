import type { Database } from '@dg/db';
import type { Transaction } from 'kysely';
import type { Logger } from 'pino';

/** What seed steps share: the transaction, and the ids earlier steps created, by a readable key. */
export interface SeedContext {
  trx: Transaction<Database>;
  log: Logger;
  refs: {
    /** Enterprise ids by seed key (e.g. 'songshanhu-robotics'). */
    enterprises: Map<string, string>;
    /** User ids by login (staff) or WeChat dev code (enterprise staff, e.g. 'zhang'). */
    users: Map<string, string>;
    /** Edition ids by `${programId}:${code}`. */
    editions: Map<string, string>;
  };
}

export interface SeedStep {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}
