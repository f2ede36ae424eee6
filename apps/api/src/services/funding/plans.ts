import type { Database, FundingPlan } from '@dg/db';
import { CV11, formatYuan, type ProgramId } from '@dg/policy';
import type { Kysely, Transaction } from 'kysely';
import { badRequest, conflict, notFound, staleVersion } from '../../errors';
import type { Outbox } from '../notifications/state-change';
import type { Act } from '../progress/act';
import { advance, fireActorOf } from '../progress/advance';
import { afterReviewEvents, awaitingGovernment } from '../progress/programs';
import { drawFromBudget } from './budget';

async function lockPlan(trx: Transaction<Database>, id: string, version: number): Promise<FundingPlan> {
  const plan = await trx
    .selectFrom('funding_plans')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!plan) throw notFound('资助计划不存在');
  if (plan.version !== version) throw staleVersion();
  return plan;
}

/** 资助计划: applications of one edition waiting for the government, not on another undecided plan. */
export async function createFundingPlan(
  trx: Transaction<Database>,
  act: Act,
  input: { editionId: string; title: string; applicationIds: string[] },
): Promise<FundingPlan> {
  const edition = await trx
    .selectFrom('editions')
    .select(['id', 'program_id'])
    .where('id', '=', input.editionId)
    .executeTakeFirst();
  if (!edition) throw notFound('项目批次不存在');
  const waitingIn = awaitingGovernment(edition.program_id as ProgramId);
  const apps = await trx
    .selectFrom('applications')
    .select(['id', 'state', 'edition_id'])
    .where('id', 'in', input.applicationIds)
    .execute();
  const wrong = input.applicationIds.filter((id) => {
    const app = apps.find((a) => a.id === id);
    return !app || app.edition_id !== edition.id || app.state !== waitingIn;
  });
  if (wrong.length) throw badRequest(`以下申报不属于该批次或不在待市政府审定阶段：${wrong.join('、')}`);
  const planned = await trx
    .selectFrom('funding_plan_items as i')
    .innerJoin('funding_plans as p', 'p.id', 'i.plan_id')
    .select('i.application_id')
    .where('i.application_id', 'in', input.applicationIds)
    .where('p.state', 'in', ['draft', 'submitted'])
    .execute();
  if (planned.length)
    throw conflict(`以下申报已在其他资助计划中：${planned.map((p) => p.application_id).join('、')}`);
  const plan = await trx
    .insertInto('funding_plans')
    .values({
      program_id: edition.program_id,
      edition_id: edition.id,
      title: input.title,
      state: 'draft',
      created_by: act.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('funding_plan_items')
    .values(input.applicationIds.map((id) => ({ plan_id: plan.id, application_id: id })))
    .execute();
  return plan;
}

export async function submitFundingPlan(
  trx: Transaction<Database>,
  act: Act,
  input: { id: string; version: number },
) {
  const plan = await lockPlan(trx, input.id, input.version);
  if (plan.state !== 'draft') throw conflict('资助计划已提交');
  return trx
    .updateTable('funding_plans')
    .set({ state: 'submitted', submitted_at: act.now, updated_at: act.now, version: plan.version + 1 })
    .where('id', '=', plan.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The plan's applications in order of final approval (CV-11): when the review's last approval was given. */
async function itemsInApprovalOrder(trx: Transaction<Database>, plan: FundingPlan) {
  const finalEvent = afterReviewEvents[plan.program_id as ProgramId].finalApproval;
  const rows = await trx
    .selectFrom('funding_plan_items as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .leftJoin('application_approvals as ap', (join) =>
      join
        .onRef('ap.application_id', '=', 'a.id')
        .on('ap.event', '=', finalEvent)
        .on('ap.voided_at', 'is', null),
    )
    .select(['a.id', 'a.recognised_fen', 'a.ceiling_fen', 'ap.approved_at'])
    .where('i.plan_id', '=', plan.id)
    .execute();
  return rows.sort(
    (x, y) => (x.approved_at?.getTime() ?? 0) - (y.approved_at?.getTime() ?? 0) || x.id.localeCompare(y.id),
  );
}

/**
 * The government approves the plan: each application, in order of final approval, draws its amount from the
 * budget; one that gets nothing because the budget is used up is declined with CV-11 as the reason.
 */
export async function approveFundingPlan(
  trx: Transaction<Database>,
  act: Act,
  input: { id: string; version: number; decisionReference: string },
  outbox: Outbox,
) {
  const plan = await lockPlan(trx, input.id, input.version);
  if (plan.state !== 'submitted') throw conflict('资助计划须先提交市政府');
  const events = afterReviewEvents[plan.program_id as ProgramId];
  const results = [];
  for (const item of await itemsInApprovalOrder(trx, plan)) {
    const requestedFen = item.recognised_fen ?? item.ceiling_fen ?? 0;
    const allocation = await drawFromBudget(trx, act, {
      editionId: plan.edition_id,
      applicationId: item.id,
      requestedFen,
      planId: plan.id,
    });
    const granted = allocation.grantFen > 0;
    await advance(
      trx,
      item.id,
      {
        event: granted ? events.governmentApproves : events.governmentDeclines,
        actor: fireActorOf(act.actor),
        reason: granted
          ? allocation.cutFen > 0
            ? `资助计划批准（${input.decisionReference}）；预算余额不足，核减 ${formatYuan(allocation.cutFen)}，安排 ${formatYuan(allocation.grantFen)}（${CV11.id} ${CV11.article}）`
            : `资助计划批准（${input.decisionReference}），安排 ${formatYuan(allocation.grantFen)}`
          : `本批次预算已用完，不予安排（${CV11.id} ${CV11.article} 用完即止）`,
        data: { fundingPlanId: plan.id, ...allocation },
        requestId: act.requestId,
        now: act.now,
      },
      outbox,
    );
    results.push({
      applicationId: item.id,
      requestedFen,
      grantedFen: allocation.grantFen,
      cutFen: allocation.cutFen,
    });
  }
  await trx
    .updateTable('funding_plans')
    .set({
      state: 'approved',
      decided_by: act.actor.userId,
      decided_at: act.now,
      decision_reference: input.decisionReference,
      updated_at: act.now,
      version: plan.version + 1,
    })
    .where('id', '=', plan.id)
    .execute();
  return results;
}

/** The plan as data: the rows of the 资助计划 table and its .xlsx. */
export async function fundingPlanDetail(db: Kysely<Database>, id: string) {
  const plan = await db.selectFrom('funding_plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!plan) throw notFound('资助计划不存在');
  const rows = await db
    .selectFrom('funding_plan_items as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .leftJoin('budget_allocations as b', 'b.application_id', 'a.id')
    .select([
      'a.id',
      'a.tracking_number',
      'a.form',
      'a.state',
      'a.recognised_fen',
      'a.ceiling_fen',
      'e.name',
      'e.uscc',
      'e.town_code',
      'b.granted_fen',
      'b.cut_fen',
      'b.seq',
    ])
    .where('i.plan_id', '=', id)
    .orderBy('b.seq')
    .orderBy('a.tracking_number')
    .execute();
  return {
    id: plan.id,
    programId: plan.program_id as ProgramId,
    editionId: plan.edition_id,
    title: plan.title,
    state: plan.state,
    version: plan.version,
    decisionReference: plan.decision_reference,
    items: rows.map((r, index) => ({
      seq: index + 1,
      applicationId: r.id,
      trackingNumber: r.tracking_number,
      enterpriseName: r.name,
      uscc: r.uscc,
      townCode: r.town_code,
      projectName: String((r.form as Record<string, unknown>).projectName ?? ''),
      requestedFen: r.recognised_fen ?? r.ceiling_fen ?? 0,
      grantedFen: r.granted_fen,
      cutFen: r.cut_fen,
      state: r.state,
    })),
  };
}

export type FundingPlanDetail = Awaited<ReturnType<typeof fundingPlanDetail>>;
