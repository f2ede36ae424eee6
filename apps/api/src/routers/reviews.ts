import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { idInput } from '../schemas/common';
import { applicationSummarySchema } from '../schemas/applications';
import {
  conflictSchema,
  decideInput,
  declareConflictInput,
  inspectionInput,
  queueInput,
  queueOutput,
  returnForCorrectionInput,
  reviewDetailSchema,
  scoreInput,
} from '../schemas/reviews';
import { auditOrigin } from '../services/audit/origin';
import { clockOf } from '../services/applications/clock';
import { findApplication } from '../services/applications/load';
import { summaryOf } from '../services/applications/present';
import { decide, returnForCorrection } from '../services/reviews/decide';
import { reviewDetail } from '../services/reviews/detail';
import { declareConflict, listConflicts, scoreApplication } from '../services/reviews/experts';
import { recordInspection } from '../services/reviews/inspections';
import { reviewQueue } from '../services/reviews/queue';
import { REVIEWER_ROLES } from '../services/reviews/visibility';
import { procedureFor } from '../trpc';
import { compiled } from '../output-validation';

/** Roles that fire review events (the workflow says which event each may fire). */
const DECIDERS = REVIEWER_ROLES.filter((r) => r !== 'admin');

/** The government side of the review workflow; every decision is a workflow event on a version the caller saw. */
export const reviewsRouter = {
  /** The caller's work queue (their role's stages by default), filtered and searched, keyset-paginated. */
  queue: procedureFor(REVIEWER_ROLES)
    .input(queueInput)
    .output(compiled(queueOutput))
    .query(({ ctx, input }) => reviewQueue(ctx.deps.db, ctx.actor, input, clockOf(ctx))),

  /** One application for review: form, materials, verdict with trace, ceiling breakdown, full history, actions. */
  get: procedureFor(REVIEWER_ROLES)
    .input(idInput)
    .output(compiled(reviewDetailSchema))
    .query(({ ctx, input }) => reviewDetail(ctx.deps.db, ctx.actor, input.id, clockOf(ctx))),

  /** Fire a workflow event (pass_qualification, pass_formal, pass_town, approve_final with recognisedFen, …). */
  decide: procedureFor(DECIDERS)
    .input(decideInput)
    .output(compiled(applicationSummarySchema))
    .mutation(async ({ ctx, input }) => {
      const now = clockOf(ctx);
      await decide(ctx.deps.db, ctx.actor, input, ctx.requestId, now);
      return summaryOf((await findApplication(ctx.deps.db, input.id))!, now);
    }),

  /** Formal review returns the application for correction, with a reason per material (CV-13 clock starts). */
  returnForCorrection: procedureFor(['city_reviewer'])
    .input(returnForCorrectionInput)
    .output(compiled(applicationSummarySchema))
    .mutation(async ({ ctx, input }) => {
      const now = clockOf(ctx);
      await returnForCorrection(ctx.deps.db, ctx.actor, input, ctx.requestId, now);
      return summaryOf((await findApplication(ctx.deps.db, input.id))!, now);
    }),

  /** An expert's rubric scores (required before the expert decides). */
  score: procedureFor(['expert'])
    .input(scoreInput)
    .output(compiled(z.object({ total: z.int() })))
    .mutation(async ({ ctx, input }) => {
      const row = await scoreApplication(
        ctx.deps.db,
        ctx.actor,
        auditOrigin(ctx.actor, ctx.requestId),
        input,
        clockOf(ctx),
      );
      return { total: row.total };
    }),

  /** An expert declares a tie to an enterprise: its applications disappear from their queues and detail. */
  declareConflict: procedureFor(['expert'])
    .input(declareConflictInput)
    .output(compiled(conflictSchema))
    .mutation(async ({ ctx, input }) => {
      const row = await declareConflict(ctx.deps.db, ctx.actor, auditOrigin(ctx.actor, ctx.requestId), input);
      return {
        id: row.id,
        enterpriseId: row.enterprise_id,
        enterpriseName: row.enterpriseName,
        reason: row.reason,
        createdAt: row.created_at.toISOString(),
      };
    }),

  conflicts: procedureFor(['expert'])
    .output(compiled(z.array(conflictSchema)))
    .query(({ ctx }) => listConflicts(ctx.deps.db, ctx.actor)),

  /** A site inspection record (现场考察) in the inspection stage. */
  recordInspection: procedureFor(['expert', 'city_reviewer'])
    .input(inspectionInput)
    .output(compiled(z.object({ id: z.uuid() })))
    .mutation(async ({ ctx, input }) => {
      const row = await recordInspection(
        ctx.deps.db,
        ctx.actor,
        auditOrigin(ctx.actor, ctx.requestId),
        input,
      );
      return { id: row.id };
    }),
} satisfies TRPCRouterRecord;
