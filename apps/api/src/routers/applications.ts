import type { TRPCRouterRecord } from '@trpc/server';
import { idInput } from '../schemas/common';
import {
  afterReviewOutput,
  applicationDetailSchema,
  draftOutput,
  draftVerdictOutput,
  materialInput,
  mineInput,
  mineOutput,
  saveDraftInput,
  submitInput,
  submitOutput,
} from '../schemas/applications';
import { afterReviewOf } from '../services/applications/after-review';
import { clockOf } from '../services/applications/clock';
import { describeApplication } from '../services/applications/detail';
import { createDraft, type DraftResult, draftVerdict, saveDraft } from '../services/applications/drafts';
import { loadOwnApplication } from '../services/applications/load';
import { changeMaterial } from '../services/applications/materials';
import { listMine } from '../services/applications/mine';
import { summaryOf } from '../services/applications/present';
import { submitApplication } from '../services/applications/submit';
import { enterpriseProcedure } from '../trpc';
import { compiled } from '../output-validation';

const draftReply = ({ loaded, issues }: DraftResult, now: Date) => ({
  application: summaryOf(loaded, now),
  issues,
});

/** The applicant's side: drafts, materials, submission, and "my applications" — always of the active enterprise. */
export const applicationsRouter = {
  /** Create a draft (program + edition + idempotency key) or save one (id + version); returns the strict schema's
   * warnings, never refuses an incomplete form. */
  saveDraft: enterpriseProcedure
    .input(saveDraftInput)
    .output(compiled(draftOutput))
    .mutation(async ({ ctx, input }) => {
      const now = clockOf(ctx);
      const result =
        'id' in input
          ? await saveDraft(ctx.deps.db, ctx.enterprise.id, input, now)
          : await createDraft(ctx.deps.db, ctx.actor.userId, ctx.enterprise.id, input, now);
      return draftReply(result, now);
    }),

  /** The policy core's verdict on the form as last saved, as submitting it today would meet it (the confirm step). */
  draftVerdict: enterpriseProcedure
    .input(idInput)
    .output(compiled(draftVerdictOutput))
    .query(async ({ ctx, input }) => {
      const check = await draftVerdict(ctx.deps.db, ctx.enterprise.id, input.id, clockOf(ctx));
      return { issues: check.issues, findings: check.verdict?.findings ?? [] };
    }),

  /** Submit or resubmit: strict checks, frozen submission with tracking number and verdict; idempotent per key. */
  submit: enterpriseProcedure
    .input(submitInput)
    .output(compiled(submitOutput))
    .mutation(async ({ ctx, input }) => {
      const now = clockOf(ctx);
      const { application, submission } = await submitApplication(
        ctx.deps.db,
        { userId: ctx.actor.userId, role: ctx.actor.role, townCode: null },
        ctx.enterprise.id,
        input,
        ctx.requestId,
        now,
      );
      const loaded = await loadOwnApplication(ctx.deps.db, ctx.enterprise.id, application.id);
      const detail = await describeApplication(ctx.deps.db, loaded, now);
      return {
        application: detail.application,
        submission: detail.submissions.find((s) => s.seq === submission.seq)!,
        trackingNumber: application.tracking_number!,
      };
    }),

  attachMaterial: enterpriseProcedure
    .input(materialInput)
    .output(compiled(applicationDetailSchema))
    .mutation(async ({ ctx, input }) => {
      const now = clockOf(ctx);
      const loaded = await changeMaterial(
        ctx.deps.db,
        ctx.actor.userId,
        ctx.enterprise.id,
        input,
        'attach',
        now,
      );
      return describeApplication(ctx.deps.db, loaded, now);
    }),

  detachMaterial: enterpriseProcedure
    .input(materialInput)
    .output(compiled(applicationDetailSchema))
    .mutation(async ({ ctx, input }) => {
      const now = clockOf(ctx);
      const loaded = await changeMaterial(
        ctx.deps.db,
        ctx.actor.userId,
        ctx.enterprise.id,
        input,
        'detach',
        now,
      );
      return describeApplication(ctx.deps.db, loaded, now);
    }),

  /** My applications with their progress timelines (the active enterprise's only). */
  mine: enterpriseProcedure
    .input(mineInput)
    .output(compiled(mineOutput))
    .query(({ ctx, input }) => listMine(ctx.deps.db, ctx.enterprise.id, input, clockOf(ctx))),

  /** One application of the active enterprise: form, materials in checklist order, frozen submissions, timeline. */
  get: enterpriseProcedure
    .input(idInput)
    .output(compiled(applicationDetailSchema))
    .query(async ({ ctx, input }) => {
      const loaded = await loadOwnApplication(ctx.deps.db, ctx.enterprise.id, input.id);
      return describeApplication(ctx.deps.db, loaded, clockOf(ctx));
    }),

  /** After review: the public notice dates (GEN-7) and the payments of one application of the active enterprise. */
  afterReview: enterpriseProcedure
    .input(idInput)
    .output(compiled(afterReviewOutput))
    .query(async ({ ctx, input }) => {
      const loaded = await loadOwnApplication(ctx.deps.db, ctx.enterprise.id, input.id);
      return afterReviewOf(ctx.deps.db, loaded.application.id);
    }),
} satisfies TRPCRouterRecord;
