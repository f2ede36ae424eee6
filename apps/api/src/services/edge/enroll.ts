import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import { DomainError } from '../../errors';
import { appendAudit } from '../audit/append';
import { CREDENTIAL_PREFIX, hashSecret, newSecret } from './secrets';
import { inTransaction } from '../applications/transaction';

export interface Enrollment {
  nodeId: string;
  credential: string;
  heartbeatIntervalS: number;
}

/** One answer for unknown, used, expired, voided and wrong-serial tokens: a guesser learns nothing. */
const refused = () => new DomainError('UNAUTHORIZED', '注册令牌无效、已使用或已过期');

/**
 * Exchanges a single-use enrollment token for the node's credential (a random secret shown once, stored as its
 * hash). The token row is locked, so two agents racing with one token get one credential between them. A token is
 * only ever issued to an approved node and dies with a revoke or decommission, so a revoked serial cannot come back
 * without a new approval.
 */
export async function enroll(
  db: Kysely<Database>,
  input: { token: string; serial: string },
  now: Date,
  requestId: string | null,
): Promise<Enrollment> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('edge_enrollment_tokens as t')
      .innerJoin('edge_nodes as n', 'n.id', 't.node_id')
      .select([
        't.id as tokenId',
        't.used_at',
        't.voided_at',
        't.expires_at',
        'n.id as nodeId',
        'n.serial',
        'n.status',
        'n.heartbeat_interval_s',
      ])
      .where('t.token_hash', '=', hashSecret(input.token))
      .forUpdate()
      .executeTakeFirst();
    if (
      !row ||
      row.used_at ||
      row.voided_at ||
      row.expires_at.getTime() <= now.getTime() ||
      row.serial !== input.serial ||
      row.status !== 'approved'
    ) {
      throw refused();
    }
    await trx
      .updateTable('edge_enrollment_tokens')
      .set({ used_at: now })
      .where('id', '=', row.tokenId)
      .execute();
    // A node holds one live credential: enrolling again (after a rotation) ends the previous one.
    await trx
      .updateTable('edge_credentials')
      .set({ revoked_at: now })
      .where('node_id', '=', row.nodeId)
      .where('revoked_at', 'is', null)
      .execute();
    const credential = newSecret(CREDENTIAL_PREFIX);
    await trx
      .insertInto('edge_credentials')
      .values({ node_id: row.nodeId, secret_hash: hashSecret(credential), created_at: now })
      .execute();
    await trx
      .updateTable('edge_nodes')
      .set((eb) => ({ status: 'active', enrolled_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', row.nodeId)
      .execute();
    await appendAudit(
      trx,
      { actor: null, requestId },
      {
        action: 'edge.node.enroll',
        entityType: 'edge_node',
        entityId: row.nodeId,
        data: { serial: row.serial },
      },
    );
    return { nodeId: row.nodeId, credential, heartbeatIntervalS: row.heartbeat_interval_s };
  });
}
