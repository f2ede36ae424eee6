import type { Database, EdgeNode, EdgeNodeStatus } from '@dg/db';
import { json } from '@dg/db';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { badRequest, conflict, notFound } from '../../errors';
import type { edgeNodeSpecSchema, registerEdgeNodeInput } from '../../schemas/edge';
import { edgeNodeStatusLabels } from '../../schemas/edge';
import { appendAudit } from '../audit/append';
import type { EdgeContext, EdgeScope } from './context';
import { hashSecret, newSecret, TOKEN_PREFIX } from './secrets';
import { inTransaction } from '../applications/transaction';

// Onboarding: register → approve (a single-use enrollment token) → the agent enrolls (services/edge/enroll.ts) →
// connected at the first accepted heartbeat. Every change here is one transaction with its audit row; a revoked or
// decommissioned node's credentials and tokens die in the same transaction as the status change.

type Trx = Transaction<Database>;
export type NodeAction = 'approve' | 'reject' | 'suspend' | 'resume' | 'revoke' | 'rotate' | 'decommission';

/** The states each action may start from. Decommissioned is final; a revoked node needs a new approval. */
const allowedFrom: Record<NodeAction, readonly EdgeNodeStatus[]> = {
  approve: ['pending_review', 'rejected', 'revoked'],
  reject: ['pending_review'],
  suspend: ['active'],
  resume: ['suspended'],
  revoke: ['approved', 'active', 'suspended'],
  rotate: ['approved', 'active'],
  decommission: ['pending_review', 'approved', 'active', 'suspended', 'rejected', 'revoked'],
};

const actionLabels: Record<NodeAction, string> = {
  approve: '批准',
  reject: '驳回',
  suspend: '暂停',
  resume: '恢复',
  revoke: '吊销',
  rotate: '轮换凭证',
  decommission: '退役',
};

export interface EnrollmentGrant {
  nodeId: string;
  serial: string;
  token: string;
  expiresAt: Date;
}

type NodeSpec = z.infer<typeof edgeNodeSpecSchema>;

/** Registers a node for an enterprise (pending review). A serial is registered once, ever. */
export async function registerNode(
  ctx: EdgeContext,
  enterpriseId: string,
  input: Omit<z.infer<typeof registerEdgeNodeInput>, 'enterpriseId' | 'enterpriseUscc'>,
): Promise<EdgeNode> {
  return inTransaction(ctx.db, (trx) => insertNode(trx, ctx, enterpriseId, input.serial, input));
}

