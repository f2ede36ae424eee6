import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Timestamps } from './columns';

export type MemberRole = 'owner' | 'member';

/** Which enterprise staff act for which enterprise (many-to-many). */
export interface EnterpriseMembersTable extends Timestamps {
  enterprise_id: string;
  user_id: string;
  member_role: MemberRole;
}

export type EnterpriseMember = Selectable<EnterpriseMembersTable>;
export type NewEnterpriseMember = Insertable<EnterpriseMembersTable>;
export type EnterpriseMemberUpdate = Updateable<EnterpriseMembersTable>;
