import type { Database } from '@dg/db';
import { json } from '@dg/db';
import { availableEvents } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../authz/actor';
import { conflict, notFound } from '../../errors';
import type { declareConflictInput, scoreInput } from '../../schemas/reviews';
import { appendAudit } from '../audit/append';
import type { AuditOrigin } from '../audit/append';
import { findApplication } from '../applications/load';
import { inTransaction } from '../applications/transaction';
import { visibleToReviewer } from './visibility';
import { workflowOf } from '../applications/workflow';

/** An expert declares a tie to an enterprise (by USCC): from then on they never see its applications. */
export async function declareConflict(
  db: Kysely<Database>,
  actor: Actor,
  origin: AuditOrigin,
  input: z.infer<typeof declareConflictInput>,
) {
  const enterprise = await db
    .selectFrom('enterprises')
    .select(['id', 'name'])
    .where('uscc', '=', input.uscc)
    .executeTakeFirst();
  if (!enterprise) throw notFound('平台上没有该统一社会信用代码的企业');
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('expert_conflicts')
      .values({ expert_user_id: actor.userId, enterprise_id: enterprise.id, reason: input.reason })
      .onConflict((oc) =>
        oc.columns(['expert_user_id', 'enterprise_id']).doUpdateSet({ reason: input.reason }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, origin, {
      action: 'expert.declare_conflict',
      entityType: 'enterprise',
      entityId: enterprise.id,
      data: { reason: input.reason },
    });
    return { ...row, enterpriseName: enterprise.name };
  });
}

export async function listConflicts(db: Kysely<Database>, actor: Actor) {
  const rows = await db
    .selectFrom('expert_conflicts as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .select(['c.id', 'c.enterprise_id', 'e.name', 'c.reason', 'c.created_at'])
    .where('c.expert_user_id', '=', actor.userId)
    .orderBy('c.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.name,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
  }));
}

/** An expert's rubric scores for an application at a stage where experts decide; rescoring replaces them. */
export async function scoreApplication(
  db: Kysely<Database>,
  actor: Actor,
  origin: AuditOrigin,
  input: z.infer<typeof scoreInput>,
  now: Date,
) {
  const loaded = await findApplication(db, input.id);
  if (!loaded || !(await visibleToReviewer(db, actor, loaded))) throw notFound('申报不存在或无权查看');
  const workflow = workflowOf(loaded.application.program_id);
  if (!availableEvents(workflow, loaded.application.state, 'expert').length)
    throw conflict('当前阶段不需要专家评分');
  const total = input.scores.compliance + input.scores.feasibility + input.scores.innovation;
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('expert_scores')
      .values({
        application_id: input.id,
        expert_user_id: actor.userId,
        scores: json(input.scores),
        total,
        comment: input.comment ?? null,
        submitted_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['application_id', 'expert_user_id']).doUpdateSet((eb) => ({
          scores: json(input.scores),
          total,
          comment: input.comment ?? null,
          submitted_at: now,
          updated_at: now,
          version: eb('expert_scores.version', '+', 1),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, origin, {
      action: 'application.expert_score',
      entityType: 'application',
      entityId: input.id,
      data: { total },
    });
    return row;
  });
}
