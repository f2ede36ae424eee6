import type { Database } from '@dg/db';
import type { IsoDate, ProgramId } from '@dg/policy';
import type { Transaction } from 'kysely';
import { badRequest, conflict, notFound, staleVersion } from '../../errors';
import type { Outbox } from '../notifications/state-change';
import type { Act } from '../progress/act';
import { advance, fireActorOf } from '../progress/advance';
import { afterReviewEvents } from '../progress/programs';
import { lockBatch } from './batches';

/** An objection received during the notice period against one listed application. */
export async function recordObjection(
  trx: Transaction<Database>,
  act: Act,
  input: { batchId: string; applicationId: string; objector: string; content: string; receivedOn: IsoDate },
) {
  const batch = await lockBatch(trx, input.batchId);
  if (batch.state !== 'published' || !batch.starts_on || !batch.ends_on) throw conflict('公示批次未在公示中');
  if (input.receivedOn < batch.starts_on || input.receivedOn > batch.ends_on)
    throw badRequest(`异议须在公示期（${batch.starts_on} 至 ${batch.ends_on}）内提出`);
  const item = await trx
    .selectFrom('notice_items')
    .select('outcome')
    .where('batch_id', '=', batch.id)
    .where('application_id', '=', input.applicationId)
    .executeTakeFirst();
  if (item?.outcome !== 'listed') throw badRequest('该申报不在本批公示名单中');
  return trx
    .insertInto('notice_objections')
    .values({
      batch_id: batch.id,
      application_id: input.applicationId,
      objector: input.objector,
      content: input.content,
      received_on: input.receivedOn,
      status: 'open',
      recorded_by: act.actor.userId,
    })
    .returning(['id', 'status', 'version'])
    .executeTakeFirstOrThrow();
}

/** Upheld: the application leaves the notice and goes back to review. Dismissed: it stays listed. */
export async function resolveObjection(
  trx: Transaction<Database>,
  act: Act,
  input: { id: string; version: number; upheld: boolean; resolution: string },
  outbox: Outbox,
) {
  const objection = await trx
    .selectFrom('notice_objections')
    .selectAll()
    .where('id', '=', input.id)
    .forUpdate()
    .executeTakeFirst();
  if (!objection) throw notFound('异议不存在');
  if (objection.version !== input.version) throw staleVersion();
  if (objection.status !== 'open') throw conflict('该异议已处理');
  const batch = await lockBatch(trx, objection.batch_id);
  if (input.upheld) {
    await advance(
      trx,
      objection.application_id,
      {
        event: afterReviewEvents[batch.program_id as ProgramId].objectionUpheld,
        actor: fireActorOf(act.actor),
        reason: input.resolution,
        data: { objectionId: objection.id, noticeBatchId: batch.id },
        requestId: act.requestId,
        now: act.now,
      },
      outbox,
    );
    await trx
      .updateTable('notice_items')
      .set({ outcome: 'withdrawn' })
      .where('batch_id', '=', batch.id)
      .where('application_id', '=', objection.application_id)
      .execute();
  }
  return trx
    .updateTable('notice_objections')
    .set({
      status: input.upheld ? 'upheld' : 'dismissed',
      resolution: input.resolution,
      resolved_by: act.actor.userId,
      resolved_at: act.now,
      updated_at: act.now,
      version: objection.version + 1,
    })
    .where('id', '=', objection.id)
    .returning(['id', 'status', 'version'])
    .executeTakeFirstOrThrow();
}
