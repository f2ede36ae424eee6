import type { Database } from '@dg/db';
import {
  allocateFromBudget,
  checkOverrides,
  formatYuan,
  type ParameterOverride,
  ParameterOverrideError,
} from '@dg/policy';
import { type Kysely, sql, type Transaction } from 'kysely';
import { badRequest, notFound, staleVersion } from '../../errors';
import type { Act } from '../progress/act';

/**
 * CV-11: draws `requestedFen` for one application from its edition's budget, in the order the draws commit. The
 * edition row is locked (SELECT … FOR UPDATE) for the rest of the transaction, so concurrent approvals queue on it and
 * the ledger's sum never exceeds the budget; the policy core cuts the last one to what is left and gives later ones 0.
 */
export async function drawFromBudget(
  trx: Transaction<Database>,
  act: Act,
  input: { editionId: string; applicationId: string; requestedFen: number; planId: string | null },
) {
  const edition = await trx
    .selectFrom('editions')
    .select(['id', 'budget_fen'])
    .where('id', '=', input.editionId)
    .forUpdate()
    .executeTakeFirst();
  if (!edition) throw notFound('项目批次不存在');
  if (edition.budget_fen === null) throw badRequest('该批次尚未设置预算，不能批准资助（CV-11 用完即止）');
  const used = await trx
    .selectFrom('budget_allocations')
    .select([
      sql<string>`coalesce(sum(granted_fen), 0)`.as('granted'),
      sql<string>`coalesce(max(seq), 0)`.as('seq'),
    ])
    .where('edition_id', '=', edition.id)
    .executeTakeFirstOrThrow();
  const allocation = allocateFromBudget(edition.budget_fen - Number(used.granted), input.requestedFen);
  await trx
    .insertInto('budget_allocations')
    .values({
      edition_id: edition.id,
      application_id: input.applicationId,
      plan_id: input.planId,
      seq: Number(used.seq) + 1,
      requested_fen: input.requestedFen,
      granted_fen: allocation.grantFen,
      cut_fen: allocation.cutFen,
      allocated_by: act.actor.userId,
      allocated_at: act.now,
    })
    .execute();
  return allocation;
}

export async function budgetSummary(db: Kysely<Database>, editionId: string) {
  const edition = await db.selectFrom('editions').selectAll().where('id', '=', editionId).executeTakeFirst();
  if (!edition) throw notFound('项目批次不存在');
  const allocations = await db
    .selectFrom('budget_allocations as b')
    .innerJoin('applications as a', 'a.id', 'b.application_id')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .select(['b.seq', 'b.application_id', 'b.requested_fen', 'b.granted_fen', 'b.cut_fen', 'e.name'])
    .where('b.edition_id', '=', editionId)
    .orderBy('b.seq')
    .execute();
  const grantedFen = allocations.reduce((sum, a) => sum + a.granted_fen, 0);
  return {
    editionId: edition.id,
    programId: edition.program_id,
    code: edition.code,
    version: edition.version,
    budgetFen: edition.budget_fen,
    grantedFen,
    remainingFen: edition.budget_fen === null ? null : edition.budget_fen - grantedFen,
    parameterOverrides: (edition.parameter_overrides ?? []) as ParameterOverride[],
    allocations: allocations.map((a) => ({
      seq: a.seq,
      applicationId: a.application_id,
      enterpriseName: a.name,
      requestedFen: a.requested_fen,
      grantedFen: a.granted_fen,
      cutFen: a.cut_fen,
    })),
  };
}

/** The managing unit sets the budget and may lower rates and caps (CV-11); the policy core refuses any raise. */
export async function updateEdition(
  trx: Transaction<Database>,
  act: Act,
  input: { editionId: string; version: number; budgetFen?: number; parameterOverrides?: unknown[] },
) {
  const edition = await trx
    .selectFrom('editions')
    .select(['id', 'version', 'budget_fen'])
    .where('id', '=', input.editionId)
    .forUpdate()
    .executeTakeFirst();
  if (!edition) throw notFound('项目批次不存在');
  if (edition.version !== input.version) throw staleVersion();
  let overrides: ParameterOverride[] | undefined;
  if (input.parameterOverrides) {
    try {
      overrides = checkOverrides(input.parameterOverrides);
    } catch (error) {
      if (error instanceof ParameterOverrideError) throw badRequest(error.message);
      throw error;
    }
  }
  if (input.budgetFen !== undefined) {
    const used = await trx
      .selectFrom('budget_allocations')
      .select(sql<string>`coalesce(sum(granted_fen), 0)`.as('granted'))
      .where('edition_id', '=', edition.id)
      .executeTakeFirstOrThrow();
    if (input.budgetFen < Number(used.granted))
      throw badRequest(`预算不能低于已批准的资助总额（已批准 ${formatYuan(Number(used.granted))}）`);
  }
  await trx
    .updateTable('editions')
    .set({
      ...(input.budgetFen !== undefined && { budget_fen: input.budgetFen }),
      ...(overrides && { parameter_overrides: JSON.stringify(overrides) }),
      updated_at: act.now,
      version: edition.version + 1,
    })
    .where('id', '=', edition.id)
    .execute();
}
