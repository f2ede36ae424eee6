import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { NullableTimestamp, Timestamp, Timestamps, UuidPk } from './columns';

/** A one-time SMS code; only its hash is stored, with a failed-attempt counter. */
export interface SmsCodesTable extends Timestamps {
  id: UuidPk;
  mobile: string;
  purpose: string;
  code_hash: string;
  expires_at: Timestamp;
  attempts: Generated<number>;
  consumed_at: NullableTimestamp;
}

export type SmsCode = Selectable<SmsCodesTable>;
export type NewSmsCode = Insertable<SmsCodesTable>;
export type SmsCodeUpdate = Updateable<SmsCodesTable>;
