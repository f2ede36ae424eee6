import type { Database, PaymentKind, PaymentRow } from '@dg/db';
import { fire, paymentWorkflow } from '@dg/policy';
import type { Transaction } from 'kysely';
import { badRequest, conflict, DomainError, forbidden, notFound, staleVersion } from '../../errors';
import type { Outbox } from '../notifications/state-change';
import type { Act } from '../progress/act';
import { advance, fireActorOf } from '../progress/advance';

export interface PaymentLineInput {
  applicationId: string;
  programId: string;
  amountFen: number;
  description: string;
}

export interface Payee {
  accountName: string;
  bank: string;
  accountNumber: string;
}

/** A new payment in the workflow's initial state (待复核), with its lines and the first history row. */
export async function createPayment(
  trx: Transaction<Database>,
  act: Act,
  input: { enterpriseId: string; kind: PaymentKind; payee: Payee; lines: PaymentLineInput[] },
): Promise<PaymentRow> {
  const amount = input.lines.reduce((sum, l) => sum + l.amountFen, 0);
  if (amount <= 0) throw badRequest('支付金额须大于零');
  const payment = await trx
    .insertInto('payments')
    .values({
      enterprise_id: input.enterpriseId,
      kind: input.kind,
      state: paymentWorkflow.initial,
      amount_fen: amount,
      payee_account_name: input.payee.accountName,
      payee_bank: input.payee.bank,
      payee_account_number: input.payee.accountNumber,
      prepared_by: act.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('payment_lines')
    .values(
      input.lines.map((l) => ({
        payment_id: payment.id,
        application_id: l.applicationId,
        program_id: l.programId,
        amount_fen: l.amountFen,
        description: l.description,
      })),
    )
    .execute();
  await trx
    .insertInto('payment_events')
    .values({
      payment_id: payment.id,
      event: 'prepare',
      from_state: null,
      to_state: payment.state,
      actor_user_id: act.actor.userId,
      actor_role: act.actor.role,
      reason: null,
      at: act.now,
    })
    .execute();
  return payment;
}

/** What a payment's arrival means for each application on it (the application's workflow event). */
const onPaid: Record<PaymentKind, string> = {
  disbursement: 'complete_disbursement',
  rd_phase1: 'pay_phase1',
  rd_phase2: 'settle',
  reclaim: 'settle',
};

const refusal = {
  INVALID_STATE: 'CONFLICT',
  FORBIDDEN_ROLE: 'FORBIDDEN',
  GUARD_FAILED: 'BAD_REQUEST',
} as const;

/**
 * Fires a `paymentWorkflow` event (check, mark_paid, mark_failed, retry, cancel). A retry may correct the payee account,
 * which is why it voids the earlier check. Once paid, each application on it moves on.
 */
export async function firePaymentEvent(
  trx: Transaction<Database>,
  act: Act,
  input: {
    id: string;
    version: number;
    event: string;
    reason?: string;
    bankReference?: string;
    payee?: Payee;
  },
  outbox: Outbox,
): Promise<PaymentRow> {
  const payment = await trx
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', input.id)
    .forUpdate()
    .executeTakeFirst();
  if (!payment) throw notFound('支付记录不存在');
  if (payment.version !== input.version) throw staleVersion();
  const result = fire(paymentWorkflow, payment.state, input.event, {
    actor: act.actor.role,
    now: act.now,
    actorId: act.actor.userId,
    preparedBy: payment.prepared_by,
  });
  if (!result.ok) {
    if (result.code === 'FORBIDDEN_ROLE') throw forbidden(result.message);
    throw new DomainError(refusal[result.code], result.message);
  }
  if (input.event === 'mark_failed' && !input.reason) throw badRequest('请填写支付失败原因');
  if (input.payee && input.event !== 'retry') throw badRequest('只有重新支付时可以更正收款账户');
  const updated = await trx
    .updateTable('payments')
    .set({
      state: result.to,
      ...(input.event === 'check' && { checked_by: act.actor.userId }),
      ...(input.event === 'retry' && { checked_by: null, failure_reason: null }),
      ...(input.event === 'mark_failed' && { failure_reason: input.reason }),
      ...(input.event === 'mark_paid' && { paid_at: act.now, bank_reference: input.bankReference ?? null }),
      ...(input.payee && {
        payee_account_name: input.payee.accountName,
        payee_bank: input.payee.bank,
        payee_account_number: input.payee.accountNumber,
      }),
      updated_at: act.now,
      version: payment.version + 1,
    })
    .where('id', '=', payment.id)
    .where('version', '=', payment.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw conflict('支付记录已被他人修改，请刷新后重试');
  await trx
    .insertInto('payment_events')
    .values({
      payment_id: payment.id,
      event: input.event,
      from_state: payment.state,
      to_state: result.to,
      actor_user_id: act.actor.userId,
      actor_role: act.actor.role,
      reason: input.reason ?? null,
      at: act.now,
    })
    .execute();
  if (result.to === 'paid') await moveApplicationsOn(trx, act, updated, outbox);
  return updated;
}

async function moveApplicationsOn(trx: Transaction<Database>, act: Act, payment: PaymentRow, outbox: Outbox) {
  const lines = await trx
    .selectFrom('payment_lines')
    .select('application_id')
    .where('payment_id', '=', payment.id)
    .execute();
  for (const line of lines) {
    const app = await trx
      .selectFrom('applications')
      .select('state')
      .where('id', '=', line.application_id)
      .executeTakeFirstOrThrow();
    // A reclaim after termination or relocation closes money, not the (already finished) project.
    if (payment.kind === 'reclaim' && app.state !== 'phase2_settlement') continue;
    await advance(
      trx,
      line.application_id,
      {
        event: onPaid[payment.kind],
        actor: fireActorOf(act.actor),
        reason: `支付 ${payment.id.slice(0, 8)} 已${payment.kind === 'reclaim' ? '收回' : '支付'}`,
        data: { paymentId: payment.id },
        requestId: act.requestId,
        now: act.now,
      },
      outbox,
    );
  }
}

/**
 * Stops the payments of an application that the workflow still lets be cancelled (RD-8, RD-10: 停拨). The termination
 * decision is the authority, so the cancellation is recorded with its decider, not fired as finance.
 */
export async function stopPendingPayments(
  trx: Transaction<Database>,
  act: Act,
  applicationId: string,
  reason: string,
) {
  const pending = await trx
    .selectFrom('payments as p')
    .innerJoin('payment_lines as l', 'l.payment_id', 'p.id')
    .select(['p.id', 'p.state'])
    .where('l.application_id', '=', applicationId)
    .where('p.kind', '!=', 'reclaim')
    .where('p.state', 'in', paymentWorkflow.events.cancel.from)
    .execute();
  for (const p of pending) {
    await trx
      .updateTable('payments')
      .set({
        state: paymentWorkflow.events.cancel.to,
        failure_reason: reason,
        updated_at: act.now,
        version: (eb) => eb('version', '+', 1),
      })
      .where('id', '=', p.id)
      .execute();
    await trx
      .insertInto('payment_events')
      .values({
        payment_id: p.id,
        event: 'cancel',
        from_state: p.state,
        to_state: paymentWorkflow.events.cancel.to,
        actor_user_id: act.actor.userId,
        actor_role: act.actor.role,
        reason,
        at: act.now,
      })
      .execute();
  }
}

/** What an application has received net: paid out minus reclaimed, over payments that went through. */
export async function netReceivedFen(trx: Transaction<Database>, applicationId: string): Promise<number> {
  const rows = await trx
    .selectFrom('payment_lines as l')
    .innerJoin('payments as p', 'p.id', 'l.payment_id')
    .select(['p.kind', 'l.amount_fen'])
    .where('l.application_id', '=', applicationId)
    .where('p.state', '=', 'paid')
    .execute();
  return rows.reduce((sum, r) => sum + (r.kind === 'reclaim' ? -r.amount_fen : r.amount_fen), 0);
}
