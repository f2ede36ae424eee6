import type { Insertable, Selectable, Updateable } from 'kysely';
import type { NullableTimestamp, Timestamps, UuidPk } from './columns';

/**
 * A person. Enterprise staff sign in with WeChat (`wechat_openid`) and reach enterprises through
 * `enterprise_members`; every other role signs in on the web with `login` + scrypt `password_hash`.
 * `role` is a @dg/policy `Role`; `town_code` scopes a town reviewer to their town.
 */
export interface UsersTable extends Timestamps {
  id: UuidPk;
  display_name: string;
  mobile: string | null;
  wechat_openid: string | null;
  login: string | null;
  password_hash: string | null;
  role: string;
  town_code: string | null;
  disabled_at: NullableTimestamp;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
