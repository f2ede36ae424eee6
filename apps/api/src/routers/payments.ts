import type { TRPCRouterRecord } from '@trpc/server';
import { idInput } from '../schemas/common';
import {
  firePaymentInput,
  listPaymentsInput,
  paymentDetailSchema,
  paymentListOutput,
  prepareDisbursementInput,
  prepareRdPaymentInput,
} from '../schemas/after-review';
import { prepareDisbursement, prepareRdPayment } from '../services/payments/prepare';
import { listPayments, paymentDetail } from '../services/payments/present';
import { firePaymentEvent } from '../services/payments/workflow';
import { actOf, inOneTransaction } from '../services/progress/act';
import { procedureFor } from '../trpc';
import { FINANCE, PAYMENT_READERS } from './after-review-access';
import { compiled } from '../output-validation';

/** Payments in the policy core's paymentWorkflow: prepared → checked by someone else → paid / failed → retry. */
export const paymentsRouter = {
  list: procedureFor(PAYMENT_READERS)
    .input(listPaymentsInput)
    .output(compiled(paymentListOutput))
    .query(({ ctx, input }) => listPayments(ctx.deps.db, input)),
  get: procedureFor(PAYMENT_READERS)
    .input(idInput)
    .output(compiled(paymentDetailSchema))
    .query(({ ctx, input }) => paymentDetail(ctx.deps.db, input.id)),
  prepareDisbursement: procedureFor(FINANCE)
    .input(prepareDisbursementInput)
    .output(compiled(paymentDetailSchema))
    .mutation(async ({ ctx, input }) => {
      const p = await inOneTransaction(ctx.deps, ctx.deps.db, (trx) =>
        prepareDisbursement(trx, actOf(ctx), input),
      );
      return paymentDetail(ctx.deps.db, p.id);
    }),
  prepareRd: procedureFor(FINANCE)
    .input(prepareRdPaymentInput)
    .output(compiled(paymentDetailSchema))
    .mutation(async ({ ctx, input }) => {
      const p = await inOneTransaction(ctx.deps, ctx.deps.db, (trx) =>
        prepareRdPayment(trx, actOf(ctx), input),
      );
      return paymentDetail(ctx.deps.db, p.id);
    }),
  /** check / mark_paid / mark_failed / retry (may correct the account) / cancel; the workflow says who may. */
  fire: procedureFor(['finance', 'admin'])
    .input(firePaymentInput)
    .output(compiled(paymentDetailSchema))
    .mutation(async ({ ctx, input }) => {
      await inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) =>
        firePaymentEvent(trx, actOf(ctx), input, outbox),
      );
      return paymentDetail(ctx.deps.db, input.id);
    }),
} satisfies TRPCRouterRecord;
