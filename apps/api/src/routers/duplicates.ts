import type { TRPCRouterRecord } from '@trpc/server';
import { notFound } from '../errors';
import { duplicatesOutput } from '../schemas/after-review';
import { idInput } from '../schemas/common';
import { findApplication } from '../services/applications/load';
import { duplicatesOf } from '../services/duplicates/detect';
import { REVIEWER_ROLES, visibleToReviewer } from '../services/reviews/visibility';
import { procedureFor } from '../trpc';
import { compiled } from '../output-validation';

/** 不重复享受 (GEN-4, CV-10): what the reviewer sees beside an application that claims an already claimed project. */
export const duplicatesRouter = {
  forApplication: procedureFor(REVIEWER_ROLES)
    .input(idInput)
    .output(compiled(duplicatesOutput))
    .query(async ({ ctx, input }) => {
      const loaded = await findApplication(ctx.deps.db, input.id);
      if (!loaded || !(await visibleToReviewer(ctx.deps.db, ctx.actor, loaded)))
        throw notFound('申报不存在或无权查看');
      return duplicatesOf(ctx.deps.db, input.id);
    }),
} satisfies TRPCRouterRecord;
