import { mobileSchema, roleSchema } from '@dg/policy';
import { z } from 'zod';
import { idSchema, instantSchema } from './common';

export const staffLoginInput = z.object({
  login: z.string().trim().min(1, '请输入账号').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const wechatLoginInput = z.object({
  /** The code from wx.login(). */
  code: z.string().trim().min(1).max(128),
});

export const smsPurposeSchema = z.enum(['bind_enterprise', 'register_enterprise']);

export const requestSmsCodeInput = z.object({
  mobile: mobileSchema,
  purpose: smsPurposeSchema,
});

export const requestSmsCodeOutput = z.object({
  expiresAt: instantSchema,
  /** Only with the development SMS adapter: the code, so a developer can log in without a phone. */
  devCode: z.string().nullable(),
});

export const membershipSchema = z.object({
  enterpriseId: idSchema,
  name: z.string(),
  memberRole: z.enum(['owner', 'member']),
});

export const meOutput = z.object({
  userId: idSchema,
  displayName: z.string(),
  role: roleSchema,
  townCode: z.string().nullable(),
  sessionKind: z.enum(['web', 'bearer']),
  activeEnterpriseId: idSchema.nullable(),
  enterprises: z.array(membershipSchema),
});

export const staffLoginOutput = z.object({ me: meOutput, expiresAt: instantSchema });

export const wechatLoginOutput = z.object({
  /** Send as `Authorization: Bearer <token>`. */
  token: z.string(),
  expiresAt: instantSchema,
  me: meOutput,
});

export const sessionSchema = z.object({
  id: idSchema,
  kind: z.enum(['web', 'bearer']),
  current: z.boolean(),
  createdAt: instantSchema,
  lastSeenAt: instantSchema.nullable(),
  expiresAt: instantSchema,
});

export const switchEnterpriseInput = z.object({ enterpriseId: idSchema });
export const updateProfileInput = z.object({ displayName: z.string().trim().min(1).max(40) });
