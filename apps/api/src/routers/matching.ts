import type { TRPCRouterRecord } from '@trpc/server';
import { matchingOutput } from '../schemas/after-review';
import { clockOf } from '../services/applications/clock';
import { matchingForEnterprise } from '../services/matching/for-enterprise';
import { enterpriseProcedure } from '../trpc';
import { compiled } from '../output-validation';

/** 免申即享: the programs the caller's enterprise can apply to now, with an estimated ceiling (mini-program home page). */
export const matchingRouter = {
  forMyEnterprise: enterpriseProcedure
    .output(compiled(matchingOutput))
    .query(({ ctx }) => matchingForEnterprise(ctx.deps.db, ctx.enterprise.id, clockOf(ctx))),
} satisfies TRPCRouterRecord;
