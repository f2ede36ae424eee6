/**
 * Who acts on the platform. Every workflow event names the roles that may fire it; `system` is the platform's own
 * scheduled jobs (a missed deadline, a bank callback), never a person.
 */
import { z } from 'zod';

export const roles = [
  'enterprise_staff',
  'city_reviewer',
  'town_reviewer',
  'expert',
  'approver',
  'finance',
  'admin',
  'edge_operator',
  'compute_operator',
] as const;

export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  enterprise_staff: '企业经办人',
  city_reviewer: '城市形式审查员',
  town_reviewer: '镇街复核员',
  expert: '评审专家',
  approver: '审定人',
  finance: '财务',
  admin: '管理员',
  edge_operator: '边端平台运营',
  compute_operator: '算力平台运营',
};

export const roleSchema = z.enum(roles, { error: '未知的角色' });

export const SYSTEM_ACTOR = 'system';
export type Actor = Role | typeof SYSTEM_ACTOR;

export const actors: readonly Actor[] = [...roles, SYSTEM_ACTOR];

export function actorLabel(actor: Actor): string {
  return actor === SYSTEM_ACTOR ? '系统' : roleLabels[actor];
}
