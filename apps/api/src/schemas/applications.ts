import {
  APPLICANT_CATEGORIES,
  bankAccountSchema,
  dongguanRegionSchema,
  fenSchema,
  investmentItemSchema,
  isoDateSchema,
  mobileSchema,
  PROGRAM_IDS,
  paymentSchema,
  REGIONS,
  usccSchema,
} from '@dg/policy';
import { z } from 'zod';
import { maskedPayeeSchema, paymentKindSchema } from './after-review';
import { findingSchema, idSchema, instantSchema, versionSchema } from './common';

// The application forms, one strict schema per program (what submit demands), and the inputs and outputs of the
// `applications` procedures. Drafts are saved leniently: any JSON object, checked against the strict schema only to
// report warnings. Pure zod + @dg/policy: the mini-program and web apps import these.

export const programIdSchema = z.enum(PROGRAM_IDS, { error: '未知的项目类别' });

/** Bumped when a form's strict schema changes; every draft and frozen submission records the version it used. */
export const formVersions = {
  'compute-voucher': 1,
  'vertical-model-rd': 1,
  'edge-node-deployment': 1,
} as const satisfies Record<(typeof PROGRAM_IDS)[number], number>;

/** Free text as the database can store it: PostgreSQL text and jsonb refuse the NUL character. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // A pattern rather than a refinement, so output schemas that reuse it still compile (output-validation.ts).
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL character is exactly what it refuses
    .regex(/^[^\u0000]*$/, { error: '不能包含控制字符' });
const text = (max: number) => plainText(max).min(1, { error: '不能为空' });
const optionalText = (max: number) => plainText(max).optional();

const personSchema = z.object({
  name: text(40),
  mobile: mobileSchema,
  email: z.email({ error: '电子邮箱格式不正确' }),
});

/** 附件1 一、企业基本情况, plus the applicant facts the GEN rules read (shared by the three programs). */
export const applicantFormSchema = z.object({
  enterpriseName: text(100),
  uscc: usccSchema,
  /** 登记注册类型, e.g. 有限责任公司. */
  registrationType: text(40),
  townCode: dongguanRegionSchema,
  licenceAddress: text(200),
  bankAccountName: text(100),
  bankName: text(100),
  bankAccountNumber: bankAccountSchema,
  legalRep: personSchema,
  contact: personSchema,
  category: z.enum(APPLICANT_CATEGORIES),
  registeredInDongguan: z.boolean(),
  operatingInDongguan: z.boolean(),
  independentLegalPerson: z.boolean(),
  industrial: z.boolean(),
});

/** GEN-3: participating units (at most 3 units per project, lead included, as a rule). */
export const participantFormSchema = z.object({
  name: text(100),
  region: z.enum(REGIONS),
  abnormalOperationListed: z.boolean(),
  seriousDishonestyListed: z.boolean(),
});

/** 算力服务主要用途 (附件1). */
export const computeUses = ['技术开发', '训练', '推理', '测试验证', '应用服务', '其他'] as const;
/** 算力服务应用领域: the 19 listed fields + 其他 (附件1). */
export const computeApplicationFields = [
  '新一代信息技术',
  '高端装备制造',
  '新能源',
  '新材料',
  '现代海洋',
  '医养健康',
  '高端化工',
  '现代高效农业',
  '文旅产业',
  '现代轻工纺织',
  '现代金融服务',
  '新能源汽车',
  '绿色低碳',
  '低空经济',
  '社会治理',
  '教育服务',
  '数字消费',
  '农业与农村',
  '其他',
] as const;

export const computeVoucherFormSchema = z.object({
  program: z.literal('compute-voucher'),
  applicant: applicantFormSchema,
  mainUses: z.array(z.enum(computeUses)).min(1, { error: '请选择算力服务主要用途' }),
  mainUseOther: optionalText(100),
  applicationFields: z.array(z.enum(computeApplicationFields)).min(1, { error: '请选择算力服务应用领域' }),
  applicationFieldOther: optionalText(100),
  /** 算力应用成果. */
  outcomes: z.object({
    modelIncubation: optionalText(100),
    majorProject: optionalText(100),
    other: optionalText(200),
  }),
  /** 算力租赁情况: 合同共 N 份，合同总额，已支付. */
  rentalContractCount: z.int().min(1, { error: '至少 1 份算力租赁合同' }).max(1000),
  contractTotalFen: fenSchema,
  paidFen: fenSchema,
  relatedToPlatformOrProvider: z.boolean(),
  fundedByOtherFiscalFunds: z.boolean(),
  grantedThisYearFen: fenSchema,
  payments: z.array(paymentSchema).min(1, { error: '请填写至少一笔付款' }).max(200),
});

