import { dongguanRegionSchema, roleSchema } from '@dg/policy';
import { z } from 'zod';
import { idSchema, instantSchema, versionSchema } from './common';

export const passwordSchema = z.string().min(10, '密码至少 10 位').max(128);
export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '账号为 3–32 位小写字母、数字、点、横线或下划线');

/** Web (staff) roles only: enterprise staff come in through WeChat. */
export const staffRoleSchema = roleSchema.exclude(['enterprise_staff']);

const townScope = <T extends { role?: string; townCode?: string | null }>(value: T) =>
  value.role === undefined || (value.role === 'town_reviewer') === Boolean(value.townCode);
const townScopeMessage = { error: '镇街复核员须指定所属镇街，其他角色不设镇街', path: ['townCode'] };

export const createUserInput = z
  .object({
    login: loginSchema,
    displayName: z.string().trim().min(1).max(40),
    role: staffRoleSchema,
    townCode: dongguanRegionSchema.nullable().default(null),
    mobile: z.string().trim().max(20).nullable().default(null),
    password: passwordSchema,
  })
  .refine(townScope, townScopeMessage);

export const updateUserInput = z
  .object({
    id: idSchema,
    version: versionSchema,
    displayName: z.string().trim().min(1).max(40).optional(),
    role: staffRoleSchema.optional(),
    townCode: dongguanRegionSchema.nullable().optional(),
  })
  .refine(townScope, townScopeMessage);

export const setUserDisabledInput = z.object({ id: idSchema, disabled: z.boolean() });
export const resetPasswordInput = z.object({ id: idSchema, password: passwordSchema });
export const changePasswordInput = z.object({ current: z.string().min(1).max(128), next: passwordSchema });

export const listUsersInput = z.object({
  role: roleSchema.optional(),
  query: z.string().trim().max(50).optional(),
  limit: z.int().min(1).max(200).default(50),
  /** Keyset: the last row of the previous page (ordered by display name, id). */
  after: z.object({ displayName: z.string(), id: idSchema }).optional(),
});

export const userSchema = z.object({
  id: idSchema,
  login: z.string().nullable(),
  displayName: z.string(),
  role: roleSchema,
  townCode: z.string().nullable(),
  mobile: z.string().nullable(),
  disabled: z.boolean(),
  version: z.int(),
  createdAt: instantSchema,
});
