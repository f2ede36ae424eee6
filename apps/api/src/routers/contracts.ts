import type { Database, RdContractChange } from '@dg/db';
import type { TRPCRouterRecord } from '@trpc/server';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { idInput, okOutput } from '../schemas/common';
import {
  acceptanceDecisionOutput,
  applyAcceptanceInput,
  closureNoteInput,
  closureOutput,
  contractChangeRowSchema,
  contractDetailSchema,
  decideAcceptanceInput,
  decideChangeInput,
  fileChangeInput,
  reportRelocationInput,
  requestExtensionInput,
  signRdContractInput,
  terminateForcedInput,
} from '../schemas/after-review';
import { loadOwnApplication } from '../services/applications/load';
import { applyForAcceptance, decideAcceptance } from '../services/contracts/acceptance';
import { decideChange, fileChange, requestExtension } from '../services/contracts/changes';
import {
  confirmVoluntaryTermination,
  reportRelocation,
  terminateForced,
} from '../services/contracts/closure';
import { contractDetail } from '../services/contracts/present';
import type { Outbox } from '../services/notifications/state-change';
import { signContract } from '../services/contracts/sign';
import { type Act, type ActContext, actOf, inOneTransaction } from '../services/progress/act';
import { advance, fireActorOf } from '../services/progress/advance';
import { enterpriseProcedure, procedureFor } from '../trpc';
import { APPROVERS, GOVERNMENT } from './after-review-access';
import { withIsoTimestamps } from './rows';
import { compiled } from '../output-validation';

type ChangeStep<I> = (
  trx: Transaction<Database>,
  act: Act,
  input: I,
  outbox: Outbox,
) => Promise<RdContractChange>;

/** A contract change made in one transaction and answered as its stored row. */
async function changeRow<I>(ctx: ActContext, step: ChangeStep<I>, input: I) {
  return withIsoTimestamps(
    await inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) => step(trx, actOf(ctx), input, outbox)),
  );
}

/** The enterprise's own project: anything else answers NOT_FOUND. */
const ownProject = enterpriseProcedure.use(async ({ ctx, getRawInput, next }) => {
  const raw = (await getRawInput()) as { applicationId?: unknown };
  const id = z.uuid().safeParse(raw?.applicationId);
  if (id.success) await loadOwnApplication(ctx.deps.db, ctx.enterprise.id, id.data);
  return next();
});

/** R&D 任务书: signing (RD-5), changes (RD-6), one extension (RD-5), acceptance (RD-7, RD-4), termination (RD-8), relocation (RD-10). */
export const contractsRouter = {
  get: procedureFor(GOVERNMENT)
    .input(idInput)
    .output(compiled(contractDetailSchema))
    .query(({ ctx, input }) => contractDetail(ctx.deps.db, input.id)),
  mine: enterpriseProcedure
    .input(idInput)
    .output(compiled(contractDetailSchema))
    .query(({ ctx, input }) => contractDetail(ctx.deps.db, input.id, ctx.enterprise.id)),
  sign: procedureFor(['city_reviewer'])
    .input(signRdContractInput)
    .output(compiled(contractDetailSchema))
    .mutation(async ({ ctx, input }) => {
      await inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) =>
        signContract(trx, actOf(ctx), input, outbox),
      );
      return contractDetail(ctx.deps.db, input.applicationId);
    }),
  fileChange: ownProject
    .input(fileChangeInput)
    .output(compiled(contractChangeRowSchema))
    .mutation(({ ctx, input }) => changeRow(ctx, fileChange, input)),
  requestExtension: ownProject
    .input(requestExtensionInput)
    .output(compiled(contractChangeRowSchema))
    .mutation(({ ctx, input }) => changeRow(ctx, requestExtension, input)),
  decideChange: procedureFor(APPROVERS)
    .input(decideChangeInput)
    .output(compiled(contractChangeRowSchema))
    .mutation(({ ctx, input }) => changeRow(ctx, decideChange, input)),
  applyAcceptance: ownProject
    .input(applyAcceptanceInput)
    .output(compiled(okOutput))
    .mutation(async ({ ctx, input }) => {
      await inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) =>
        applyForAcceptance(trx, actOf(ctx), input, outbox),
      );
      return { ok: true as const };
    }),
  decideAcceptance: procedureFor(['expert', 'approver'])
    .input(decideAcceptanceInput)
    .output(compiled(acceptanceDecisionOutput))
    .mutation(({ ctx, input }) =>
      inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) =>
        decideAcceptance(trx, actOf(ctx), input, outbox),
      ),
    ),
  requestTermination: ownProject
    .input(closureNoteInput)
    .output(compiled(okOutput))
    .mutation(async ({ ctx, input }) => {
      const act = actOf(ctx);
      await inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) =>
        advance(
          trx,
          input.applicationId,
          {
            event: 'request_termination',
            actor: fireActorOf(act.actor),
            reason: input.note,
            requestId: act.requestId,
            now: act.now,
          },
          outbox,
        ),
      );
      return { ok: true as const };
    }),
  confirmTermination: procedureFor(APPROVERS)
    .input(closureNoteInput)
    .output(compiled(closureOutput))
    .mutation(({ ctx, input }) =>
      inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) =>
        confirmVoluntaryTermination(trx, actOf(ctx), input, outbox),
      ),
    ),
  terminateForced: procedureFor(APPROVERS)
    .input(terminateForcedInput)
    .output(compiled(closureOutput))
    .mutation(({ ctx, input }) =>
      inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) =>
        terminateForced(trx, actOf(ctx), input, outbox),
      ),
    ),
  /** RD-10: filed by the enterprise itself or recorded by the city reviewer who learned of it. */
  reportRelocation: procedureFor(['enterprise_staff', 'city_reviewer'])
    .input(reportRelocationInput)
    .output(compiled(closureOutput))
    .mutation(async ({ ctx, input }) => {
      if (ctx.actor.role === 'enterprise_staff') {
        const enterprise = ctx.actor.activeEnterprise;
        await loadOwnApplication(ctx.deps.db, enterprise?.id ?? '', input.applicationId);
      }
      return inOneTransaction(ctx.deps, ctx.deps.db, (trx, outbox) =>
        reportRelocation(trx, actOf(ctx), input, outbox),
      );
    }),
} satisfies TRPCRouterRecord;
