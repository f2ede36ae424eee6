import type { TRPCRouterRecord } from '@trpc/server';
import { statsOverviewOutput } from '../schemas/stats';
import { statsOverview } from '../services/stats/overview';
import { procedureFor } from '../trpc';
import { compiled } from '../output-validation';

/** 数据看板: city-wide figures, so only city-level roles (a town reviewer sees its own town through the queue). */
export const statsRouter = {
  overview: procedureFor(['city_reviewer', 'approver', 'finance', 'admin'])
    .output(compiled(statsOverviewOutput))
    .query(({ ctx }) => statsOverview(ctx.deps.db)),
} satisfies TRPCRouterRecord;
