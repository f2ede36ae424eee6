import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { Actor } from '../authz/actor';
import type { Role } from '../authz/roles';
import { DomainError } from '../errors';
import { idInput } from '../schemas/common';
import {
  computeAccessDetailsSchema,
  applyComputeAccountInput,
  computeBillSchema,
  completeComputeOrderInput,
  computeAccountSchema,
  createComputeOrderInput,
  decideComputeOrderInput,
  computeEnterpriseFilterInput,
  issueComputeBillInput,
  listComputeAccountsInput,
  listComputeOrdersInput,
  listComputeProductsInput,
  computeOrderActionInput,
  computeOrderFilterInput,
  computeOrderListSchema,
  computeOrderSchema,
  computePaymentSchema,
  computeProductInput,
  computeProductSchema,
  provisionComputeOrderInput,
  recordComputePaymentInput,
  recordComputeUsageInput,
  reviewComputeAccountInput,
  signComputeContractInput,
  submitComputeIdentityInput,
  updateComputeProductInput,
  computeUsageRecordSchema,
  voucherEvidenceSchema,
} from '../schemas/compute';
import { auditOrigin } from '../services/audit/origin';
import {
  applyForAccount,
  findAccount,
  listAccounts,
  presentAccount,
  reviewAccount,
  submitIdentity,
} from '../services/compute/accounts';
import type { ComputeContext, ComputeScope } from '../services/compute/context';
import {
  issueBill,
  listBills,
  listPayments,
  listUsage,
  presentUsage,
  recordPayment,
  recordUsage,
} from '../services/compute/metering';
import {
  createOrder,
  decideOrder,
  getOrder,
  listOrders,
  presentOrder,
  provisionOrder,
  readAccessDetails,
  transitionOrder,
} from '../services/compute/orders';
import {
  createProduct,
  getProduct,
  listProducts,
  presentProduct,
  updateProduct,
} from '../services/compute/products';
import { secretBoxFor } from '../services/compute/secret-box';
import { computeVoucherPayments } from '../services/compute/voucher-evidence';
import { type Context, enterpriseProcedure, procedureFor } from '../trpc';
import { compiled } from '../output-validation';

/** Who runs the compute service platform. */
const COMPUTE_OPERATORS: readonly Role[] = ['compute_operator', 'admin'];
/** Who may read orders, bills and payments: the ordering enterprise its own, the platform and the voucher's reviewers all. */
const ORDER_READERS: readonly Role[] = [
  'enterprise_staff',
  'compute_operator',
  'admin',
  'city_reviewer',
  'approver',
  'finance',
];

function scopeOf(actor: Actor): ComputeScope {
  if (actor.role !== 'enterprise_staff') return 'all';
  if (!actor.activeEnterprise) throw new DomainError('FORBIDDEN', '请先绑定或选择企业');
  return { enterpriseId: actor.activeEnterprise.id };
}

function computeContext(ctx: Context & { actor: Actor }): ComputeContext {
  return {
    db: ctx.deps.db,
    box: () => secretBoxFor(ctx.deps.env, ctx.deps.log),
    now: () => ctx.deps.clock?.() ?? new Date(),
    origin: auditOrigin(ctx.actor, ctx.requestId),
    userId: ctx.actor.userId,
  };
}

const isOperator = (actor: Actor) => COMPUTE_OPERATORS.includes(actor.role);
const viewer = (actor: Actor) =>
  actor.role === 'enterprise_staff' ? (actor.activeEnterprise?.id ?? null) : null;

