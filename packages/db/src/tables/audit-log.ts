import type { Generated, Insertable, Selectable } from 'kysely';
import type { Json, Timestamp } from './columns';

/**
 * Append-only (a trigger refuses UPDATE and DELETE). Each row's `hash` is SHA-256 over its content and `prev_hash`,
 * so editing or removing a row breaks the chain from there on.
 */
export interface AuditLogTable {
  seq: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: Json<Record<string, unknown>>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
