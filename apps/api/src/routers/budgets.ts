import type { TRPCRouterRecord } from '@trpc/server';
import { idInput } from '../schemas/common';
import { budgetSummarySchema, updateEditionInput } from '../schemas/after-review';
import { budgetListOutput } from '../schemas/funding-lists';
import { budgetSummary, updateEdition } from '../services/funding/budget';
import { budgetList } from '../services/funding/lists';
import { actOf, inOneTransaction } from '../services/progress/act';
import { procedureFor } from '../trpc';
import { BUDGET_MANAGERS, GOVERNMENT } from './after-review-access';
import { compiled } from '../output-validation';

/** An edition's budget and its ledger; the managing unit sets the budget and lowers rates and caps (CV-11). */
export const budgetsRouter = {
  list: procedureFor(GOVERNMENT)
    .output(compiled(budgetListOutput))
    .query(({ ctx }) => budgetList(ctx.deps.db)),
  get: procedureFor(GOVERNMENT)
    .input(idInput)
    .output(compiled(budgetSummarySchema))
    .query(({ ctx, input }) => budgetSummary(ctx.deps.db, input.id)),
  update: procedureFor(BUDGET_MANAGERS)
    .input(updateEditionInput)
    .output(compiled(budgetSummarySchema))
    .mutation(async ({ ctx, input }) => {
      await inOneTransaction(ctx.deps, ctx.deps.db, (trx) => updateEdition(trx, actOf(ctx), input));
      return budgetSummary(ctx.deps.db, input.editionId);
    }),
} satisfies TRPCRouterRecord;
