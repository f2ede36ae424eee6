import type { Database, OpinionKind } from '@dg/db';
import type { Kysely, Transaction } from 'kysely';
import { badRequest, notFound } from '../../errors';
import type { Outbox } from '../notifications/state-change';
import type { Act } from '../progress/act';
import { advance, fireActorOf } from '../progress/advance';

const CONSULTATION = 'consultation';

async function inConsultation(db: Kysely<Database>, applicationId: string) {
  const app = await db
    .selectFrom('applications')
    .select(['id', 'state', 'program_id'])
    .where('id', '=', applicationId)
    .executeTakeFirst();
  if (!app) throw notFound('申报不存在');
  if (app.state !== CONSULTATION) throw badRequest('该申报不在“征求部门及镇街意见”阶段');
  return app;
}

/** 细则 7(五)/20(五): a department's or the project town's opinion, recorded before city approval. */
export async function recordOpinion(
  trx: Transaction<Database>,
  act: Act,
  input: { applicationId: string; kind: OpinionKind; unitName: string; agrees: boolean; content: string },
) {
  await inConsultation(trx, input.applicationId);
  return trx
    .insertInto('opinions')
    .values({
      application_id: input.applicationId,
      kind: input.kind,
      unit_name: input.unitName,
      agrees: input.agrees,
      content: input.content,
      recorded_by: act.actor.userId,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function listOpinions(db: Kysely<Database>, applicationId: string) {
  const rows = await db
    .selectFrom('opinions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .execute();
  return rows.map((o) => ({
    id: o.id,
    kind: o.kind,
    unitName: o.unit_name,
    agrees: o.agrees,
    content: o.content,
    createdAt: o.created_at.toISOString(),
  }));
}

/** With at least one department and the town heard: all agree → on to city approval; any disagreement → rejected. */
export async function concludeConsultation(
  trx: Transaction<Database>,
  act: Act,
  input: { applicationId: string; version: number },
  outbox: Outbox,
) {
  await inConsultation(trx, input.applicationId);
  const opinions = await trx
    .selectFrom('opinions')
    .select(['kind', 'agrees', 'unit_name'])
    .where('application_id', '=', input.applicationId)
    .execute();
  if (!opinions.some((o) => o.kind === 'department') || !opinions.some((o) => o.kind === 'town'))
    throw badRequest('须先录入相关部门意见和项目所在镇街（园区）意见');
  const against = opinions.filter((o) => !o.agrees).map((o) => o.unit_name);
  return advance(
    trx,
    input.applicationId,
    {
      event: against.length ? 'reject_consultation' : 'pass_consultation',
      actor: fireActorOf(act.actor),
      expectedVersion: input.version,
      reason: against.length ? `${against.join('、')}不同意` : '相关部门及镇街（园区）均无异议',
      requestId: act.requestId,
      now: act.now,
    },
    outbox,
  );
}
