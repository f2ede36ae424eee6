import { dongguanRegionSchema, fenSchema, isoDateSchema, usccSchema } from '@dg/policy';
import { z } from 'zod';
import {
  applicationDetailSchema,
  applicationSummarySchema,
  plainText,
  programIdSchema,
  returnReasonSchema,
  verdictSchema,
} from './applications';
import { idSchema, instantSchema, versionSchema } from './common';

// Inputs and outputs of the `reviews` procedures (reviewer web app). Pure zod + @dg/policy.

/** The expert scoring rubric: compliance, feasibility, innovation (细则 7(二), 20(二): 合规性、可行性、创新性). */
export const expertRubric = [
  { key: 'compliance', label: '合规性', max: 30 },
  { key: 'feasibility', label: '可行性', max: 35 },
  { key: 'innovation', label: '创新性', max: 35 },
] as const;

export const rubricScoresSchema = z.object({
  compliance: z.int().min(0).max(30),
  feasibility: z.int().min(0).max(35),
  innovation: z.int().min(0).max(35),
});

export const queueInput = z.object({
  /** A state of the program's workflow; default: every state in which the caller's role has something to do. */
  state: plainText(40).min(1).optional(),
  program: programIdSchema.optional(),
  edition: plainText(20).min(1).optional(),
  townCode: dongguanRegionSchema.optional(),
  deadline: z.enum(['due_soon', 'overdue']).optional(),
  /** Bounds on the recognised amount, or the ceiling while none is recognised. */
  minAmountFen: fenSchema.optional(),
  maxAmountFen: fenSchema.optional(),
  /** An enterprise name (part of it), a USCC, or a tracking number. */
  search: plainText(60).min(1).optional(),
  /** Keyset pagination, oldest in the stage first: the last item of the previous page. */
  after: z.object({ stateEnteredAt: instantSchema, id: idSchema }).optional(),
  limit: z.int().min(1).max(100).default(20),
});

export const queueOutput = z.object({
  items: z.array(applicationSummarySchema),
  next: z.object({ stateEnteredAt: instantSchema, id: idSchema }).nullable(),
});

export const decideInput = z.object({
  id: idSchema,
  version: versionSchema,
  /** A workflow event name, e.g. pass_qualification, pass_town, approve_final. */
  event: plainText(60).min(1),
  reason: plainText(1000).optional(),
  /** Final review: the amount recognised, in fen, within the policy ceiling. */
  recognisedFen: fenSchema.optional(),
});

export const returnForCorrectionInput = z.object({
  id: idSchema,
  version: versionSchema,
  /** What to correct, per material item (or 'form' for the form itself). */
  reasons: z.array(returnReasonSchema).min(1, { error: '请逐项填写退回原因' }).max(30),
  note: plainText(1000).optional(),
});

export const scoreInput = z.object({
  id: idSchema,
  scores: rubricScoresSchema,
  comment: plainText(2000).optional(),
});

export const declareConflictInput = z.object({
  uscc: usccSchema,
  reason: plainText(500).min(2, { error: '请说明关联关系' }),
});

export const inspectionInput = z.object({
  id: idSchema,
  visitedOn: isoDateSchema,
  result: z.enum(['pass', 'fail', 'needs_followup']),
  findings: plainText(5000).min(1),
  fileIds: z.array(idSchema).max(50).default([]),
});

export const historyEntrySchema = z.object({
  id: z.int(),
  event: z.string(),
  eventLabel: z.string(),
  fromState: z.string(),
  toState: z.string().nullable(),
  accepted: z.boolean(),
  actorUserId: idSchema.nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: instantSchema,
});

export const reviewDetailSchema = applicationDetailSchema.extend({
  enterprise: z.object({ id: idSchema, name: z.string(), uscc: z.string(), townCode: z.string() }),
  /** The verdict of the latest frozen submission: findings with articles, and the ceiling's breakdown. */
  verdict: verdictSchema.nullable(),
  history: z.array(historyEntrySchema),
  approvals: z.array(
    z.object({ event: z.string(), approvedAt: instantSchema, voidedAt: instantSchema.nullable() }),
  ),
  scores: z.array(
    z.object({
      expertUserId: idSchema,
      expertName: z.string(),
      scores: z.record(z.string(), z.number()),
      total: z.int(),
      comment: z.string().nullable(),
    }),
  ),
  inspections: z.array(
    z.object({
      inspectorName: z.string(),
      visitedOn: z.string(),
      result: z.string(),
      findings: z.string(),
      fileIds: z.array(idSchema),
    }),
  ),
  /** The events the caller's role may try now, with their labels (guards are checked when fired). */
  actions: z.array(z.object({ event: z.string(), label: z.string() })),
});

export const conflictSchema = z.object({
  id: idSchema,
  enterpriseId: idSchema,
  enterpriseName: z.string(),
  reason: z.string(),
  createdAt: instantSchema,
});
