import type { ContractIndicator, Database, RdContract } from '@dg/db';
import { evaluate, type IsoDate, shanghaiDate } from '@dg/policy';
import type { Transaction } from 'kysely';
import { badRequest, notFound } from '../../errors';
import { verticalModelRdFormSchema } from '../../schemas/applications';
import { factsOf } from '../applications/forms';
import { findApplication } from '../applications/load';
import type { Outbox } from '../notifications/state-change';
import type { Act } from '../progress/act';
import { advance, fireActorOf } from '../progress/advance';

export interface SignContractInput {
  applicationId: string;
  version: number;
  contractNumber: string;
  terms: string;
  indicators: ContractIndicator[];
  signedOn: IsoDate;
  startOn: IsoDate;
  endOn: IsoDate;
}

/**
 * 任务书 signing. The policy core judges the contract's period (RD-5: starts between the guide's publication and the
 * signing, ≤ 2 years) and the grant on what the budget granted: the phase-1 amount is its verdict (RD-4 ≤ 30%).
 */
export async function signContract(
  trx: Transaction<Database>,
  act: Act,
  input: SignContractInput,
  outbox: Outbox,
): Promise<RdContract> {
  const loaded = await findApplication(trx, input.applicationId);
  if (loaded?.application.program_id !== 'vertical-model-rd') throw notFound('研发项目申报不存在');
  const { application } = loaded;
  if (application.state !== 'contract_signing') throw badRequest('该项目不在“签订任务书”阶段');
  const allocation = await trx
    .selectFrom('budget_allocations')
    .select(['granted_fen', 'allocated_at'])
    .where('application_id', '=', application.id)
    .executeTakeFirst();
  if (!allocation || allocation.granted_fen <= 0) throw badRequest('该项目没有批准的资助额');
  const form = verticalModelRdFormSchema.parse(application.form);
  const asOf = shanghaiDate(application.submitted_at ?? application.created_at);
  const facts = factsOf(
    {
      ...form,
      requestedFen: allocation.granted_fen,
      plannedStart: input.startOn,
      plannedEnd: input.endOn,
    },
    loaded.enterprise,
    loaded.editionCode,
    asOf,
  );
  const verdict = evaluate({ ...facts, contractSignedOn: input.signedOn } as typeof facts);
  const periodProblems = verdict.findings.filter((f) => f.rule === 'RD-5' && f.severity === 'blocking');
  if (periodProblems.length)
    throw badRequest(periodProblems.map((f) => `${f.message}（${f.rule} ${f.article}）`).join('；'));
  if (!verdict.eligible || verdict.phase1Fen === null)
    throw badRequest(
      verdict.findings
        .filter((f) => f.severity === 'blocking')
        .map((f) => `${f.message}（${f.rule}）`)
        .join('；') || '政策测算不通过',
    );
  const contract = await trx
    .insertInto('rd_contracts')
    .values({
      application_id: application.id,
      contract_number: input.contractNumber,
      terms: input.terms,
      indicators: JSON.stringify(input.indicators),
      guide_published_on: form.guidePublishedOn,
      signed_on: input.signedOn,
      start_on: input.startOn,
      original_end_on: input.endOn,
      end_on: input.endOn,
      extensions_granted: 0,
      approved_on: shanghaiDate(allocation.allocated_at),
      edition_code: loaded.editionCode,
      ip_retained_in_dongguan: form.ipRetainedInDongguan,
      approved_grant_fen: verdict.subsidyFen,
      phase1_fen: verdict.phase1Fen,
      signed_by: act.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await advance(
    trx,
    application.id,
    {
      event: 'sign_contract',
      actor: fireActorOf(act.actor),
      expectedVersion: input.version,
      reason: `签订任务书 ${input.contractNumber}`,
      data: { contractId: contract.id },
      requestId: act.requestId,
      now: act.now,
    },
    outbox,
  );
  return contract;
}

export async function contractOf(trx: Transaction<Database>, applicationId: string): Promise<RdContract> {
  const contract = await trx
    .selectFrom('rd_contracts')
    .selectAll()
    .where('application_id', '=', applicationId)
    .forUpdate()
    .executeTakeFirst();
  if (!contract) throw notFound('该项目没有任务书');
  return contract;
}
