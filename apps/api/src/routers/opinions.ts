import type { TRPCRouterRecord } from '@trpc/server';
import { idInput } from '../schemas/common';
import {
  applicationStateOutput,
  concludeConsultationInput,
  opinionsOutput,
  recordOpinionInput,
  recordOpinionOutput,
} from '../schemas/after-review';
import { concludeConsultation, listOpinions, recordOpinion } from '../services/opinions/consultation';
import { actOf, inOneTransaction } from '../services/progress/act';
import { procedureFor } from '../trpc';
import { GOVERNMENT } from './after-review-access';
import { compiled } from '../output-validation';

/** 征求意见: department and town opinions on R&D and edge applications before city approval. */
export const opinionsRouter = {
  list: procedureFor(GOVERNMENT)
    .input(idInput)
    .output(compiled(opinionsOutput))
    .query(({ ctx, input }) => listOpinions(ctx.deps.db, input.id)),
  record: procedureFor(['city_reviewer'])
    .input(recordOpinionInput)
    .output(compiled(recordOpinionOutput))
    .mutation(({ ctx, input }) =>
      inOneTransaction(ctx.deps, ctx.deps.db, (trx) => recordOpinion(trx, actOf(ctx), input)),
    ),
  conclude: procedureFor(['city_reviewer'])
    .input(concludeConsultationInput)
    .output(compiled(applicationStateOutput))
    .mutation(async ({ ctx, input }) => {
      const app = await inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) =>
        concludeConsultation(trx, actOf(ctx), input, outbox),
      );
      return { id: app.id, state: app.state, version: app.version };
    }),
} satisfies TRPCRouterRecord;
