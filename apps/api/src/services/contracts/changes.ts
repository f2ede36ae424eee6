import type { Database, RdContractChange } from '@dg/db';
import type { IsoDate } from '@dg/policy';
import type { Transaction } from 'kysely';
import { conflict, notFound } from '../../errors';
import type { Outbox } from '../notifications/state-change';
import type { Act } from '../progress/act';
import { advance, fireActorOf } from '../progress/advance';
import { contractOf } from './sign';

/**
 * A change to the 任务书 (RD-6), filed by the enterprise: a major one goes to approval and must be filed no later than
 * 3 months before the end in force; a minor one is filed within 1 month of the change. The policy core's guards judge
 * both deadlines.
 */
export async function fileChange(
  trx: Transaction<Database>,
  act: Act,
  input: {
    applicationId: string;
    kind: 'major' | 'minor';
    subject: string;
    description: string;
    changedOn?: IsoDate;
  },
  outbox: Outbox,
): Promise<RdContractChange> {
  const contract = await contractOf(trx, input.applicationId);
  await advance(
    trx,
    input.applicationId,
    {
      event: input.kind === 'major' ? 'request_major_change' : 'file_minor_change',
      actor: fireActorOf(act.actor),
      reason: `${input.subject}：${input.description}`,
      requestId: act.requestId,
      now: act.now,
      contract: { contractEnd: contract.end_on, ...(input.changedOn && { changedOn: input.changedOn }) },
    },
    outbox,
  );
  return trx
    .insertInto('rd_contract_changes')
    .values({
      contract_id: contract.id,
      kind: input.kind,
      subject: input.subject,
      description: input.description,
      changed_on: input.changedOn ?? null,
      state: input.kind === 'major' ? 'pending' : 'filed',
      filed_by: act.actor.userId,
      filed_at: act.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** RD-5: the one extension, at most 1 year; it is a change of the completion date, so RD-6's deadline applies too. */
export async function requestExtension(
  trx: Transaction<Database>,
  act: Act,
  input: { applicationId: string; requestedEnd: IsoDate; description: string },
  outbox: Outbox,
): Promise<RdContractChange> {
  const contract = await contractOf(trx, input.applicationId);
  await advance(
    trx,
    input.applicationId,
    {
      event: 'request_extension',
      actor: fireActorOf(act.actor),
      reason: input.description,
      requestId: act.requestId,
      now: act.now,
      contract: {
        contractEnd: contract.end_on,
        extensionsGranted: contract.extensions_granted,
        requestedEnd: input.requestedEnd,
      },
    },
    outbox,
  );
  return trx
    .insertInto('rd_contract_changes')
    .values({
      contract_id: contract.id,
      kind: 'extension',
      subject: '延期',
      description: input.description,
      requested_end_on: input.requestedEnd,
      state: 'pending',
      filed_by: act.actor.userId,
      filed_at: act.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The bureau decides a pending major change or extension; an approved extension moves the contract's end. */
export async function decideChange(
  trx: Transaction<Database>,
  act: Act,
  input: { changeId: string; approve: boolean; note: string },
  outbox: Outbox,
): Promise<RdContractChange> {
  const change = await trx
    .selectFrom('rd_contract_changes')
    .selectAll()
    .where('id', '=', input.changeId)
    .forUpdate()
    .executeTakeFirst();
  if (!change) throw notFound('变更申请不存在');
  if (change.state !== 'pending') throw conflict('该变更申请已处理');
  const contract = await trx
    .selectFrom('rd_contracts')
    .selectAll()
    .where('id', '=', change.contract_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const extension = change.kind === 'extension';
  const event = extension
    ? input.approve
      ? 'approve_extension'
      : 'reject_extension'
    : input.approve
      ? 'approve_change'
      : 'reject_change';
  await advance(
    trx,
    contract.application_id,
    {
      event,
      actor: fireActorOf(act.actor),
      reason: input.note,
      data: { changeId: change.id },
      requestId: act.requestId,
      now: act.now,
      contract: {
        contractEnd: contract.end_on,
        extensionsGranted: contract.extensions_granted,
        ...(change.requested_end_on && { requestedEnd: change.requested_end_on }),
      },
    },
    outbox,
  );
  if (extension && input.approve && change.requested_end_on) {
    await trx
      .updateTable('rd_contracts')
      .set({
        end_on: change.requested_end_on,
        extensions_granted: contract.extensions_granted + 1,
        updated_at: act.now,
        version: contract.version + 1,
      })
      .where('id', '=', contract.id)
      .execute();
  }
  return trx
    .updateTable('rd_contract_changes')
    .set({
      state: input.approve ? 'approved' : 'rejected',
      decided_by: act.actor.userId,
      decided_at: act.now,
      decision_note: input.note,
    })
    .where('id', '=', change.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
