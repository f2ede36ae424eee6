import { randomBytes } from 'node:crypto';
import type { ComputeBill, ComputePayment, ComputeUsageRecord, Database } from '@dg/db';
import { maskBankAccount, shanghaiDate } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { badRequest, conflict, notFound } from '../../errors';
import type {
  computeBillSchema,
  issueComputeBillInput,
  computePaymentSchema,
  recordComputePaymentInput,
  recordComputeUsageInput,
  computeUsageRecordSchema,
} from '../../schemas/compute';
import { appendAudit } from '../audit/append';
import type { ComputeContext, ComputeScope } from './context';
import { inTransaction } from '../applications/transaction';

// Metering and settlement: usage records per order, bills for a service period, and the payment of each bill with
// the account actually paid to and the invoice received — what the compute voucher's payments[] facts come from.

const billable = ['provisioned', 'completed'];

function checkPeriod(start: string, end: string) {
  if (end < start) throw badRequest('结束日期不能早于开始日期');
}

async function billableOrder(db: Kysely<Database>, orderId: string) {
  const order = await db
    .selectFrom('compute_orders')
    .select(['id', 'enterprise_id', 'state', 'amount_fen', 'order_no'])
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!order) throw notFound('订单不存在');
  if (!billable.includes(order.state)) throw conflict('订单尚未开通，不能计量或出账');
  return order;
}

export async function recordUsage(
  ctx: ComputeContext,
  input: z.infer<typeof recordComputeUsageInput>,
): Promise<ComputeUsageRecord> {
  checkPeriod(input.periodStart, input.periodEnd);
  await billableOrder(ctx.db, input.orderId);
  return inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('compute_usage_records')
      .values({
        order_id: input.orderId,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        quantity: input.quantity,
        unit: input.unit,
        amount_fen: input.amountFen,
        recorded_by: ctx.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.origin, {
      action: 'compute.usage.record',
      entityType: 'compute_order',
      entityId: input.orderId,
      data: {
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        quantity: input.quantity,
        amountFen: input.amountFen,
      },
    });
    return row;
  });
}

export function presentUsage(r: ComputeUsageRecord): z.infer<typeof computeUsageRecordSchema> {
  return {
    id: r.id,
    orderId: r.order_id,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    quantity: String(r.quantity),
    unit: r.unit,
    amountFen: r.amount_fen,
    createdAt: r.created_at.toISOString(),
  };
}

export async function listUsage(db: Kysely<Database>, scope: ComputeScope, orderId: string) {
  let query = db
    .selectFrom('compute_usage_records as r')
    .innerJoin('compute_orders as o', 'o.id', 'r.order_id')
    .selectAll('r')
    .where('r.order_id', '=', orderId);
  if (scope !== 'all') query = query.where('o.enterprise_id', '=', scope.enterpriseId);
  return (await query.orderBy('r.period_start').execute()).map(presentUsage);
}

