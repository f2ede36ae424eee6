import { bankAccountSchema, INVOICE_KINDS, mobileSchema, paymentSchema, residentIdSchema } from '@dg/policy';
import { z } from 'zod';
import { idSchema, instantSchema } from './common';

// The compute service platform (算力服务平台): ordering rights, the marketplace (算力广场), orders with approval and
// provisioning, metering, bills and payments — the platform evidence for the compute voucher (CV-2, CV-5..CV-8).

const fen = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const positiveFen = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
const isoDate = z.iso.date();

export const COMPUTE_BILLINGS = ['subscription', 'metered'] as const;
export const computeBillingLabels = { subscription: '包年包月', metered: '按量计费' } as const;

export const COMPUTE_ORDER_STATES = [
  'submitted',
  'in_approval',
  'approved',
  'rejected',
  'contracted',
  'provisioned',
  'completed',
  'cancelled',
] as const;
export type ComputeOrderState = (typeof COMPUTE_ORDER_STATES)[number];
export const computeOrderStateLabels: Record<ComputeOrderState, string> = {
  submitted: '待审批',
  in_approval: '审批中',
  approved: '已批准，待签约',
  rejected: '已驳回',
  contracted: '已签约，待开通',
  provisioned: '已开通',
  completed: '已结束',
  cancelled: '已取消',
};
/** The platform's approval stages (开始 → 审批中 → 结束) for an order state. */
export function approvalStageOf(state: ComputeOrderState): '开始' | '审批中' | '结束' {
  return state === 'submitted' ? '开始' : state === 'in_approval' ? '审批中' : '结束';
}

// ---- Ordering rights ----

export const applyComputeAccountInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, '用户名为 4–32 位字母、数字或下划线，以字母开头'),
  contactName: z.string().trim().min(1).max(40),
  contactMobile: mobileSchema,
  companyEmail: z.email({ error: '请填写有效的企业邮箱' }),
  address: z.string().trim().min(1).max(200),
  scenario: z.string().trim().min(1).max(500),
  staffSize: z.enum(['<50', '50-299', '300-999', '1000+']),
  industry: z.string().trim().min(1).max(60),
});

export const submitComputeIdentityInput = z.object({
  holderName: z.string().trim().min(1).max(40),
  idNumber: residentIdSchema,
  frontFileId: idSchema,
  backFileId: idSchema,
});

export const reviewComputeAccountInput = z.object({
  enterpriseId: idSchema,
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500).optional(),
});

export const listComputeAccountsInput = z
  .object({ registrationStatus: z.enum(['pending', 'approved', 'rejected']).optional() })
  .default({});

export const computeAccountSchema = z.object({
  enterpriseId: idSchema,
  enterpriseName: z.string(),
  username: z.string(),
  contactName: z.string(),
  contactMobile: z.string(),
  companyEmail: z.string(),
  address: z.string(),
  scenario: z.string(),
  staffSize: z.string(),
  industry: z.string(),
  registrationStatus: z.enum(['pending', 'approved', 'rejected']),
  identityStatus: z.enum(['none', 'pending', 'verified', 'rejected']),
  idHolderName: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  reviewNote: z.string().nullable(),
  orderingRights: z.boolean(),
});

// ---- Products ----

export const computeProductInput = z.object({
  name: z.string().trim().min(1).max(100),
  spec: z.string().trim().min(1).max(500),
  billing: z.enum(COMPUTE_BILLINGS),
  /** Per month (包年包月) or per hour (按量), in fen. */
  priceFen: positiveFen,
  productType: z.string().trim().min(1).max(40),
  resourceType: z.string().trim().min(1).max(40),
  providerName: z.string().trim().min(1).max(100),
  /** The provider's designated account (CV-6): payments to any other account do not count. */
  payeeAccountName: z.string().trim().min(1).max(100),
  payeeBank: z.string().trim().min(1).max(100),
  payeeAccountNumber: bankAccountSchema,
});
export const updateComputeProductInput = computeProductInput.partial().extend({ id: idSchema });

export const listComputeProductsInput = z
  .object({ includeUnpublished: z.boolean().default(false), billing: z.enum(COMPUTE_BILLINGS).optional() })
  .default({ includeUnpublished: false });

export const computeProductSchema = z.object({
  id: idSchema,
  name: z.string(),
  spec: z.string(),
  billing: z.enum(COMPUTE_BILLINGS),
  priceFen: fen,
  priceUnit: z.enum(['month', 'hour']),
  productType: z.string(),
  resourceType: z.string(),
  providerName: z.string(),
  payeeAccountName: z.string(),
  payeeBank: z.string(),
  /** Masked for everyone but the compute operators. */
  payeeAccountNumber: z.string(),
  published: z.boolean(),
  publishedAt: instantSchema.nullable(),
});

// ---- Orders ----

export const createComputeOrderInput = z.object({
  productId: idSchema,
  quantity: z.int().min(1).max(1000),
  /** 包年包月: months (12 a year); 按量: omitted. */
  durationMonths: z.int().min(1).max(60).optional(),
  useVoucher: z.boolean().default(false),
});

