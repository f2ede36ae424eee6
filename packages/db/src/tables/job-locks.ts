import type { Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns';

/** Leases for background jobs, so one instance at a time runs a given job. */
export interface JobLocksTable {
  name: string;
  locked_by: string | null;
  locked_until: Timestamp;
  last_run_at: NullableTimestamp;
}

export type JobLock = Selectable<JobLocksTable>;
