import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { NullableTimestamp, Timestamps, UuidPk } from './columns';

/** An applicant unit. `category` uses the policy core's applicant categories; `town_code` its region codes. */
export interface EnterprisesTable extends Timestamps {
  id: UuidPk;
  /** 统一社会信用代码, validated by @dg/policy before insert; unique. */
  uscc: string;
  name: string;
  category: string;
  town_code: string;
  /** 工业企业 (EN-1). */
  industrial: Generated<boolean>;
  /** 经营异常名录 (GEN-2). */
  abnormal_operation_listed: Generated<boolean>;
  /** 严重违法失信名单 (GEN-2). */
  serious_dishonesty_listed: Generated<boolean>;
  /** When and where the two credit-list flags were last checked. */
  credit_checked_at: NullableTimestamp;
  credit_source: string | null;
  bank_account_name: string | null;
  bank_name: string | null;
  bank_account_number: string | null;
  legal_rep_name: string;
  legal_rep_mobile: string;
  address: string | null;
}

export type Enterprise = Selectable<EnterprisesTable>;
export type NewEnterprise = Insertable<EnterprisesTable>;
export type EnterpriseUpdate = Updateable<EnterprisesTable>;