async function insertNode(
  trx: Trx,
  ctx: EdgeContext,
  enterpriseId: string,
  serial: string,
  spec: NodeSpec,
): Promise<EdgeNode> {
  const enterprise = await trx
    .selectFrom('enterprises')
    .select(['id', 'town_code'])
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
  if (!enterprise) throw notFound('企业不存在');
  if (spec.applicationId) {
    const application = await trx
      .selectFrom('applications')
      .select('id')
      .where('id', '=', spec.applicationId)
      .where('enterprise_id', '=', enterpriseId)
      .where('program_id', '=', 'edge-node-deployment')
      .executeTakeFirst();
    if (!application) throw badRequest('所属申报不存在，或不是本企业的边端节点部署项目');
  }
  const existing = await trx
    .selectFrom('edge_nodes')
    .select('status')
    .where('serial', '=', serial)
    .executeTakeFirst();
  if (existing) throw conflict(`序列号 ${serial} 已登记（${edgeNodeStatusLabels[existing.status]}）`);
  const node = await trx
    .insertInto('edge_nodes')
    .values({
      serial,
      enterprise_id: enterpriseId,
      application_id: spec.applicationId ?? null,
      kind: spec.kind,
      vendor: spec.vendor,
      model: spec.model,
      accelerator: spec.accelerator ?? null,
      site_address: spec.siteAddress,
      town_code: spec.townCode ?? enterprise.town_code,
      stations_served: spec.stationsServed,
      station_labels: json(spec.stationLabels),
      status: 'pending_review',
      heartbeat_interval_s: ctx.env.EDGE_HEARTBEAT_INTERVAL_S,
      offline_after_s: ctx.env.EDGE_HEARTBEAT_INTERVAL_S * ctx.env.EDGE_OFFLINE_AFTER_MISSED,
      registered_by: ctx.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(trx, ctx.origin, {
    action: 'edge.node.register',
    entityType: 'edge_node',
    entityId: node.id,
    data: { serial, enterpriseId, kind: spec.kind, stationsServed: spec.stationsServed },
  });
  return node;
}

async function lockNode(trx: Trx, id: string, scope: EdgeScope): Promise<EdgeNode> {
  let query = trx.selectFrom('edge_nodes').selectAll().where('id', '=', id);
  if (scope !== 'all') query = query.where('enterprise_id', '=', scope.enterpriseId);
  const node = await query.forUpdate().executeTakeFirst();
  if (!node) throw notFound('节点不存在或无权查看');
  return node;
}

/** Kills every live credential and unused token of the node, at `at`. */
async function cutAccess(trx: Trx, nodeId: string, at: Date): Promise<void> {
  await trx
    .updateTable('edge_credentials')
    .set({ revoked_at: at })
    .where('node_id', '=', nodeId)
    .where('revoked_at', 'is', null)
    .execute();
  await trx
    .updateTable('edge_enrollment_tokens')
    .set({ voided_at: at })
    .where('node_id', '=', nodeId)
    .where('used_at', 'is', null)
    .where('voided_at', 'is', null)
    .execute();
}

async function issueToken(trx: Trx, ctx: EdgeContext, node: EdgeNode, at: Date): Promise<EnrollmentGrant> {
  const token = newSecret(TOKEN_PREFIX);
  const expiresAt = new Date(at.getTime() + ctx.env.EDGE_ENROLLMENT_TOKEN_TTL_HOURS * 3600_000);
  await trx
    .insertInto('edge_enrollment_tokens')
    .values({ node_id: node.id, token_hash: hashSecret(token), expires_at: expiresAt, issued_by: ctx.userId })
    .execute();
  return { nodeId: node.id, serial: node.serial, token, expiresAt };
}

async function endOnboarding(trx: Trx, nodeId: string, at: Date, reason: string): Promise<void> {
  await trx
    .updateTable('edge_onboardings')
    .set({ ended_at: at, end_reason: reason })
    .where('node_id', '=', nodeId)
    .where('ended_at', 'is', null)
    .execute();
}

async function setStatus(trx: Trx, ctx: EdgeContext, node: EdgeNode, status: EdgeNodeStatus, note?: string) {
  const at = ctx.now();
  return trx
    .updateTable('edge_nodes')
    .set((eb) => ({
      status,
      status_note: note ?? null,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', node.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Applies one action to a locked node. Approve and rotate return a fresh enrollment token (every older unused token
 * and live credential of the node is dead from this moment).
 */
async function applyAction(
  trx: Trx,
  ctx: EdgeContext,
  node: EdgeNode,
  action: NodeAction,
  note?: string,
): Promise<{ node: EdgeNode; grant: EnrollmentGrant | null }> {
  if (!allowedFrom[action].includes(node.status)) {
    throw conflict(`节点${edgeNodeStatusLabels[node.status]}，不能${actionLabels[action]}`);
  }
  const at = ctx.now();
  let grant: EnrollmentGrant | null = null;
  let updated: EdgeNode;
  switch (action) {
    case 'approve': {
      await cutAccess(trx, node.id, at);
      await trx
        .insertInto('edge_onboardings')
        .values({
          node_id: node.id,
          enterprise_id: node.enterprise_id,
          approved_at: at,
          approved_by: ctx.userId,
        })
        .execute();
      updated = await trx
        .updateTable('edge_nodes')
        .set((eb) => ({
          status: 'approved',
          status_note: note ?? null,
          reviewed_by: ctx.userId,
          reviewed_at: at,
          heartbeat_interval_s: ctx.env.EDGE_HEARTBEAT_INTERVAL_S,
          offline_after_s: ctx.env.EDGE_HEARTBEAT_INTERVAL_S * ctx.env.EDGE_OFFLINE_AFTER_MISSED,
          updated_at: at,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', node.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      grant = await issueToken(trx, ctx, updated, at);
      break;
    }
    case 'rotate':
      await cutAccess(trx, node.id, at);
      updated = await setStatus(trx, ctx, node, 'approved', note);
      grant = await issueToken(trx, ctx, updated, at);
      break;
    case 'revoke':
    case 'decommission':
      await cutAccess(trx, node.id, at);
      await endOnboarding(trx, node.id, at, action);
      updated = await setStatus(trx, ctx, node, action === 'revoke' ? 'revoked' : 'decommissioned', note);
      break;
    case 'reject':
      updated = await setStatus(trx, ctx, node, 'rejected', note);
      break;
    case 'suspend':
      updated = await setStatus(trx, ctx, node, 'suspended', note);
      break;
    case 'resume':
      updated = await setStatus(trx, ctx, node, 'active', note);
      break;
  }
  await appendAudit(trx, ctx.origin, {
    action: `edge.node.${action}`,
    entityType: 'edge_node',
    entityId: node.id,
    data: {
      serial: node.serial,
      from: node.status,
      to: updated.status,
      ...(note && { note }),
      ...(grant && { tokenExpiresAt: grant.expiresAt.toISOString() }),
    },
  });
  return { node: updated, grant };
}

export async function actOnNode(
  ctx: EdgeContext,
  id: string,
  action: NodeAction,
  note?: string,
): Promise<{ node: EdgeNode; grant: EnrollmentGrant | null }> {
  return inTransaction(ctx.db, async (trx) =>
    applyAction(trx, ctx, await lockNode(trx, id, 'all'), action, note),
  );
}

/**
 * Enrollment tokens for a factory's batch, in one transaction: an unknown serial is registered from `register`, a
 * node awaiting review (or rejected/revoked) is approved, an approved or active one gets its credential rotated.
 */
export async function issueTokensBulk(
  ctx: EdgeContext,
  serials: readonly string[],
  register?: NodeSpec & { enterpriseId: string },
): Promise<EnrollmentGrant[]> {
  const unique = [...new Set(serials)];
  return inTransaction(ctx.db, async (trx) => {
    const grants: EnrollmentGrant[] = [];
    for (const serial of unique) {
      let node = await trx
        .selectFrom('edge_nodes')
        .selectAll()
        .where('serial', '=', serial)
        .forUpdate()
        .executeTakeFirst();
      if (!node) {
        if (!register) throw badRequest(`序列号 ${serial} 未登记，请同时提供节点信息以登记`);
        node = await insertNode(trx, ctx, register.enterpriseId, serial, register);
      }
      const action: NodeAction =
        node.status === 'approved' || node.status === 'active' ? 'rotate' : 'approve';
      const { grant } = await applyAction(trx, ctx, node, action);
      if (grant) grants.push(grant);
    }
    return grants;
  });
}

/** Rotates the credentials of a batch of nodes at once; each gets a fresh enrollment token. */
export async function rotateBulk(ctx: EdgeContext, ids: readonly string[]): Promise<EnrollmentGrant[]> {
  return inTransaction(ctx.db, async (trx) => {
    const grants: EnrollmentGrant[] = [];
    for (const id of [...new Set(ids)].sort()) {
      const { grant } = await applyAction(trx, ctx, await lockNode(trx, id, 'all'), 'rotate');
      if (grant) grants.push(grant);
    }
    return grants;
  });
}
