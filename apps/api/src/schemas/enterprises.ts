import {
  APPLICANT_CATEGORIES,
  bankAccountSchema,
  dongguanRegionSchema,
  mobileSchema,
  usccSchema,
} from '@dg/policy';
import { z } from 'zod';
import { idSchema, instantSchema, versionSchema } from './common';

export const enterpriseCategorySchema = z.enum(APPLICANT_CATEGORIES);

export const smsCodeSchema = z.string().regex(/^\d{6}$/, '验证码为 6 位数字');

/** Binding a WeChat user to an existing enterprise as its owner: the legal representative's mobile + SMS code. */
export const bindEnterpriseInput = z.object({
  uscc: usccSchema,
  legalRepMobile: mobileSchema,
  smsCode: smsCodeSchema,
});

/** Registering an enterprise not yet on the platform; the caller becomes its owner. */
export const registerEnterpriseInput = z.object({
  uscc: usccSchema,
  name: z.string().trim().min(2).max(100),
  category: enterpriseCategorySchema,
  townCode: dongguanRegionSchema,
  industrial: z.boolean(),
  legalRepName: z.string().trim().min(1).max(40),
  legalRepMobile: mobileSchema,
  address: z.string().trim().max(200).optional(),
  smsCode: smsCodeSchema,
});

export const updateEnterpriseInput = z.object({
  id: idSchema,
  version: versionSchema,
  address: z.string().trim().max(200).nullable().optional(),
  bankAccountName: z.string().trim().min(1).max(100).optional(),
  bankName: z.string().trim().min(1).max(100).optional(),
  bankAccountNumber: bankAccountSchema.optional(),
});

export const updateCreditInput = z.object({
  id: idSchema,
  version: versionSchema,
  abnormalOperationListed: z.boolean(),
  seriousDishonestyListed: z.boolean(),
  /** Where the flags were checked, e.g. 信用中国 (www.creditchina.gov.cn). */
  source: z.string().trim().min(1).max(200),
});

export const listEnterprisesInput = z.object({
  townCode: dongguanRegionSchema.optional(),
  query: z.string().trim().max(100).optional(),
  /** Keyset pagination: the last id of the previous page (ordered by name, id). */
  after: z.object({ name: z.string(), id: idSchema }).optional(),
  limit: z.int().min(1).max(100).default(20),
});

export const inviteOutput = z.object({ code: z.string(), expiresAt: instantSchema });
export const acceptInviteInput = z.object({ code: z.string().trim().min(6).max(64) });

export const enterpriseSummarySchema = z.object({
  id: idSchema,
  uscc: z.string(),
  name: z.string(),
  category: enterpriseCategorySchema,
  townCode: z.string(),
  industrial: z.boolean(),
});

export const enterpriseSchema = enterpriseSummarySchema.extend({
  abnormalOperationListed: z.boolean(),
  seriousDishonestyListed: z.boolean(),
  creditCheckedAt: instantSchema.nullable(),
  creditSource: z.string().nullable(),
  bankAccountName: z.string().nullable(),
  bankName: z.string().nullable(),
  /** Masked except for the enterprise's own members. */
  bankAccountNumber: z.string().nullable(),
  legalRepName: z.string(),
  /** Masked except for the enterprise's own members. */
  legalRepMobile: z.string(),
  address: z.string().nullable(),
  version: z.int(),
  updatedAt: instantSchema,
});

export const memberSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  memberRole: z.enum(['owner', 'member']),
  since: instantSchema,
});
