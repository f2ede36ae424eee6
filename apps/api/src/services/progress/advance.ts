import type { Application, Database } from '@dg/db';
import type { Transaction } from 'kysely';
import type { Actor } from '../../authz/actor';
import { notFound } from '../../errors';
import { findApplication } from '../applications/load';
import { type Outbox, queueWechatMessages } from '../notifications/state-change';
import { applyEvent, type FireActor, type FireRequest } from '../reviews/fire';

export const fireActorOf = (actor: Actor): FireActor => ({
  userId: actor.userId,
  role: actor.role,
  townCode: actor.townCode,
});

export const SYSTEM: FireActor = { userId: null, role: 'system', townCode: null };

/**
 * One workflow event on one application inside the caller's transaction, through the review engineer's `applyEvent`
 * (optimistic lock, history row, approvals, audit, inbox notifications), then queues the WeChat messages.
 */
export async function advance(
  trx: Transaction<Database>,
  applicationId: string,
  req: FireRequest,
  outbox: Outbox,
): Promise<Application> {
  const loaded = await findApplication(trx, applicationId);
  if (!loaded) throw notFound('申报不存在');
  const from = loaded.application.state;
  const updated = await applyEvent(trx, loaded, req);
  await queueWechatMessages(trx, updated, from, outbox, req.now);
  return updated;
}
