import type { Insertable, Selectable } from 'kysely';
import type { CreatedAt, Json, Timestamp, UuidPk } from './columns';

/** A frozen submission: what was submitted and what the policy core said. Never updated; resubmission adds a row. */
export interface ApplicationSubmissionsTable {
  id: UuidPk;
  application_id: string;
  /** 1, 2, … per application. */
  seq: number;
  edition_id: string;
  form_version: number;
  form: Json<Record<string, unknown>>;
  verdict: Json<Record<string, unknown>>;
  /** Client idempotency key of the submit request: a double submit makes one row. */
  idempotency_key: string | null;
  submitted_by: string;
  submitted_at: Timestamp;
  created_at: CreatedAt;
}

export type ApplicationSubmission = Selectable<ApplicationSubmissionsTable>;
export type NewApplicationSubmission = Insertable<ApplicationSubmissionsTable>;
