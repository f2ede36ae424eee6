import type { Database } from '@dg/db';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../authz/actor';
import type { AppDeps } from '../../deps';
import { clockOf } from '../applications/clock';
import { deliverOutbox } from '../notifications/deliver';
import type { Outbox } from '../notifications/state-change';
import { keepingRefusals } from '../reviews/fire';

/** Who acts, when, in which request: what every after-review service needs besides its input. */
export interface Act {
  db: Kysely<Database>;
  actor: Actor;
  requestId: string | null;
  now: Date;
}

export interface ActContext {
  deps: AppDeps;
  actor: Actor;
  requestId: string;
}

export const actOf = (ctx: ActContext): Act => ({
  db: ctx.deps.db,
  actor: ctx.actor,
  requestId: ctx.requestId,
  now: clockOf(ctx),
});

/**
 * Runs a multi-row change in one transaction; refused workflow events keep their history row; the WeChat messages
 * the state changes queued are sent once it committed.
 */
export async function inOneTransaction<T>(
  deps: AppDeps,
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>, outbox: Outbox) => Promise<T>,
): Promise<T> {
  const outbox: Outbox = [];
  const result = await keepingRefusals(db, () => db.transaction().execute((trx) => fn(trx, outbox)));
  await deliverOutbox(deps, outbox);
  return result;
}
