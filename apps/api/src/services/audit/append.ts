import { json, type Database } from '@dg/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type AuditContent, auditHash, GENESIS_HASH } from './chain';

export interface AuditActor {
  userId: string | null;
  role: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

export interface AuditOrigin {
  actor: AuditActor | null;
  requestId: string | null;
}

// One constant advisory-lock key serialises appends across every API instance, so two writers never chain onto the
// same previous row. Held until the surrounding transaction ends.
const AUDIT_CHAIN_LOCK = 7_240_001;

/**
 * Appends one row to the audit log inside the caller's transaction — the change and its audit row commit or roll
 * back together.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  origin: AuditOrigin,
  entry: AuditEntry,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    at: new Date(),
    actor_user_id: origin.actor?.userId ?? null,
    actor_role: origin.actor?.role ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    data: entry.data ?? {},
    request_id: origin.requestId,
  };
  await trx
    .insertInto('audit_log')
    .values({ ...content, data: json(content.data), prev_hash: prevHash, hash: auditHash(prevHash, content) })
    .execute();
}

/** For a write that is only an audit row (e.g. reading an identity document). */
export function recordAudit(db: Kysely<Database>, origin: AuditOrigin, entry: AuditEntry): Promise<void> {
  return db.transaction().execute((trx) => appendAudit(trx, origin, entry));
}
