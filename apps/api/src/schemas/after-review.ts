import { fenSchema, isoDateSchema, PROGRAM_IDS, paymentWorkflow, eventSchema } from '@dg/policy';
import { z } from 'zod';
import { idSchema, versionSchema } from './common';

// Inputs of the after-review procedures: notices, opinions, funding plans, budgets, payments, R&D contracts.

const text = (max: number) => z.string().trim().min(1, { error: '不能为空' }).max(max);
const ids = z.array(idSchema).min(1, { error: '请至少选择一个申报' }).max(500);
const versioned = z.object({ id: idSchema, version: versionSchema });

export const createNoticeInput = z.object({
  programId: z.enum(PROGRAM_IDS),
  title: text(100),
  applicationIds: ids,
});
export const publishNoticeInput = versioned.extend({ startsOn: isoDateSchema });
export const recordObjectionInput = z.object({
  batchId: idSchema,
  applicationId: idSchema,
  objector: text(100),
  content: text(2000),
  receivedOn: isoDateSchema,
});
export const resolveObjectionInput = versioned.extend({ upheld: z.boolean(), resolution: text(2000) });

export const recordOpinionInput = z.object({
  applicationId: idSchema,
  kind: z.enum(['department', 'town']),
  unitName: text(100),
  agrees: z.boolean(),
  content: text(2000),
});
export const concludeConsultationInput = z.object({ applicationId: idSchema, version: versionSchema });

export const createFundingPlanInput = z.object({
  editionId: idSchema,
  title: text(100),
  applicationIds: ids,
});
export const approveFundingPlanInput = versioned.extend({ decisionReference: text(100) });
export const updateEditionInput = z.object({
  editionId: idSchema,
  version: versionSchema,
  budgetFen: fenSchema.optional(),
  /** CV-11 rows: { parameter, edition, from, value, reference }; the policy core refuses a raise. */
  parameterOverrides: z.array(z.unknown()).max(50).optional(),
});

const payeeSchema = z.object({
  accountName: text(100),
  bank: text(100),
  accountNumber: z.string().regex(/^\d{8,30}$/, { error: '银行账号须为 8–30 位数字' }),
});
export const prepareDisbursementInput = z.object({ applicationIds: ids });
export const prepareRdPaymentInput = z.object({ applicationId: idSchema });
export const firePaymentInput = versioned.extend({
  event: eventSchema(paymentWorkflow),
  reason: text(500).optional(),
  bankReference: text(100).optional(),
  payee: payeeSchema.optional(),
});
export const listPaymentsInput = z.object({
  state: z.string().max(40).optional(),
  applicationId: idSchema.optional(),
});

export const indicatorSchema = z.object({ key: text(40), name: text(100), target: text(500) });
export const signRdContractInput = z.object({
  applicationId: idSchema,
  version: versionSchema,
  contractNumber: text(60),
  terms: text(5000),
  indicators: z.array(indicatorSchema).min(1, { error: '任务书须有考核指标' }).max(50),
  signedOn: isoDateSchema,
  startOn: isoDateSchema,
  endOn: isoDateSchema,
});
export const fileChangeInput = z.object({
  applicationId: idSchema,
  kind: z.enum(['major', 'minor']),
  subject: text(100),
  description: text(2000),
  changedOn: isoDateSchema.optional(),
});
export const requestExtensionInput = z.object({
  applicationId: idSchema,
  requestedEnd: isoDateSchema,
  description: text(2000),
});
export const decideChangeInput = z.object({ changeId: idSchema, approve: z.boolean(), note: text(2000) });
export const applyAcceptanceInput = z.object({ applicationId: idSchema, actualInvestmentFen: fenSchema });
export const decideAcceptanceInput = z.object({
  applicationId: idSchema,
  scores: z
    .array(z.object({ key: text(40), achieved: z.boolean(), note: z.string().max(500) }))
    .min(1)
    .max(50),
});
export const closureNoteInput = z.object({ applicationId: idSchema, note: text(2000) });
export const terminateForcedInput = z.object({ applicationId: idSchema, reason: text(2000) });
export const reportRelocationInput = z.object({ applicationId: idSchema, newAddress: text(200) });
export const notificationsInput = z.object({ unreadOnly: z.boolean().default(false) });
export const markReadInput = z.object({ ids: z.array(idSchema).max(200) });

const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['blocking', 'warning', 'info']),
  article: z.string(),
  message: z.string(),
});

/** 免申即享: one program edition the enterprise may (or may not yet) apply to, for the mini-program's home page. */
export const programMatchSchema = z.object({
  programId: z.enum(PROGRAM_IDS),
  programLabel: z.string(),
  editionId: idSchema,
  edition: z.string(),
  title: z.string(),
  canApplyNow: z.boolean(),
  estimatedCeilingFen: fenSchema,
  /** Why not (blocking findings, each with rule and article). */
  reasons: z.array(z.string()),
  findings: z.array(findingSchema),
  /** What the estimate assumes beyond the platform's records. */
  assumptions: z.array(z.string()),
});
export const matchingOutput = z.array(programMatchSchema);

export const notificationSchema = z.object({
  id: idSchema,
  applicationId: idSchema.nullable(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A role-queue item rather than a personal message. */
  queue: z.boolean(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const notificationsOutput = z.array(notificationSchema);