/** A bill for a service period; its amount defaults to the usage in the period (按量) or the order amount (包年包月). */
export async function issueBill(
  ctx: ComputeContext,
  input: z.infer<typeof issueComputeBillInput>,
): Promise<ComputeBill> {
  checkPeriod(input.periodStart, input.periodEnd);
  const order = await billableOrder(ctx.db, input.orderId);
  let amount = input.amountFen;
  if (amount === undefined) {
    const usage = await ctx.db
      .selectFrom('compute_usage_records')
      .select((eb) => eb.fn.sum<number | null>('amount_fen').as('total'))
      .where('order_id', '=', order.id)
      .where('period_start', '>=', input.periodStart)
      .where('period_end', '<=', input.periodEnd)
      .executeTakeFirstOrThrow();
    amount = usage.total !== null && Number(usage.total) > 0 ? Number(usage.total) : (order.amount_fen ?? 0);
  }
  if (amount <= 0) throw badRequest('该期间没有计量记录，请填写账单金额');
  const billNo = `CB${shanghaiDate(ctx.now()).replaceAll('-', '')}${randomBytes(3).toString('hex').toUpperCase()}`;
  return inTransaction(ctx.db, async (trx) => {
    const bill = await trx
      .insertInto('compute_bills')
      .values({
        bill_no: billNo,
        order_id: order.id,
        enterprise_id: order.enterprise_id,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        amount_fen: amount,
        issued_on: input.issuedOn,
        status: 'unpaid',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.origin, {
      action: 'compute.bill.issue',
      entityType: 'compute_bill',
      entityId: bill.id,
      data: {
        billNo,
        orderNo: order.order_no,
        amountFen: amount,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
      },
    });
    return bill;
  });
}

export async function listBills(
  db: Kysely<Database>,
  scope: ComputeScope,
  filter: { orderId?: string | undefined; enterpriseId?: string | undefined },
): Promise<z.infer<typeof computeBillSchema>[]> {
  let query = db
    .selectFrom('compute_bills as b')
    .innerJoin('compute_orders as o', 'o.id', 'b.order_id')
    .selectAll('b')
    .select('o.order_no');
  if (scope !== 'all') query = query.where('b.enterprise_id', '=', scope.enterpriseId);
  if (filter.enterpriseId) query = query.where('b.enterprise_id', '=', filter.enterpriseId);
  if (filter.orderId) query = query.where('b.order_id', '=', filter.orderId);
  const rows = await query.orderBy('b.period_start').orderBy('b.id').limit(1000).execute();
  return rows.map((b) => ({
    id: b.id,
    billNo: b.bill_no,
    orderId: b.order_id,
    orderNo: b.order_no,
    enterpriseId: b.enterprise_id,
    periodStart: b.period_start,
    periodEnd: b.period_end,
    amountFen: b.amount_fen,
    issuedOn: b.issued_on,
    status: b.status,
  }));
}

/** Records the payment of a bill (in full), with the payee account and the invoice type. */
export async function recordPayment(
  ctx: ComputeContext,
  input: z.infer<typeof recordComputePaymentInput>,
): Promise<ComputePayment> {
  return inTransaction(ctx.db, async (trx) => {
    const bill = await trx
      .selectFrom('compute_bills')
      .selectAll()
      .where('id', '=', input.billId)
      .forUpdate()
      .executeTakeFirst();
    if (!bill) throw notFound('账单不存在');
    if (bill.status === 'paid') throw conflict('账单已付款');
    if (input.amountFen !== bill.amount_fen) throw badRequest('付款金额须与账单金额一致');
    const payment = await trx
      .insertInto('compute_payments')
      .values({
        bill_id: bill.id,
        enterprise_id: bill.enterprise_id,
        paid_on: input.paidOn,
        amount_fen: input.amountFen,
        payee_account_name: input.payeeAccountName,
        payee_bank: input.payeeBank,
        payee_account_number: input.payeeAccountNumber,
        invoice_type: input.invoiceType,
        invoice_no: input.invoiceNo ?? null,
        recorded_by: ctx.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('compute_bills')
      .set((eb) => ({ status: 'paid', updated_at: ctx.now(), version: eb('version', '+', 1) }))
      .where('id', '=', bill.id)
      .execute();
    await appendAudit(trx, ctx.origin, {
      action: 'compute.payment.record',
      entityType: 'compute_bill',
      entityId: bill.id,
      data: {
        paidOn: input.paidOn,
        amountFen: input.amountFen,
        payeeAccountNumber: maskBankAccount(input.payeeAccountNumber),
        invoiceType: input.invoiceType,
      },
    });
    return payment;
  });
}

export async function listPayments(
  db: Kysely<Database>,
  scope: ComputeScope,
  enterpriseId: string | undefined,
  unmasked: boolean,
): Promise<z.infer<typeof computePaymentSchema>[]> {
  let query = db
    .selectFrom('compute_payments as p')
    .innerJoin('compute_bills as b', 'b.id', 'p.bill_id')
    .innerJoin('compute_orders as o', 'o.id', 'b.order_id')
    .selectAll('p')
    .select(['b.bill_no', 'o.order_no']);
  if (scope !== 'all') query = query.where('p.enterprise_id', '=', scope.enterpriseId);
  if (enterpriseId) query = query.where('p.enterprise_id', '=', enterpriseId);
  const rows = await query.orderBy('p.paid_on').orderBy('p.id').limit(1000).execute();
  return rows.map((p) => ({
    id: p.id,
    billId: p.bill_id,
    billNo: p.bill_no,
    orderNo: p.order_no,
    enterpriseId: p.enterprise_id,
    paidOn: p.paid_on,
    amountFen: p.amount_fen,
    payeeAccountName: p.payee_account_name,
    payeeBank: p.payee_bank,
    payeeAccountNumber: unmasked ? p.payee_account_number : maskBankAccount(p.payee_account_number),
    invoiceType: p.invoice_type,
    invoiceNo: p.invoice_no,
  }));
}
