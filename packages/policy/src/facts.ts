/**
 * The facts document (shared/POLICY.md, "Facts"): what an application states, as the CLI and the API receive it.
 * One schema per program, discriminated by `program`; a field a program does not use may be absent (and is
 * dropped). Amounts are integer fen ≥ 0, dates real calendar days written YYYY-MM-DD.
 */
import { z } from 'zod';
import { computeVoucherParameters } from './params/compute-voucher';
import { edgeNodeDeploymentParameters } from './params/edge-node-deployment';
import { editionsOf } from './params/table';
import { verticalModelRdParameters } from './params/vertical-model-rd';
import { usccShapeSchema } from './validators/uscc';

export const PROGRAM_IDS = ['compute-voucher', 'vertical-model-rd', 'edge-node-deployment'] as const;
export type ProgramId = (typeof PROGRAM_IDS)[number];

export const programLabels: Record<ProgramId, string> = {
  'compute-voucher': '算力券',
  'vertical-model-rd': '垂直领域模型研发项目',
  'edge-node-deployment': '边端智算节点部署项目',
};

/** Editions each program's parameter tables know; `edition` must name one of them. */
export const programEditions: Record<ProgramId, readonly string[]> = {
  'compute-voucher': editionsOf(computeVoucherParameters),
  'vertical-model-rd': editionsOf(verticalModelRdParameters),
  'edge-node-deployment': editionsOf(edgeNodeDeploymentParameters),
};

/** zod's ISO date format checks real calendar days (leap years included) as dates.ts's isIsoDate does, only faster. */
/** A message for a present-but-wrong value; an absent one is reported as missing. */
export const wrongOrMissing = (text: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? MISSING : text),
});
export const MISSING = '缺少此字段';

export const isoDateSchema = z.iso.date(wrongOrMissing('须为真实存在的日期，格式 YYYY-MM-DD'));
export const fenSchema = z
  .int(wrongOrMissing('金额须为整数（单位：分）'))
  .min(0, { error: '金额不能为负数' });
const countSchema = z.int(wrongOrMissing('须为整数')).min(0, { error: '不能为负数' });

export const APPLICANT_CATEGORIES = [
  'manufacturing',
  'software',
  'university',
  'research_institute',
  'new_rnd_institution',
  'other',
] as const;
export type ApplicantCategory = (typeof APPLICANT_CATEGORIES)[number];

export const REGIONS = ['dongguan', 'guangdong', 'mainland', 'hongkong', 'macao'] as const;
export type Region = (typeof REGIONS)[number];

// Every applicant field is optional here; each program requires the ones its rules read.
const applicantFields = z.object({
  uscc: usccShapeSchema,
  category: z.enum(APPLICANT_CATEGORIES).optional(),
  industrial: z.boolean().optional(),
  registeredInDongguan: z.boolean().optional(),
  operatingInDongguan: z.boolean().optional(),
  independentLegalPerson: z.boolean().optional(),
  abnormalOperationListed: z.boolean(),
  seriousDishonestyListed: z.boolean(),
  fiscalFundingExcluded: z.boolean(),
  researchDishonestyRecorded: z.boolean(),
});

const participantSchema = z.object({
  name: z.string().min(1, { error: '参与单位名称不能为空' }),
  region: z.enum(REGIONS),
  abnormalOperationListed: z.boolean(),
  seriousDishonestyListed: z.boolean(),
});
export type Participant = z.infer<typeof participantSchema>;

function common<P extends ProgramId>(program: P) {
  return {
    program: z.literal(program),
    edition: z.enum(
      programEditions[program] as [string, ...string[]],
      wrongOrMissing(`未知版本；本政策现有版本：${programEditions[program].join('、')}`),
    ),
    asOf: isoDateSchema,
  };
}

export const INVOICE_KINDS = ['invoice_copy', 'deduction_copy', 'none'] as const;

export const paymentSchema = z
  .object({
    id: z.string().min(1, { error: '付款编号不能为空' }),
    viaPlatform: z.boolean(),
    paidOn: isoDateSchema,
    serviceStart: isoDateSchema,
    serviceEnd: isoDateSchema,
    amountFen: fenSchema,
    toDesignatedAccount: z.boolean(),
    invoice: z.enum(INVOICE_KINDS),
  })
  .refine((p) => p.serviceEnd >= p.serviceStart, { error: '服务结束日不能早于开始日', path: ['serviceEnd'] });
export type Payment = z.infer<typeof paymentSchema>;

export const computeVoucherFactsSchema = z.object({
  ...common('compute-voucher'),
  applicant: applicantFields.required({
    category: true,
    registeredInDongguan: true,
    independentLegalPerson: true,
  }),
  relatedToPlatformOrProvider: z.boolean(),
  fundedByOtherFiscalFunds: z.boolean(),
  grantedThisYearFen: fenSchema,
  payments: z.array(paymentSchema),
});

export const verticalModelRdFactsSchema = z
  .object({
    ...common('vertical-model-rd'),
    applicant: applicantFields.required({ operatingInDongguan: true }),
    participants: z.array(participantSchema).optional(),
    fundedByOtherFiscalFunds: z.boolean().optional(),
    baseModelFiled: z.boolean(),
    ipRetainedInDongguan: z.boolean(),
    totalInvestmentFen: fenSchema,
    requestedFen: fenSchema.optional(),
    plannedStart: isoDateSchema,
    plannedEnd: isoDateSchema,
    guidePublishedOn: isoDateSchema,
    contractSignedOn: isoDateSchema.nullable().optional(),
  })
  .refine((f) => f.plannedEnd >= f.plannedStart, { error: '计划结束日不能早于开始日', path: ['plannedEnd'] });

export const HARDWARE_CATEGORIES = [
  'compute_box',
  'industrial_pc',
  'server',
  'other_compute_device',
  'line_retrofit',
] as const;
export const SOFTWARE_CATEGORIES = ['ai_software', 'industrial_software', 'other_software'] as const;

export const investmentItemSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('hardware'),
      category: z.enum(HARDWARE_CATEGORIES),
      newPurchase: z.boolean(),
      amountFen: fenSchema,
    }),
    z.object({
      kind: z.literal('software'),
      category: z.enum(SOFTWARE_CATEGORIES),
      newPurchase: z.boolean(),
      amountFen: fenSchema,
    }),
  ],
  { error: 'kind 须为 hardware（硬件）或 software（软件）' },
);
export type InvestmentItem = z.infer<typeof investmentItemSchema>;

export const edgeNodeDeploymentFactsSchema = z.object({
  ...common('edge-node-deployment'),
  applicant: applicantFields.required({ operatingInDongguan: true, industrial: true }),
  participants: z.array(participantSchema).optional(),
  fundedByOtherFiscalFunds: z.boolean().optional(),
  items: z.array(investmentItemSchema),
  stationsServed: countSchema,
  connectedNodes: countSchema,
});

export const factsSchema = z.discriminatedUnion(
  'program',
  [computeVoucherFactsSchema, verticalModelRdFactsSchema, edgeNodeDeploymentFactsSchema],
  { error: `program 须为 ${PROGRAM_IDS.join('、')} 之一` },
);

export type ComputeVoucherFacts = z.infer<typeof computeVoucherFactsSchema>;
export type VerticalModelRdFacts = z.infer<typeof verticalModelRdFactsSchema>;
export type EdgeNodeDeploymentFacts = z.infer<typeof edgeNodeDeploymentFactsSchema>;
export type Facts = z.infer<typeof factsSchema>;
