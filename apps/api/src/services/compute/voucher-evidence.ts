import type { Database } from '@dg/db';
import type { Payment } from '@dg/policy';
import type { Kysely } from 'kysely';

/**
 * The compute voucher's `payments[]` facts (POLICY.md) for an enterprise, from the compute service platform's own
 * records: every recorded payment of a bill, with the bill's service period (CV-5), the payment date (CV-8), whether
 * it went to the account the product names for its provider (CV-6) and the invoice type (CV-7). `viaPlatform` is
 * true by construction (CV-2). The policy core decides what counts; nothing is filtered here.
 */
export async function computeVoucherPayments(db: Kysely<Database>, enterpriseId: string): Promise<Payment[]> {
  const rows = await db
    .selectFrom('compute_payments as p')
    .innerJoin('compute_bills as b', 'b.id', 'p.bill_id')
    .innerJoin('compute_orders as o', 'o.id', 'b.order_id')
    .innerJoin('compute_products as pr', 'pr.id', 'o.product_id')
    .select([
      'b.bill_no',
      'p.paid_on',
      'b.period_start',
      'b.period_end',
      'p.amount_fen',
      'p.payee_account_number',
      'pr.payee_account_number as designated_account',
      'p.invoice_type',
    ])
    .where('p.enterprise_id', '=', enterpriseId)
    .orderBy('p.paid_on')
    .orderBy('b.bill_no')
    .execute();
  return rows.map((r) => ({
    id: r.bill_no,
    viaPlatform: true,
    paidOn: r.paid_on,
    serviceStart: r.period_start,
    serviceEnd: r.period_end,
    amountFen: r.amount_fen,
    toDesignatedAccount: digits(r.payee_account_number) === digits(r.designated_account),
    invoice: r.invoice_type,
  }));
}

const digits = (account: string) => account.replace(/\s+/g, '');
