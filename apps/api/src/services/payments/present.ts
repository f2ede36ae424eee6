import type { Database } from '@dg/db';
import { maskBankAccount } from '@dg/policy';
import type { Kysely } from 'kysely';
import { notFound } from '../../errors';

export async function paymentDetail(db: Kysely<Database>, id: string) {
  const p = await db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('支付记录不存在');
  const lines = await db.selectFrom('payment_lines').selectAll().where('payment_id', '=', id).execute();
  const history = await db
    .selectFrom('payment_events')
    .selectAll()
    .where('payment_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    id: p.id,
    enterpriseId: p.enterprise_id,
    kind: p.kind,
    state: p.state,
    version: p.version,
    amountFen: p.amount_fen,
    payee: {
      accountName: p.payee_account_name,
      bank: p.payee_bank,
      accountNumber: maskBankAccount(p.payee_account_number),
    },
    failureReason: p.failure_reason,
    bankReference: p.bank_reference,
    paidAt: p.paid_at?.toISOString() ?? null,
    lines: lines.map((l) => ({
      applicationId: l.application_id,
      programId: l.program_id,
      amountFen: l.amount_fen,
      description: l.description,
    })),
    history: history.map((h) => ({
      event: h.event,
      from: h.from_state,
      to: h.to_state,
      role: h.actor_role,
      reason: h.reason,
      at: h.at.toISOString(),
    })),
  };
}

export async function listPayments(db: Kysely<Database>, filter: { state?: string; applicationId?: string }) {
  let q = db.selectFrom('payments as p').selectAll('p').orderBy('p.created_at', 'desc').limit(100);
  if (filter.state) q = q.where('p.state', '=', filter.state);
  if (filter.applicationId)
    q = q.where(
      'p.id',
      'in',
      db.selectFrom('payment_lines').select('payment_id').where('application_id', '=', filter.applicationId),
    );
  const rows = await q.execute();
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    state: p.state,
    amountFen: p.amount_fen,
    version: p.version,
    enterpriseId: p.enterprise_id,
  }));
}
