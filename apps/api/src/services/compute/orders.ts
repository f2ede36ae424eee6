import { randomBytes } from 'node:crypto';
import { type ComputeOrder, type ComputeOrderState, type Database, json } from '@dg/db';
import { addDays, addMonths, maskName, shanghaiDate } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import {
  type computeAccessDetailsSchema,
  approvalStageOf,
  computeOrderStateLabels,
  type createComputeOrderInput,
  type listComputeOrdersInput,
  type computeOrderSchema,
} from '../../schemas/compute';
import { appendAudit } from '../audit/append';
import { findAccount, hasOrderingRights } from './accounts';
import type { ComputeContext, ComputeScope } from './context';
import { getProduct } from './products';
import { inTransaction } from '../applications/transaction';

// Orders: submitted (开始) → in_approval (审批中) → approved / rejected (结束) → contracted (signed offline) →
// provisioned (access details posted back, sealed at rest) → completed. The access details are shown in full only
// to the ordering enterprise (`readAccessDetails`, audited); everyone else sees the mask stored beside them.

type AccessDetails = z.infer<typeof computeAccessDetailsSchema>;
type OrderRow = ComputeOrder & { enterprise_name: string; product_name: string; orderer_name: string };

const transitions: Record<string, { from: readonly ComputeOrderState[]; to: ComputeOrderState }> = {
  startApproval: { from: ['submitted'], to: 'in_approval' },
  approve: { from: ['in_approval'], to: 'approved' },
  reject: { from: ['in_approval'], to: 'rejected' },
  cancel: { from: ['submitted'], to: 'cancelled' },
  signContract: { from: ['approved'], to: 'contracted' },
  provision: { from: ['contracted'], to: 'provisioned' },
  complete: { from: ['provisioned'], to: 'completed' },
};
export type OrderTransition = keyof typeof transitions;

function maskHost(host: string): string {
  const ipv4 = host.match(/^(\d+)\.(\d+)\.\d+\.\d+$/);
  if (ipv4) return `${ipv4[1]}.${ipv4[2]}.*.*`;
  return `${host.slice(0, 3)}***`;
}

export function maskAccess(access: AccessDetails) {
  return { host: maskHost(access.host), account: `${access.account.slice(0, 2)}****`, password: '******' };
}

export function presentOrder(
  o: OrderRow,
  viewerEnterpriseId: string | null,
): z.infer<typeof computeOrderSchema> {
  const own = viewerEnterpriseId === o.enterprise_id;
  return {
    id: o.id,
    orderNo: o.order_no,
    enterpriseId: o.enterprise_id,
    enterpriseName: o.enterprise_name,
    orderedBy: own ? o.orderer_name : maskName(o.orderer_name),
    productId: o.product_id,
    productName: o.product_name,
    spec: o.spec,
    billing: o.billing as 'subscription' | 'metered',
    unitPriceFen: o.unit_price_fen,
    priceUnit: o.price_unit,
    durationMonths: o.duration_months,
    quantity: o.quantity,
    amountFen: o.amount_fen,
    useVoucher: o.use_voucher,
    state: o.state,
    approvalStage: approvalStageOf(o.state),
    decisionNote: o.decision_note,
    contractNo: o.contract_no,
    contractSignedOn: o.contract_signed_on,
    serviceStart: o.service_start,
    serviceEnd: o.service_end,
    access: o.access_masked,
    createdAt: o.created_at.toISOString(),
  };
}

function ordersQuery(db: Kysely<Database>, scope: ComputeScope) {
  let query = db
    .selectFrom('compute_orders as o')
    .innerJoin('enterprises as e', 'e.id', 'o.enterprise_id')
    .innerJoin('compute_products as p', 'p.id', 'o.product_id')
    .innerJoin('users as u', 'u.id', 'o.ordered_by')
    .selectAll('o')
    .select(['e.name as enterprise_name', 'p.name as product_name', 'u.display_name as orderer_name']);
  if (scope !== 'all') query = query.where('o.enterprise_id', '=', scope.enterpriseId);
  return query;
}

export async function getOrder(db: Kysely<Database>, scope: ComputeScope, id: string): Promise<OrderRow> {
  const order = await ordersQuery(db, scope).where('o.id', '=', id).executeTakeFirst();
  if (!order) throw notFound('订单不存在或无权查看');
  return order;
}

