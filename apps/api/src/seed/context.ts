import type { Database } from '@dg/db';
import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { FileStore } from '../services/files/store';

/** What seed steps share: the transaction, the file store, and the ids earlier steps created, by a readable key. */
export interface SeedContext {
  trx: Transaction<Database>;
  log: Logger;
  /** Where demo uploads' bytes go (content-addressed, so a rolled-back seed leaves only harmless orphans). */
  files: FileStore;
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