export const verticalModelRdFormSchema = z.object({
  program: z.literal('vertical-model-rd'),
  applicant: applicantFormSchema,
  participants: z.array(participantFormSchema).max(10),
  projectName: text(100),
  summary: text(2000),
  baseModelName: text(100),
  baseModelFilingNumber: optionalText(100),
  baseModelFiled: z.boolean(),
  ipRetainedInDongguan: z.boolean(),
  fundedByOtherFiscalFunds: z.boolean(),
  totalInvestmentFen: fenSchema,
  requestedFen: fenSchema,
  plannedStart: isoDateSchema,
  plannedEnd: isoDateSchema,
  /** The publication date of the yearly guide applied under (RD-5: the project starts on or after it). */
  guidePublishedOn: isoDateSchema,
});

export const edgeNodeDeploymentFormSchema = z.object({
  program: z.literal('edge-node-deployment'),
  applicant: applicantFormSchema,
  participants: z.array(participantFormSchema).max(10),
  projectName: text(100),
  summary: text(2000),
  fundedByOtherFiscalFunds: z.boolean(),
  items: z
    .array(z.intersection(investmentItemSchema, z.object({ description: text(200) })))
    .min(1, { error: '请填写至少一项软硬件投入' })
    .max(500),
  stationsServed: z.int().min(0),
  connectedNodes: z.int().min(0),
});

/** The strict form, checked at submit. */
export const applicationFormSchema = z.discriminatedUnion('program', [
  computeVoucherFormSchema,
  verticalModelRdFormSchema,
  edgeNodeDeploymentFormSchema,
]);
export type ApplicationForm = z.infer<typeof applicationFormSchema>;
export type ComputeVoucherForm = z.infer<typeof computeVoucherFormSchema>;
export type VerticalModelRdForm = z.infer<typeof verticalModelRdFormSchema>;
export type EdgeNodeDeploymentForm = z.infer<typeof edgeNodeDeploymentFormSchema>;

const MAX_DRAFT_CHARS = 200_000;

/** A draft: any JSON object (possibly half filled), bounded in size. */
export const draftFormSchema = z.record(z.string(), z.unknown()).superRefine((form, ctx) => {
  const text = JSON.stringify(form);
  if (text.length > MAX_DRAFT_CHARS) ctx.addIssue({ code: 'custom', message: '表单内容过大' });
  else if (text.includes('\\u0000')) ctx.addIssue({ code: 'custom', message: '表单不能包含控制字符' });
});

export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, { error: '幂等键须为 8–100 位字母、数字、-或_' });

/** Create a draft (no id) or save an existing one (id + the version it was based on). */
export const saveDraftInput = z.union([
  z.object({
    id: idSchema,
    version: versionSchema,
    form: draftFormSchema,
  }),
  z.object({
    program: programIdSchema,
    /** An edition code the policy core has parameters for, e.g. '2025-1'. */
    edition: plainText(20).min(1),
    form: draftFormSchema,
    /** A retried create with the same key returns the same draft. */
    idempotencyKey: idempotencyKeySchema,
  }),
]);

export const submitInput = z.object({
  id: idSchema,
  version: versionSchema,
  /** A double submit with the same key makes one frozen submission and gets it back. */
  idempotencyKey: idempotencyKeySchema,
});

export const materialInput = z.object({
  id: idSchema,
  version: versionSchema,
  itemKey: z.string().regex(/^[a-z]{2}-\d{2}$/, { error: '无效的材料项' }),
  fileId: idSchema,
});

export const mineInput = z.object({
  program: programIdSchema.optional(),
  /** Keyset pagination, newest first: the last item of the previous page. */
  after: z.object({ createdAt: instantSchema, id: idSchema }).optional(),
  limit: z.int().min(1).max(50).default(20),
});

// ── Outputs ──────────────────────────────────────────────────────────────────────────────────────────────────

export const issueSchema = z.object({ path: z.string(), message: z.string() });

export const verdictSchema = z.object({
  program: programIdSchema,
  eligible: z.boolean(),
  subsidyFen: z.int(),
  phase1Fen: z.int().nullable(),
  findings: z.array(findingSchema),
  /** The computation's breakdown (parameters read, lines counted, amounts), as the policy core returns it. */
  basis: z.record(z.string(), z.unknown()),
});

export const timelineSchema = z.object({
  state: z.string(),
  stateLabel: z.string(),
  finished: z.boolean(),
  stages: z.array(
    z.object({
      state: z.string(),
      label: z.string(),
      status: z.enum(['done', 'current', 'next']),
      enteredOn: z.string().optional(),
    }),
  ),
});

