import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Fen, Json, NullableTimestamp, Timestamps, UpdatedAt, UuidPk } from './columns';

/**
 * One application of an enterprise to a program edition. `state` is a state id of the program's @dg/policy workflow;
 * `form` is the current (draft) form; frozen copies live in `application_submissions`.
 */
export interface ApplicationsTable extends Timestamps {
  id: UuidPk;
  program_id: string;
  edition_id: string;
  enterprise_id: string;
  state: string;
  form: Json<Record<string, unknown>>;
  /** Version of the form schema the draft was written against. */
  form_version: number;
  /** Set by the client on create so a retried "create" makes one application. Unique when present. */
  idempotency_key: string | null;
  tracking_number: string | null;
  recognised_fen: Fen | null;
  ceiling_fen: Fen | null;
  /** The deadline the current state runs against (e.g. CV-13 resubmission), if any. */
  deadline_at: NullableTimestamp;
  created_by: string;
  submitted_at: NullableTimestamp;
  /** When the application entered `state`: the start of that state's deadline and the review queues' order. */
  state_entered_at: UpdatedAt;
}

export type Application = Selectable<ApplicationsTable>;
export type NewApplication = Insertable<ApplicationsTable>;
export type ApplicationUpdate = Updateable<ApplicationsTable>;
