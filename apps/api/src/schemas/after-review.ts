import {
  fenSchema,
  isoDateSchema,
  PROGRAM_IDS,
  parameterOverrideSchema,
  paymentWorkflow,
  eventSchema,
} from '@dg/policy';
import { z } from 'zod';
import { findingSchema, idSchema, instantSchema, versionSchema } from './common';

// Inputs and outputs of the after-review procedures: notices, opinions, funding plans, budgets, payments, R&D
// contracts.

const text = (max: number) => z.string().trim().min(1, { error: '不能为空' }).max(max);
const ids = z.array(idSchema).min(1, { error: '请至少选择一个申报' }).max(500);
const versioned = z.object({ id: idSchema, version: versionSchema });
const programId = z.enum(PROGRAM_IDS);

export const createNoticeInput = z.object({
  programId,
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

/** 免申即享: one program edition the enterprise may (or may not yet) apply to, for the mini-program's home page. */
export const programMatchSchema = z.object({
  programId,
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

// ── Outputs ──────────────────────────────────────────────────────────────────────────────────────────────────

/** An application's workflow position after an event fired on it. */
export const applicationStateOutput = z.object({ id: idSchema, state: z.string(), version: z.int() });

export const noticeBatchStateSchema = z.enum(['draft', 'published', 'closed']);
export const objectionStatusSchema = z.enum(['open', 'upheld', 'dismissed']);

export const noticeBatchSummarySchema = z.object({
  id: idSchema,
  programId,
  title: z.string(),
  state: noticeBatchStateSchema,
  startsOn: isoDateSchema.nullable(),
  endsOn: isoDateSchema.nullable(),
  version: z.int(),
});
export const noticeBatchListOutput = z.array(noticeBatchSummarySchema);

export const noticeItemSchema = z.object({
  seq: z.int(),
  applicationId: idSchema,
  trackingNumber: z.string().nullable(),
  enterpriseName: z.string(),
  townCode: z.string(),
  projectName: z.string(),
  amountFen: fenSchema,
  outcome: z.enum(['listed', 'withdrawn', 'cleared']),
  state: z.string(),
});
export const noticeObjectionSchema = z.object({
  id: idSchema,
  applicationId: idSchema,
  objector: z.string(),
  content: z.string(),
  receivedOn: isoDateSchema,
  status: objectionStatusSchema,
  resolution: z.string().nullable(),
  version: z.int(),
});
/** The notice as the organisers see it: its rows and the objections received. */
export const noticeDetailSchema = noticeBatchSummarySchema.extend({
  items: z.array(noticeItemSchema),
  objections: z.array(noticeObjectionSchema),
});
/** The public page: objections are not public. */
export const publishedNoticeSchema = noticeDetailSchema.omit({ objections: true });

/** A notice batch as its row is stored (create, publish and close answer with it). */
export const noticeBatchRowSchema = z.object({
  id: idSchema,
  program_id: z.string(),
  title: z.string(),
  state: noticeBatchStateSchema,
  starts_on: isoDateSchema.nullable(),
  ends_on: isoDateSchema.nullable(),
  created_by: idSchema,
  published_by: idSchema.nullable(),
  published_at: instantSchema.nullable(),
  closed_at: instantSchema.nullable(),
  created_at: instantSchema,
  updated_at: instantSchema,
  version: z.int(),
});

export const objectionOutput = z.object({ id: idSchema, status: objectionStatusSchema, version: z.int() });

export const opinionSchema = z.object({
  id: idSchema,
  kind: recordOpinionInput.shape.kind,
  unitName: z.string(),
  agrees: z.boolean(),
  content: z.string(),
  createdAt: instantSchema,
});
export const opinionsOutput = z.array(opinionSchema);
export const recordOpinionOutput = z.object({ id: idSchema });

export const fundingPlanStateSchema = z.enum(['draft', 'submitted', 'approved', 'declined']);

/** The 资助计划 table: one row per application, with what the budget granted once approved. */
export const fundingPlanDetailSchema = z.object({
  id: idSchema,
  programId,
  editionId: idSchema,
  title: z.string(),
  state: fundingPlanStateSchema,
  version: z.int(),
  decisionReference: z.string().nullable(),
  items: z.array(
    z.object({
      seq: z.int(),
      applicationId: idSchema,
      trackingNumber: z.string().nullable(),
      enterpriseName: z.string(),
      uscc: z.string(),
      townCode: z.string(),
      projectName: z.string(),
      requestedFen: fenSchema,
      /** Null until the plan's approval drew on the budget. */
      grantedFen: fenSchema.nullable(),
      cutFen: fenSchema.nullable(),
      state: z.string(),
    }),
  ),
});

/** A funding plan as its row is stored (create and submit answer with it). */
export const fundingPlanRowSchema = z.object({
  id: idSchema,
  program_id: z.string(),
  edition_id: idSchema,
  title: z.string(),
  state: fundingPlanStateSchema,
  created_by: idSchema,
  submitted_at: instantSchema.nullable(),
  decided_by: idSchema.nullable(),
  decided_at: instantSchema.nullable(),
  decision_reference: z.string().nullable(),
  created_at: instantSchema,
  updated_at: instantSchema,
  version: z.int(),
});

/** What each application drew from the budget, in order of final approval (CV-11). */
export const fundingPlanApprovalOutput = z.array(
  z.object({ applicationId: idSchema, requestedFen: fenSchema, grantedFen: fenSchema, cutFen: fenSchema }),
);

/** An edition's budget, the ledger drawn from it (CV-11) and the managing unit's lowered parameters. */
export const budgetSummarySchema = z.object({
  editionId: idSchema,
  programId: z.string(),
  code: z.string(),
  version: z.int(),
  budgetFen: fenSchema.nullable(),
  grantedFen: fenSchema,
  remainingFen: fenSchema.nullable(),
  parameterOverrides: z.array(parameterOverrideSchema),
  allocations: z.array(
    z.object({
      seq: z.int(),
      applicationId: idSchema,
      enterpriseName: z.string(),
      requestedFen: fenSchema,
      grantedFen: fenSchema,
      cutFen: fenSchema,
    }),
  ),
});

export const paymentKindSchema = z.enum(['disbursement', 'rd_phase1', 'rd_phase2', 'reclaim']);
/** The account as shown: the number is masked. */
export const maskedPayeeSchema = z.object({
  accountName: z.string(),
  bank: z.string(),
  accountNumber: z.string(),
});

export const paymentSummarySchema = z.object({
  id: idSchema,
  kind: paymentKindSchema,
  /** A state of the policy core's paymentWorkflow. */
  state: z.string(),
  amountFen: fenSchema,
  version: z.int(),
  enterpriseId: idSchema,
});
export const paymentListOutput = z.array(paymentSummarySchema);

export const paymentDetailSchema = paymentSummarySchema.extend({
  payee: maskedPayeeSchema,
  failureReason: z.string().nullable(),
  bankReference: z.string().nullable(),
  paidAt: instantSchema.nullable(),
  lines: z.array(
    z.object({
      applicationId: idSchema,
      programId: z.string(),
      amountFen: fenSchema,
      description: z.string(),
    }),
  ),
  history: z.array(
    z.object({
      event: z.string(),
      /** Null for the payment's creation. */
      from: z.string().nullable(),
      to: z.string(),
      role: z.string(),
      reason: z.string().nullable(),
      at: instantSchema,
    }),
  ),
});

export const contractChangeKindSchema = z.enum(['major', 'minor', 'extension']);
export const contractChangeStateSchema = z.enum(['pending', 'approved', 'rejected', 'filed']);

/** A 任务书 with its changes and what the project has received so far. */
export const contractDetailSchema = z.object({
  id: idSchema,
  applicationId: idSchema,
  applicationState: z.string(),
  applicationVersion: z.int(),
  contractNumber: z.string(),
  terms: z.string(),
  indicators: z.array(indicatorSchema),
  signedOn: isoDateSchema,
  startOn: isoDateSchema,
  originalEndOn: isoDateSchema,
  endOn: isoDateSchema,
  extensionsGranted: z.int(),
  approvedGrantFen: fenSchema,
  phase1Fen: fenSchema,
  actualInvestmentFen: fenSchema.nullable(),
  /** Paid minus reclaimed. */
  receivedFen: z.int(),
  acceptance: z.record(z.string(), z.unknown()).nullable(),
  settlement: z.record(z.string(), z.unknown()).nullable(),
  closure: z.record(z.string(), z.unknown()).nullable(),
  changes: z.array(
    z.object({
      id: idSchema,
      kind: contractChangeKindSchema,
      subject: z.string(),
      description: z.string(),
      changedOn: isoDateSchema.nullable(),
      requestedEndOn: isoDateSchema.nullable(),
      state: contractChangeStateSchema,
      decisionNote: z.string().nullable(),
    }),
  ),
});

/** A contract change as its row is stored (filing, requesting and deciding one answer with it). */
export const contractChangeRowSchema = z.object({
  id: idSchema,
  contract_id: idSchema,
  kind: contractChangeKindSchema,
  subject: z.string(),
  description: z.string(),
  changed_on: isoDateSchema.nullable(),
  requested_end_on: isoDateSchema.nullable(),
  state: contractChangeStateSchema,
  filed_by: idSchema,
  filed_at: instantSchema,
  decided_by: idSchema.nullable(),
  decided_at: instantSchema.nullable(),
  decision_note: z.string().nullable(),
});

/** RD-7 and, on a pass, RD-4's phase 2 settlement with the amounts it was computed from. */
export const acceptanceDecisionOutput = z.object({
  passed: z.boolean(),
  settlement: z
    .object({
      finalGrantFen: fenSchema,
      phase2Fen: fenSchema,
      reclaimFen: fenSchema,
      message: z.string(),
      amounts: z.array(z.object({ name: z.string(), rule: z.string(), fen: z.int(), label: z.string() })),
    })
    .nullable(),
});

/** What the policy core says a closure (RD-8, RD-10) means for the project's money and record. */
export const closureOutput = z.object({
  rule: z.string(),
  article: z.string(),
  stopsPayments: z.literal(true),
  reclaimFen: fenSchema,
  dishonestyRecord: z.boolean(),
  message: z.string(),
});

export const markReadOutput = z.object({ updated: z.int() });

/** GEN-4 / CV-10: another live application of the enterprise that claims the same payments, items or project. */
export const duplicatesOutput = z.array(
  z.object({
    otherApplicationId: idSchema,
    otherTrackingNumber: z.string().nullable(),
    otherProgramId: programId,
    otherState: z.string(),
    finding: findingSchema,
  }),
);