/** What every list shows of an application; the applicant's own list shows no more (the enterprise is theirs). */
export const listedApplicationSchema = z.object({
  id: idSchema,
  program: programIdSchema,
  programLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  trackingNumber: z.string().nullable(),
  ceilingFen: z.int().nullable(),
  recognisedFen: z.int().nullable(),
  /** The deadline of the current state (e.g. CV-13 resubmission), its last moment. */
  deadlineAt: instantSchema.nullable(),
  overdue: z.boolean(),
  createdAt: instantSchema,
});
export type ListedApplication = z.infer<typeof listedApplicationSchema>;

export const applicationSummarySchema = listedApplicationSchema.extend({
  edition: z.string(),
  enterpriseId: idSchema,
  enterpriseName: z.string(),
  townCode: z.string(),
  dueSoon: z.boolean(),
  stateEnteredAt: instantSchema,
  submittedAt: instantSchema.nullable(),
  version: z.int(),
});
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

/** A timeline summed up for lists (the policy core's progressOf); the detail carries the whole timeline. */
export const progressSchema = z.object({
  state: z.string(),
  stateLabel: z.string(),
  finished: z.boolean(),
  done: z.int(),
  total: z.int(),
  current: z.object({ state: z.string(), label: z.string() }).nullable(),
});

export const mineItemSchema = listedApplicationSchema.extend({ progress: progressSchema });
export const mineOutput = z.object({
  items: z.array(mineItemSchema),
  next: z.object({ createdAt: instantSchema, id: idSchema }).nullable(),
});

/** Fields the strict form would refuse at submit, by path. */
const draftIssuesSchema = z.array(issueSchema);

export const draftOutput = z.object({
  application: applicationSummarySchema,
  issues: draftIssuesSchema,
});

export const draftVerdictOutput = z.object({
  issues: draftIssuesSchema,
  /** What the policy core says about the form as saved (only once it passes the strict schema), each finding cited. */
  findings: z.array(findingSchema),
});

export const materialItemSchema = z.object({
  key: z.string(),
  order: z.int(),
  title: z.string(),
  parts: z.array(z.string()),
  required: z.boolean(),
  rule: z.string(),
  files: z.array(
    z.object({
      id: idSchema,
      originalName: z.string(),
      mime: z.string(),
      sizeBytes: z.int(),
      sha256: z.string(),
    }),
  ),
});

export const submissionSchema = z.object({
  seq: z.int(),
  edition: z.string(),
  formVersion: z.int(),
  submittedAt: instantSchema,
  submittedBy: idSchema,
  form: z.record(z.string(), z.unknown()),
  verdict: verdictSchema,
});

export const returnReasonSchema = z.object({
  itemKey: z.string().regex(/^([a-z]{2}-\d{2}|form)$/, { error: '无效的材料项' }),
  reason: plainText(500).min(1, { error: '请填写退回原因' }),
});

export const applicationDetailSchema = z.object({
  application: applicationSummarySchema,
  form: z.record(z.string(), z.unknown()),
  formVersion: z.int(),
  materials: z.array(materialItemSchema),
  submissions: z.array(submissionSchema),
  timeline: timelineSchema,
  /** The reasons of the latest return for correction (CV-13), per material, while it is the current round. */
  returnReasons: z.array(returnReasonSchema),
});

export const submitOutput = z.object({
  application: applicationSummarySchema,
  submission: submissionSchema,
  trackingNumber: z.string(),
});

/** After review, what the applicant may see of its own application: the public notice (GEN-7) and its payments. */
export const afterReviewOutput = z.object({
  /** The latest published notice the application was on, or null if it has not been on one. */
  notice: z
    .object({
      startsOn: isoDateSchema,
      endsOn: isoDateSchema,
      state: z.enum(['published', 'closed']),
      outcome: z.enum(['listed', 'withdrawn', 'cleared']),
      statusLabel: z.string(),
    })
    .nullable(),
  payments: z.array(
    z.object({
      id: idSchema,
      kind: paymentKindSchema,
      kindLabel: z.string(),
      /** This application's share of the payment (one payment may carry several of the enterprise's subsidies). */
      amountFen: fenSchema,
      paymentFen: fenSchema,
      description: z.string(),
      /** A state of the policy core's paymentWorkflow, with its label. */
      state: z.string(),
      stateLabel: z.string(),
      paidOn: isoDateSchema.nullable(),
      payee: maskedPayeeSchema,
    }),
  ),
});