export const computeRouter = {
  accounts: {
    /** The active enterprise's platform account (null before registering). */
    mine: enterpriseProcedure.output(compiled(computeAccountSchema.nullable())).query(async ({ ctx }) => {
      const account = await findAccount(ctx.deps.db, ctx.enterprise.id);
      return account ? presentAccount(account) : null;
    }),
    apply: enterpriseProcedure
      .input(applyComputeAccountInput)
      .output(compiled(computeAccountSchema))
      .mutation(async ({ ctx, input }) =>
        presentAccount(await applyForAccount(computeContext(ctx), ctx.enterprise.id, input)),
      ),
    /** Identity verification: the ID number (sealed at rest) and the two ID photos (sensitive uploads). */
    submitIdentity: enterpriseProcedure
      .input(submitComputeIdentityInput)
      .output(compiled(computeAccountSchema))
      .mutation(async ({ ctx, input }) =>
        presentAccount(await submitIdentity(computeContext(ctx), ctx.enterprise.id, input)),
      ),
    list: procedureFor(COMPUTE_OPERATORS)
      .input(listComputeAccountsInput)
      .output(compiled(z.array(computeAccountSchema)))
      .query(({ ctx, input }) => listAccounts(ctx.deps.db, input.registrationStatus)),
    review: procedureFor(COMPUTE_OPERATORS)
      .input(reviewComputeAccountInput)
      .output(compiled(computeAccountSchema))
      .mutation(async ({ ctx, input }) =>
        presentAccount(await reviewAccount(computeContext(ctx), 'registration', input)),
      ),
    reviewIdentity: procedureFor(COMPUTE_OPERATORS)
      .input(reviewComputeAccountInput)
      .output(compiled(computeAccountSchema))
      .mutation(async ({ ctx, input }) =>
        presentAccount(await reviewAccount(computeContext(ctx), 'identity', input)),
      ),
  },

  products: {
    /** The marketplace (算力广场): published products; operators may include unpublished ones. */
    list: procedureFor([...ORDER_READERS])
      .input(listComputeProductsInput)
      .output(compiled(z.array(computeProductSchema)))
      .query(async ({ ctx, input }) => {
        const operator = isOperator(ctx.actor);
        const rows = await listProducts(ctx.deps.db, {
          includeUnpublished: operator && input.includeUnpublished,
          billing: input.billing,
        });
        return rows.map((p) => presentProduct(p, operator));
      }),
    get: procedureFor([...ORDER_READERS])
      .input(idInput)
      .output(compiled(computeProductSchema))
      .query(async ({ ctx, input }) => {
        const operator = isOperator(ctx.actor);
        return presentProduct(await getProduct(ctx.deps.db, input.id, operator), operator);
      }),
    create: procedureFor(COMPUTE_OPERATORS)
      .input(computeProductInput)
      .output(compiled(computeProductSchema))
      .mutation(async ({ ctx, input }) =>
        presentProduct(await createProduct(computeContext(ctx), input), true),
      ),
    update: procedureFor(COMPUTE_OPERATORS)
      .input(updateComputeProductInput)
      .output(compiled(computeProductSchema))
      .mutation(async ({ ctx, input }) =>
        presentProduct(await updateProduct(computeContext(ctx), input), true),
      ),
    publish: procedureFor(COMPUTE_OPERATORS)
      .input(idInput)
      .output(compiled(computeProductSchema))
      .mutation(async ({ ctx, input }) =>
        presentProduct(await updateProduct(computeContext(ctx), { id: input.id, published: true }), true),
      ),
    unpublish: procedureFor(COMPUTE_OPERATORS)
      .input(idInput)
      .output(compiled(computeProductSchema))
      .mutation(async ({ ctx, input }) =>
        presentProduct(await updateProduct(computeContext(ctx), { id: input.id, published: false }), true),
      ),
  },

  orders: {
    /** An order by the active enterprise, which needs ordering rights (registration review + identity). */
    create: enterpriseProcedure
      .input(createComputeOrderInput)
      .output(compiled(computeOrderSchema))
      .mutation(async ({ ctx, input }) =>
        presentOrder(await createOrder(computeContext(ctx), ctx.enterprise.id, input), ctx.enterprise.id),
      ),
    list: procedureFor(ORDER_READERS)
      .input(listComputeOrdersInput)
      .output(compiled(computeOrderListSchema))
      .query(async ({ ctx, input }) => {
        const { rows, total } = await listOrders(ctx.deps.db, scopeOf(ctx.actor), input);
        return { items: rows.map((o) => presentOrder(o, viewer(ctx.actor))), total };
      }),
    get: procedureFor(ORDER_READERS)
      .input(idInput)
      .output(compiled(computeOrderSchema))
      .query(async ({ ctx, input }) =>
        presentOrder(await getOrder(ctx.deps.db, scopeOf(ctx.actor), input.id), viewer(ctx.actor)),
      ),
    /** The ordering enterprise withdraws an order not yet under approval. */
    cancel: enterpriseProcedure
      .input(computeOrderActionInput)
      .output(compiled(computeOrderSchema))
      .mutation(async ({ ctx, input }) =>
        presentOrder(
          await transitionOrder(computeContext(ctx), { enterpriseId: ctx.enterprise.id }, input.id, 'cancel'),
          ctx.enterprise.id,
        ),
      ),
    /** 开始 → 审批中. */
    startApproval: procedureFor(COMPUTE_OPERATORS)
      .input(computeOrderActionInput)
      .output(compiled(computeOrderSchema))
      .mutation(async ({ ctx, input }) =>
        presentOrder(await transitionOrder(computeContext(ctx), 'all', input.id, 'startApproval'), null),
      ),
    /** 审批中 → 结束 (approved or rejected). */
    decide: procedureFor(COMPUTE_OPERATORS)
      .input(decideComputeOrderInput)
      .output(compiled(computeOrderSchema))
      .mutation(async ({ ctx, input }) =>
        presentOrder(
          await decideOrder(computeContext(ctx), input.id, input.decision === 'approve', input.note),
          null,
        ),
      ),
    /** The contract signed offline: its number, date and (optionally) the scanned file. */
    signContract: procedureFor(COMPUTE_OPERATORS)
      .input(signComputeContractInput)
      .output(compiled(computeOrderSchema))
      .mutation(async ({ ctx, input }) =>
        presentOrder(
          await transitionOrder(
            computeContext(ctx),
            'all',
            input.id,
            'signContract',
            {
              contract_no: input.contractNo,
              contract_signed_on: input.signedOn,
              contract_file_id: input.fileId ?? null,
            },
            { contractNo: input.contractNo, signedOn: input.signedOn },
          ),
          null,
        ),
      ),
    /** Posts the access details back to the order (sealed at rest) and starts the service period. */
    provision: procedureFor(COMPUTE_OPERATORS)
      .input(provisionComputeOrderInput)
      .output(compiled(computeOrderSchema))
      .mutation(async ({ ctx, input }) => {
        const order = await getOrder(ctx.deps.db, 'all', input.id);
        return presentOrder(
          await provisionOrder(computeContext(ctx), order, input.serviceStart, input.access),
          null,
        );
      }),
    complete: procedureFor(COMPUTE_OPERATORS)
      .input(completeComputeOrderInput)
      .output(compiled(computeOrderSchema))
      .mutation(async ({ ctx, input }) =>
        presentOrder(
          await transitionOrder(
            computeContext(ctx),
            'all',
            input.id,
            'complete',
            input.serviceEnd ? { service_end: input.serviceEnd } : {},
          ),
          null,
        ),
      ),
    /** The access details in full — only for the ordering enterprise; each reading is audited. */
    accessDetails: enterpriseProcedure
      .input(idInput)
      .output(compiled(computeAccessDetailsSchema))
      .query(({ ctx, input }) => readAccessDetails(computeContext(ctx), ctx.enterprise.id, input.id)),
  },

  metering: {
    recordUsage: procedureFor(COMPUTE_OPERATORS)
      .input(recordComputeUsageInput)
      .output(compiled(computeUsageRecordSchema))
      .mutation(async ({ ctx, input }) => presentUsage(await recordUsage(computeContext(ctx), input))),
    usage: procedureFor(ORDER_READERS)
      .input(idInput)
      .output(compiled(z.array(computeUsageRecordSchema)))
      .query(({ ctx, input }) => listUsage(ctx.deps.db, scopeOf(ctx.actor), input.id)),
    issueBill: procedureFor(COMPUTE_OPERATORS)
      .input(issueComputeBillInput)
      .output(compiled(computeBillSchema))
      .mutation(async ({ ctx, input }) => {
        const bill = await issueBill(computeContext(ctx), input);
        const bills = await listBills(ctx.deps.db, 'all', { orderId: bill.order_id });
        return bills.find((b) => b.id === bill.id)!;
      }),
    bills: procedureFor(ORDER_READERS)
      .input(computeOrderFilterInput)
      .output(compiled(z.array(computeBillSchema)))
      .query(({ ctx, input }) => listBills(ctx.deps.db, scopeOf(ctx.actor), input)),
    recordPayment: procedureFor(COMPUTE_OPERATORS)
      .input(recordComputePaymentInput)
      .output(compiled(computePaymentSchema))
      .mutation(async ({ ctx, input }) => {
        const payment = await recordPayment(computeContext(ctx), input);
        const payments = await listPayments(ctx.deps.db, 'all', payment.enterprise_id, true);
        return payments.find((p) => p.id === payment.id)!;
      }),
    payments: procedureFor(ORDER_READERS)
      .input(computeEnterpriseFilterInput)
      .output(compiled(z.array(computePaymentSchema)))
      .query(({ ctx, input }) => {
        const scope = scopeOf(ctx.actor);
        return listPayments(ctx.deps.db, scope, input.enterpriseId, scope !== 'all' || isOperator(ctx.actor));
      }),
    /** The compute voucher's payments[] facts from this platform's records (CV-2, CV-5..CV-8). */
    voucherEvidence: procedureFor(ORDER_READERS)
      .input(computeEnterpriseFilterInput)
      .output(compiled(voucherEvidenceSchema))
      .query(({ ctx, input }) => {
        const scope = scopeOf(ctx.actor);
        const enterpriseId = scope === 'all' ? input.enterpriseId : scope.enterpriseId;
        if (!enterpriseId) throw new DomainError('BAD_REQUEST', '请指定企业');
        return computeVoucherPayments(ctx.deps.db, enterpriseId);
      }),
  },
} satisfies TRPCRouterRecord;
