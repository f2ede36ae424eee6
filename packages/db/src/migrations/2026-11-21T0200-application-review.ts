import { type Kysely, sql } from 'kysely';

// Frozen once landed: a later change is a new migration. Only SQL that PGlite and PostgreSQL both accept.

export async function up(db: Kysely<any>): Promise<void> {
  // When the application entered its current state: the start of that state's deadline (fire's `enteredAt`) and the
  // order of the review queues.
  await db.schema
    .alterTable('applications')
    .addColumn('state_entered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Keyset pagination of the review queues: (state, entered, id) answers "this stage, oldest first" from the index.
  await db.schema
    .createIndex('applications_queue_idx')
    .on('applications')
    .columns(['state', 'state_entered_at', 'id'])
    .execute();
  await db.schema
    .createIndex('applications_enterprise_created_idx')
    .on('applications')
    .columns(['enterprise_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('enterprises_name_idx').on('enterprises').column('name').execute();

  // Tracking numbers (CV-2025-000123): one sequence, so concurrent submits on several instances never collide.
  await sql`create sequence application_tracking_seq`.execute(db);

  await db.schema
    .createTable('application_approvals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('event_id', 'bigint', (c) => c.notNull().references('application_events.id'))
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('approved_at', 'timestamptz', (c) => c.notNull())
    .addColumn('voided_at', 'timestamptz')
    .addColumn('voided_by_event_id', 'bigint', (c) => c.references('application_events.id'))
    .execute();
  await db.schema
    .createIndex('application_approvals_application_idx')
    .on('application_approvals')
    .column('application_id')
    .execute();
  await db.schema
    .createIndex('expert_scores_expert_idx')
    .on('expert_scores')
    .column('expert_user_id')
    .execute();
  await db.schema
    .createIndex('site_inspections_application_idx')
    .on('site_inspections')
    .column('application_id')
    .execute();
  await db.schema
    .createIndex('application_materials_application_idx')
    .on('application_materials')
    .column('application_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('application_materials_application_idx').execute();
  await db.schema.dropIndex('site_inspections_application_idx').execute();
  await db.schema.dropIndex('expert_scores_expert_idx').execute();
  await db.schema.dropTable('application_approvals').execute();
  await sql`drop sequence application_tracking_seq`.execute(db);
  await db.schema.dropIndex('enterprises_name_idx').execute();
  await db.schema.dropIndex('applications_enterprise_created_idx').execute();
  await db.schema.dropIndex('applications_queue_idx').execute();
  await db.schema.alterTable('applications').dropColumn('state_entered_at').execute();
}
