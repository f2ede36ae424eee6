import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Env } from '../../env';
import type { AuditOrigin } from '../audit/append';

/** What the edge services act with: the database, the edge settings, the clock, and who acts (for the audit log). */
export interface EdgeContext {
  db: Kysely<Database>;
  env: Pick<
    Env,
    'EDGE_HEARTBEAT_INTERVAL_S' | 'EDGE_OFFLINE_AFTER_MISSED' | 'EDGE_ENROLLMENT_TOKEN_TTL_HOURS'
  >;
  now: () => Date;
  origin: AuditOrigin;
  /** The acting user, when a person acts (null from the command line). */
  userId: string | null;
}

/** Which nodes a caller may see: enterprise staff only their active enterprise's. */
export type EdgeScope = { enterpriseId: string } | 'all';