export async function listOrders(
  db: Kysely<Database>,
  scope: ComputeScope,
  input: z.infer<typeof listComputeOrdersInput>,
): Promise<{ rows: OrderRow[]; total: number }> {
  let query = ordersQuery(db, scope);
  if (input.enterpriseId) query = query.where('o.enterprise_id', '=', input.enterpriseId);
  if (input.state) query = query.where('o.state', '=', input.state);
  const [rows, total] = await Promise.all([
    query.orderBy('o.created_at', 'desc').orderBy('o.id').limit(input.limit).offset(input.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function createOrder(
  ctx: ComputeContext,
  enterpriseId: string,
  input: z.infer<typeof createComputeOrderInput>,
): Promise<OrderRow> {
  const account = await findAccount(ctx.db, enterpriseId);
  if (!account || !hasOrderingRights(account))
    throw forbidden('本企业尚未取得订购权限（需通过注册审核与实名认证）');
  const product = await getProduct(ctx.db, input.productId, false);
  if (product.billing === 'subscription' && !input.durationMonths)
    throw badRequest('包年包月产品请选择购买时长');
  if (product.billing === 'metered' && input.durationMonths) throw badRequest('按量计费产品无需选择购买时长');
  const amountFen = input.durationMonths ? product.price_fen * input.durationMonths * input.quantity : null;
  if (amountFen !== null && !Number.isSafeInteger(amountFen)) throw badRequest('订单金额超出范围');
  const now = ctx.now();
  const orderNo = `CO${shanghaiDate(now).replaceAll('-', '')}${randomBytes(3).toString('hex').toUpperCase()}`;
  const id = await inTransaction(ctx.db, async (trx) => {
    const order = await trx
      .insertInto('compute_orders')
      .values({
        order_no: orderNo,
        enterprise_id: enterpriseId,
        product_id: product.id,
        ordered_by: ctx.userId,
        spec: product.spec,
        billing: product.billing,
        unit_price_fen: product.price_fen,
        price_unit: product.price_unit,
        duration_months: input.durationMonths ?? null,
        quantity: input.quantity,
        amount_fen: amountFen,
        use_voucher: input.useVoucher,
        state: 'submitted',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.origin, {
      action: 'compute.order.create',
      entityType: 'compute_order',
      entityId: order.id,
      data: {
        orderNo,
        productId: product.id,
        quantity: input.quantity,
        durationMonths: input.durationMonths ?? null,
      },
    });
    return order.id;
  });
  return getOrder(ctx.db, 'all', id);
}

/**
 * Moves an order along one transition under a row lock. `changes` are the columns the step fills (decision,
 * contract, provisioning); the audit row records the step without secrets.
 */
export async function transitionOrder(
  ctx: ComputeContext,
  scope: ComputeScope,
  id: string,
  transition: OrderTransition,
  changes: Partial<Record<string, unknown>> = {},
  auditData: Record<string, unknown> = {},
): Promise<OrderRow> {
  const step = transitions[transition]!;
  await inTransaction(ctx.db, async (trx) => {
    let query = trx.selectFrom('compute_orders').select(['state']).where('id', '=', id);
    if (scope !== 'all') query = query.where('enterprise_id', '=', scope.enterpriseId);
    const order = await query.forUpdate().executeTakeFirst();
    if (!order) throw notFound('订单不存在或无权查看');
    if (!step.from.includes(order.state))
      throw conflict(`订单${computeOrderStateLabels[order.state]}，不能执行此操作`);
    await trx
      .updateTable('compute_orders')
      .set((eb) => ({ ...changes, state: step.to, updated_at: ctx.now(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.origin, {
      action: `compute.order.${transition}`,
      entityType: 'compute_order',
      entityId: id,
      data: { from: order.state, to: step.to, ...auditData },
    });
  });
  return getOrder(ctx.db, 'all', id);
}

export function decideOrder(ctx: ComputeContext, id: string, approve: boolean, note?: string) {
  return transitionOrder(
    ctx,
    'all',
    id,
    approve ? 'approve' : 'reject',
    {
      decision_note: note ?? null,
      decided_by: ctx.userId,
      decided_at: ctx.now(),
    },
    { ...(note && { note }) },
  );
}

export function provisionOrder(
  ctx: ComputeContext,
  order: OrderRow,
  serviceStart: string,
  access: AccessDetails,
) {
  const serviceEnd = order.duration_months
    ? addDays(addMonths(serviceStart, order.duration_months), -1)
    : null;
  return transitionOrder(
    ctx,
    'all',
    order.id,
    'provision',
    {
      service_start: serviceStart,
      service_end: serviceEnd,
      access_ciphertext: ctx.box().seal(JSON.stringify(access)),
      access_masked: json(maskAccess(access)),
      provisioned_at: ctx.now(),
    },
    { serviceStart, serviceEnd, access: maskAccess(access) },
  );
}

/** The access details in full, for the ordering enterprise only; each reading is audited. */
export async function readAccessDetails(
  ctx: ComputeContext,
  enterpriseId: string,
  id: string,
): Promise<AccessDetails> {
  const order = await getOrder(ctx.db, { enterpriseId }, id);
  if (!order.access_ciphertext) throw conflict('订单尚未开通，暂无访问信息');
  const access = JSON.parse(ctx.box().open(order.access_ciphertext)) as AccessDetails;
  await inTransaction(ctx.db, (trx) =>
    appendAudit(trx, ctx.origin, {
      action: 'compute.order.access_read',
      entityType: 'compute_order',
      entityId: id,
    }),
  );
  return access;
}
