import type { Database, NoticeBatch } from '@dg/db';
import {
  actorLabel,
  type IsoDate,
  MissingHolidayDataError,
  type ProgramId,
  publicNoticeEnd,
  shanghaiDate,
  workflows,
} from '@dg/policy';
import type { Kysely, Transaction } from 'kysely';
import { badRequest, conflict, holidayDataMissing, notFound, staleVersion } from '../../errors';
import { holidayCalendarOf } from '../calendar/holidays';
import type { Outbox } from '../notifications/state-change';
import type { Act } from '../progress/act';
import { advance, fireActorOf, SYSTEM } from '../progress/advance';
import { afterReviewEvents } from '../progress/programs';

export async function lockBatch(trx: Transaction<Database>, id: string): Promise<NoticeBatch> {
  const batch = await trx
    .selectFrom('notice_batches')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!batch) throw notFound('公示批次不存在');
  return batch;
}

/** A draft notice of applications that passed review (state 社会公示) and are not on another open notice. */
export async function createNoticeBatch(
  trx: Transaction<Database>,
  act: Act,
  input: { programId: ProgramId; title: string; applicationIds: string[] },
): Promise<NoticeBatch> {
  const apps = await trx
    .selectFrom('applications')
    .select(['id', 'state', 'program_id'])
    .where('id', 'in', input.applicationIds)
    .execute();
  const wrong = input.applicationIds.filter((id) => {
    const app = apps.find((a) => a.id === id);
    return !app || app.program_id !== input.programId || app.state !== 'public_notice';
  });
  if (wrong.length) throw badRequest(`以下申报不处于“社会公示”阶段或不属于该项目类别：${wrong.join('、')}`);
  const listed = await trx
    .selectFrom('notice_items as i')
    .innerJoin('notice_batches as b', 'b.id', 'i.batch_id')
    .select('i.application_id')
    .where('i.application_id', 'in', input.applicationIds)
    .where('i.outcome', '=', 'listed')
    .where('b.state', '!=', 'closed')
    .execute();
  if (listed.length)
    throw conflict(`以下申报已在其他公示批次中：${listed.map((l) => l.application_id).join('、')}`);
  const batch = await trx
    .insertInto('notice_batches')
    .values({ program_id: input.programId, title: input.title, state: 'draft', created_by: act.actor.userId })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('notice_items')
    .values(
      input.applicationIds.map((id) => ({
        batch_id: batch.id,
        application_id: id,
        outcome: 'listed' as const,
      })),
    )
    .execute();
  return batch;
}

