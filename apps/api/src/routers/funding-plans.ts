import type { TRPCRouterRecord } from '@trpc/server';
import { idInput } from '../schemas/common';
import {
  approveFundingPlanInput,
  createFundingPlanInput,
  fundingPlanApprovalOutput,
  fundingPlanDetailSchema,
  fundingPlanRowSchema,
  publishNoticeInput,
} from '../schemas/after-review';
import {
  approveFundingPlan,
  createFundingPlan,
  fundingPlanDetail,
  submitFundingPlan,
} from '../services/funding/plans';
import { actOf, inOneTransaction } from '../services/progress/act';
import { fundingPlanListInput, fundingPlanListOutput } from '../schemas/funding-lists';
import { fundingPlanList } from '../services/funding/lists';
import { procedureFor } from '../trpc';
import { APPROVERS, GOVERNMENT } from './after-review-access';
import { withIsoTimestamps } from './rows';
import { compiled } from '../output-validation';

const versioned = publishNoticeInput.pick({ id: true, version: true });

/** 资助计划: submitted to and approved by the city government as a batch; approval draws on the budget (CV-11). */
export const fundingPlansRouter = {
  list: procedureFor(GOVERNMENT)
    .input(fundingPlanListInput)
    .output(compiled(fundingPlanListOutput))
    .query(({ ctx, input }) => fundingPlanList(ctx.deps.db, input)),
  get: procedureFor(GOVERNMENT)
    .input(idInput)
    .output(compiled(fundingPlanDetailSchema))
    .query(({ ctx, input }) => fundingPlanDetail(ctx.deps.db, input.id)),
  create: procedureFor(['city_reviewer'])
    .input(createFundingPlanInput)
    .output(compiled(fundingPlanRowSchema))
    .mutation(async ({ ctx, input }) =>
      withIsoTimestamps(
        await inOneTransaction(ctx.deps, ctx.deps.db, (trx) => createFundingPlan(trx, actOf(ctx), input)),
      ),
    ),
  submit: procedureFor(['city_reviewer'])
    .input(versioned)
    .output(compiled(fundingPlanRowSchema))
    .mutation(async ({ ctx, input }) =>
      withIsoTimestamps(
        await inOneTransaction(ctx.deps, ctx.deps.db, (trx) => submitFundingPlan(trx, actOf(ctx), input)),
      ),
    ),
  approve: procedureFor(APPROVERS)
    .input(approveFundingPlanInput)
    .output(compiled(fundingPlanApprovalOutput))
    .mutation(({ ctx, input }) =>
      inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) =>
        approveFundingPlan(trx, actOf(ctx), input, outbox),
      ),
    ),
} satisfies TRPCRouterRecord;
