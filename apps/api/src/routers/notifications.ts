import type { TRPCRouterRecord } from '@trpc/server';
import {
  markReadInput,
  markReadOutput,
  notificationsInput,
  notificationsOutput,
} from '../schemas/after-review';
import { clockOf } from '../services/applications/clock';
import { listNotifications, markRead } from '../services/notifications/inbox';
import { authedProcedure } from '../trpc';
import { compiled } from '../output-validation';

/** The caller's inbox (every state change of their enterprise's applications) and their role's queue. */
export const notificationsRouter = {
  list: authedProcedure
    .input(notificationsInput)
    .output(compiled(notificationsOutput))
    .query(({ ctx, input }) => listNotifications(ctx.deps.db, ctx.actor, input.unreadOnly)),
  markRead: authedProcedure
    .input(markReadInput)
    .output(compiled(markReadOutput))
    .mutation(async ({ ctx, input }) => ({
      updated: await markRead(ctx.deps.db, ctx.actor, input.ids, clockOf(ctx)),
    })),
} satisfies TRPCRouterRecord;