/** GEN-7: published with its first day; the last day is the policy core's 5th working day (holidays, make-up days). */
export async function publishNoticeBatch(
  trx: Transaction<Database>,
  act: Act,
  input: { id: string; version: number; startsOn: IsoDate },
): Promise<NoticeBatch> {
  const batch = await lockBatch(trx, input.id);
  if (batch.version !== input.version) throw staleVersion();
  if (batch.state !== 'draft') throw conflict('公示批次已发布');
  let endsOn: IsoDate;
  try {
    endsOn = publicNoticeEnd(input.startsOn, await holidayCalendarOf(trx)).date;
  } catch (error) {
    if (error instanceof MissingHolidayDataError) throw holidayDataMissing(error.year);
    throw error;
  }
  return trx
    .updateTable('notice_batches')
    .set({
      state: 'published',
      starts_on: input.startsOn,
      ends_on: endsOn,
      published_by: act.actor.userId,
      published_at: act.now,
      updated_at: act.now,
      version: batch.version + 1,
    })
    .where('id', '=', batch.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * After the last day of the notice, with every objection resolved, each application still listed moves on (the
 * program's "notice passed" event).
 */
export async function closeNoticeBatch(
  trx: Transaction<Database>,
  act: Act,
  input: { id: string; version: number },
  outbox: Outbox,
): Promise<NoticeBatch> {
  const batch = await lockBatch(trx, input.id);
  if (batch.version !== input.version) throw staleVersion();
  if (batch.state !== 'published' || !batch.ends_on) throw conflict('公示批次未发布或已结束');
  const today = shanghaiDate(act.now);
  if (today <= batch.ends_on)
    throw badRequest(`公示期至 ${batch.ends_on} 止（GEN-7 细则 7(四)），期满后方可结束公示`);
  const open = await trx
    .selectFrom('notice_objections')
    .select('id')
    .where('batch_id', '=', batch.id)
    .where('status', '=', 'open')
    .execute();
  if (open.length) throw conflict(`尚有 ${open.length} 件异议未处理，处理后方可结束公示`);
  const items = await trx
    .selectFrom('notice_items')
    .select(['id', 'application_id'])
    .where('batch_id', '=', batch.id)
    .where('outcome', '=', 'listed')
    .execute();
  const event = afterReviewEvents[batch.program_id as ProgramId].noticePassed;
  const workflow = workflows[batch.program_id as ProgramId];
  const allowed = (workflow.events as Record<string, { actors: readonly string[] }>)[event]!.actors;
  // The notice ending is a fact of the calendar: when the caller's role may not fire the event, the system does.
  const actor = allowed.includes(act.actor.role) ? fireActorOf(act.actor) : SYSTEM;
  for (const item of items) {
    await advance(
      trx,
      item.application_id,
      {
        event,
        actor,
        reason: `公示期 ${batch.starts_on} 至 ${batch.ends_on} 届满，无异议或异议不成立（${actorLabel(act.actor.role)}结束公示）`,
        data: { noticeBatchId: batch.id },
        requestId: act.requestId,
        now: act.now,
      },
      outbox,
    );
    await trx.updateTable('notice_items').set({ outcome: 'cleared' }).where('id', '=', item.id).execute();
  }
  return trx
    .updateTable('notice_batches')
    .set({ state: 'closed', closed_at: act.now, updated_at: act.now, version: batch.version + 1 })
    .where('id', '=', batch.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The notice as data: what the public page and the .xlsx show, one row per listed application. */
export async function noticeList(db: Kysely<Database>, id: string) {
  const batch = await db.selectFrom('notice_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!batch) throw notFound('公示批次不存在');
  const rows = await db
    .selectFrom('notice_items as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .select([
      'i.application_id',
      'i.outcome',
      'a.tracking_number',
      'a.form',
      'a.state',
      'a.recognised_fen',
      'a.ceiling_fen',
      'e.name as enterprise_name',
      'e.town_code',
    ])
    .where('i.batch_id', '=', id)
    .orderBy('a.tracking_number')
    .orderBy('i.application_id')
    .execute();
  const objections = await db
    .selectFrom('notice_objections')
    .selectAll()
    .where('batch_id', '=', id)
    .orderBy('created_at')
    .execute();
  return {
    id: batch.id,
    programId: batch.program_id as ProgramId,
    title: batch.title,
    state: batch.state,
    version: batch.version,
    startsOn: batch.starts_on,
    endsOn: batch.ends_on,
    items: rows.map((r, index) => ({
      seq: index + 1,
      applicationId: r.application_id,
      trackingNumber: r.tracking_number,
      enterpriseName: r.enterprise_name,
      townCode: r.town_code,
      projectName: String((r.form as Record<string, unknown>).projectName ?? ''),
      amountFen: r.recognised_fen ?? r.ceiling_fen ?? 0,
      outcome: r.outcome,
      state: r.state,
    })),
    objections: objections.map((o) => ({
      id: o.id,
      applicationId: o.application_id,
      objector: o.objector,
      content: o.content,
      receivedOn: o.received_on,
      status: o.status,
      resolution: o.resolution,
      version: o.version,
    })),
  };
}

export type NoticeList = Awaited<ReturnType<typeof noticeList>>;

export async function listNoticeBatches(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('notice_batches')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((b) => ({
    id: b.id,
    programId: b.program_id as ProgramId,
    title: b.title,
    state: b.state,
    startsOn: b.starts_on,
    endsOn: b.ends_on,
    version: b.version,
  }));
}
