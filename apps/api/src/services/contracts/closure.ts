import type { Database } from '@dg/db';
import {
  type Closure,
  relocationRefund,
  shanghaiDate,
  terminateForcibly,
  terminateVoluntarily,
} from '@dg/policy';
import type { Transaction } from 'kysely';
import type { Outbox } from '../notifications/state-change';
import type { Act } from '../progress/act';
import { advance, fireActorOf } from '../progress/advance';
import { createPayment, netReceivedFen, stopPendingPayments } from '../payments/workflow';
import { contractOf } from './sign';

/** Applies what the policy core says a closure means: stop payments, reclaim, record dishonesty (GEN-6). */
async function close(
  trx: Transaction<Database>,
  act: Act,
  applicationId: string,
  closure: Closure,
  reason: string,
) {
  const contract = await contractOf(trx, applicationId);
  await stopPendingPayments(trx, act, applicationId, closure.message);
  if (closure.reclaimFen > 0) {
    const e = await trx
      .selectFrom('applications as a')
      .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
      .select(['e.id', 'e.name', 'e.bank_account_name', 'e.bank_name', 'e.bank_account_number'])
      .where('a.id', '=', applicationId)
      .executeTakeFirstOrThrow();
    await createPayment(trx, act, {
      enterpriseId: e.id,
      kind: 'reclaim',
      // A reclaim is money coming back: the account is the one it is expected from.
      payee: {
        accountName: e.bank_account_name ?? e.name,
        bank: e.bank_name ?? '—',
        accountNumber: e.bank_account_number ?? '—',
      },
      lines: [
        {
          applicationId,
          programId: 'vertical-model-rd',
          amountFen: closure.reclaimFen,
          description: `任务书 ${contract.contract_number} 追回资助（${closure.rule} ${closure.article}）`,
        },
      ],
    });
  }
  if (closure.dishonestyRecord) {
    const app = await trx
      .selectFrom('applications')
      .select('enterprise_id')
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('dishonesty_records')
      .values({
        enterprise_id: app.enterprise_id,
        application_id: applicationId,
        rule: 'GEN-6',
        reason,
        recorded_on: shanghaiDate(act.now),
        recorded_by: act.actor.userId,
      })
      .execute();
  }
  await trx
    .updateTable('rd_contracts')
    .set({
      closure: JSON.stringify({ ...closure, reason }),
      updated_at: act.now,
      version: contract.version + 1,
    })
    .where('id', '=', contract.id)
    .execute();
  return closure;
}

/** RD-8(一): experts agree to the unit's request to end; remaining funds stop. */
export async function confirmVoluntaryTermination(
  trx: Transaction<Database>,
  act: Act,
  input: { applicationId: string; note: string },
  outbox: Outbox,
) {
  await advance(
    trx,
    input.applicationId,
    {
      event: 'confirm_termination',
      actor: fireActorOf(act.actor),
      reason: input.note,
      requestId: act.requestId,
      now: act.now,
    },
    outbox,
  );
  return close(trx, act, input.applicationId, terminateVoluntarily(), input.note);
}

/** RD-8(二): serious violation; funds stop, all paid is reclaimed, GEN-6 record. */
export async function terminateForced(
  trx: Transaction<Database>,
  act: Act,
  input: { applicationId: string; reason: string },
  outbox: Outbox,
) {
  await advance(
    trx,
    input.applicationId,
    {
      event: 'terminate_forced',
      actor: fireActorOf(act.actor),
      reason: input.reason,
      requestId: act.requestId,
      now: act.now,
    },
    outbox,
  );
  return close(
    trx,
    act,
    input.applicationId,
    terminateForcibly(await netReceivedFen(trx, input.applicationId)),
    input.reason,
  );
}

/** RD-10: the lead unit moves out of Dongguan during implementation: everything received is refunded. */
export async function reportRelocation(
  trx: Transaction<Database>,
  act: Act,
  input: { applicationId: string; newAddress: string },
  outbox: Outbox,
) {
  const reason = `牵头单位迁出东莞：${input.newAddress}`;
  await advance(
    trx,
    input.applicationId,
    {
      event: 'report_relocation',
      actor: fireActorOf(act.actor),
      reason,
      requestId: act.requestId,
      now: act.now,
    },
    outbox,
  );
  return close(
    trx,
    act,
    input.applicationId,
    relocationRefund(await netReceivedFen(trx, input.applicationId)),
    reason,
  );
}
