import type { Kysely } from 'kysely';

// Frozen once landed: a later change is a new migration. Only SQL that PGlite and PostgreSQL both accept.

export async function up(db: Kysely<unknown>): Promise<void> {
  // A role's default queue spans several states ordered by entry time: walking this index in order stops after one
  // page instead of sorting every matching row (applications_queue_idx still serves a single-state filter).
  await db.schema
    .createIndex('applications_entered_idx')
    .on('applications')
    .columns(['state_entered_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('applications_entered_idx').execute();
}