export const computeOrderActionInput = z.object({
  id: idSchema,
  note: z.string().trim().max(500).optional(),
});
export const decideComputeOrderInput = computeOrderActionInput.extend({
  decision: z.enum(['approve', 'reject']),
});
export const signComputeContractInput = z.object({
  id: idSchema,
  contractNo: z.string().trim().min(1).max(60),
  signedOn: isoDate,
  fileId: idSchema.optional(),
});
export const computeAccessDetailsSchema = z.object({
  host: z.string().trim().min(1).max(200),
  port: z.int().min(1).max(65535).optional(),
  account: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export const provisionComputeOrderInput = z.object({
  id: idSchema,
  serviceStart: isoDate,
  access: computeAccessDetailsSchema,
});
export const completeComputeOrderInput = z.object({ id: idSchema, serviceEnd: isoDate.optional() });

export const listComputeOrdersInput = z
  .object({
    enterpriseId: idSchema.optional(),
    state: z.enum(COMPUTE_ORDER_STATES).optional(),
    limit: z.int().min(1).max(200).default(50),
    offset: z.int().min(0).default(0),
  })
  .default({ limit: 50, offset: 0 });

export const computeOrderSchema = z.object({
  id: idSchema,
  orderNo: z.string(),
  enterpriseId: idSchema,
  enterpriseName: z.string(),
  /** 订购人, masked for everyone but the ordering enterprise. */
  orderedBy: z.string(),
  productId: idSchema,
  productName: z.string(),
  spec: z.string(),
  billing: z.enum(COMPUTE_BILLINGS),
  unitPriceFen: fen,
  priceUnit: z.string(),
  durationMonths: z.int().nullable(),
  quantity: z.int(),
  amountFen: fen.nullable(),
  useVoucher: z.boolean(),
  state: z.enum(COMPUTE_ORDER_STATES),
  approvalStage: z.enum(['开始', '审批中', '结束']),
  decisionNote: z.string().nullable(),
  contractNo: z.string().nullable(),
  contractSignedOn: z.string().nullable(),
  serviceStart: z.string().nullable(),
  serviceEnd: z.string().nullable(),
  /** Masked access details (the ordering enterprise reads them in full through `accessDetails`). */
  access: z.object({ host: z.string(), account: z.string(), password: z.string() }).nullable(),
  createdAt: instantSchema,
});
export const computeOrderListSchema = z.object({ items: z.array(computeOrderSchema), total: z.int() });

// ---- Metering, bills, payments ----

export const recordComputeUsageInput = z.object({
  orderId: idSchema,
  periodStart: isoDate,
  periodEnd: isoDate,
  /** A decimal quantity as text, e.g. "720" card-hours. */
  quantity: z.string().regex(/^\d{1,12}(\.\d{1,4})?$/, '用量为非负数，最多 4 位小数'),
  unit: z.string().trim().min(1).max(20),
  amountFen: fen,
});
export const computeUsageRecordSchema = recordComputeUsageInput.extend({
  id: idSchema,
  createdAt: instantSchema,
});

export const issueComputeBillInput = z.object({
  orderId: idSchema,
  periodStart: isoDate,
  periodEnd: isoDate,
  issuedOn: isoDate,
  /** Default: the order's usage records in the period (按量), or the order amount pro rata by days (包年包月). */
  amountFen: positiveFen.optional(),
});
export const computeBillSchema = z.object({
  id: idSchema,
  billNo: z.string(),
  orderId: idSchema,
  orderNo: z.string(),
  enterpriseId: idSchema,
  periodStart: z.string(),
  periodEnd: z.string(),
  amountFen: fen,
  issuedOn: z.string(),
  status: z.enum(['unpaid', 'paid']),
});

export const recordComputePaymentInput = z.object({
  billId: idSchema,
  paidOn: isoDate,
  amountFen: positiveFen,
  payeeAccountName: z.string().trim().min(1).max(100),
  payeeBank: z.string().trim().min(1).max(100),
  payeeAccountNumber: bankAccountSchema,
  invoiceType: z.enum(INVOICE_KINDS),
  invoiceNo: z.string().trim().max(60).optional(),
});
export const computePaymentSchema = z.object({
  id: idSchema,
  billId: idSchema,
  billNo: z.string(),
  orderNo: z.string(),
  enterpriseId: idSchema,
  paidOn: z.string(),
  amountFen: fen,
  payeeAccountName: z.string(),
  payeeBank: z.string(),
  payeeAccountNumber: z.string(),
  invoiceType: z.enum(INVOICE_KINDS),
  invoiceNo: z.string().nullable(),
});

export const computeEnterpriseFilterInput = z.object({ enterpriseId: idSchema.optional() }).default({});
export const computeOrderFilterInput = z
  .object({ orderId: idSchema.optional(), enterpriseId: idSchema.optional() })
  .default({});

/** The compute voucher's `payments[]` facts (POLICY.md) from the platform's own records. */
export const voucherEvidenceSchema = z.array(paymentSchema);
