import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// Frozen once landed: a later change is a new migration. Only SQL that PGlite and PostgreSQL both accept.

const uuidPk = sql`gen_random_uuid()`;

/** created_at, updated_at and version: every mutable table has them (optimistic locking on `version`). */
function withTimestamps<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
}

export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    db.schema
      .createTable('enterprises')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('uscc', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('town_code', 'text', (c) => c.notNull())
      .addColumn('industrial', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('abnormal_operation_listed', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('serious_dishonesty_listed', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('credit_checked_at', 'timestamptz')
      .addColumn('credit_source', 'text')
      .addColumn('bank_account_name', 'text')
      .addColumn('bank_name', 'text')
      .addColumn('bank_account_number', 'text')
      .addColumn('legal_rep_name', 'text', (c) => c.notNull())
      .addColumn('legal_rep_mobile', 'text', (c) => c.notNull())
      .addColumn('address', 'text'),
  ).execute();
  await db.schema.createIndex('enterprises_town_idx').on('enterprises').column('town_code').execute();

  await withTimestamps(
    db.schema
      .createTable('users')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('mobile', 'text')
      .addColumn('wechat_openid', 'text', (c) => c.unique())
      .addColumn('login', 'text', (c) => c.unique())
      .addColumn('password_hash', 'text')
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('town_code', 'text')
      .addColumn('disabled_at', 'timestamptz'),
  ).execute();

  await withTimestamps(
    db.schema
      .createTable('enterprise_members')
      .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprises.id'))
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('member_role', 'text', (c) => c.notNull().check(sql`member_role in ('owner', 'member')`))
      .addPrimaryKeyConstraint('enterprise_members_pk', ['enterprise_id', 'user_id']),
  ).execute();
  await db.schema
    .createIndex('enterprise_members_user_idx')
    .on('enterprise_members')
    .column('user_id')
    .execute();

  await withTimestamps(
    db.schema
      .createTable('sessions')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('web', 'bearer')`))
      .addColumn('active_enterprise_id', 'uuid', (c) => c.references('enterprises.id'))
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('revoked_at', 'timestamptz')
      .addColumn('last_seen_at', 'timestamptz'),
  ).execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window_start'])
    .execute();

  await withTimestamps(
    db.schema
      .createTable('sms_codes')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('consumed_at', 'timestamptz'),
  ).execute();
  await db.schema
    .createIndex('sms_codes_mobile_idx')
    .on('sms_codes')
    .columns(['mobile', 'purpose'])
    .execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('owner_enterprise_id', 'uuid', (c) => c.references('enterprises.id'))
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('sensitive', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('files_owner_idx').on('files').column('owner_enterprise_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createIndex('audit_log_entity_idx')
    .on('audit_log')
    .columns(['entity_type', 'entity_id'])
    .execute();
  // Append-only in the database itself, not just by convention in the code.
  await sql`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end;
    $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change()`.execute(db);

  await db.schema
    .createTable('job_locks')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'timestamptz', (c) => c.notNull())
    .addColumn('last_run_at', 'timestamptz')
    .execute();

  await withTimestamps(
    db.schema
      .createTable('programs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull()),
  ).execute();

  await withTimestamps(
    db.schema
      .createTable('editions')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('opens_at', 'timestamptz')
      .addColumn('closes_at', 'timestamptz')
      .addColumn('budget_fen', 'bigint')
      .addColumn('parameter_overrides', 'jsonb')
      .addUniqueConstraint('editions_program_code_uq', ['program_id', 'code']),
  ).execute();

  await withTimestamps(
    db.schema
      .createTable('applications')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
      .addColumn('edition_id', 'uuid', (c) => c.notNull().references('editions.id'))
      .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprises.id'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('form', 'jsonb', (c) => c.notNull())
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.unique())
      .addColumn('tracking_number', 'text', (c) => c.unique())
      .addColumn('recognised_fen', 'bigint')
      .addColumn('ceiling_fen', 'bigint')
      .addColumn('deadline_at', 'timestamptz')
      .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('submitted_at', 'timestamptz'),
  ).execute();
  await db.schema
    .createIndex('applications_enterprise_idx')
    .on('applications')
    .column('enterprise_id')
    .execute();
  await db.schema
    .createIndex('applications_state_idx')
    .on('applications')
    .columns(['program_id', 'state'])
    .execute();
  await db.schema.createIndex('applications_deadline_idx').on('applications').column('deadline_at').execute();

  await db.schema
    .createTable('application_submissions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('edition_id', 'uuid', (c) => c.notNull().references('editions.id'))
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('form', 'jsonb', (c) => c.notNull())
    .addColumn('verdict', 'jsonb', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('submitted_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('application_submissions_seq_uq', ['application_id', 'seq'])
    .execute();

  await db.schema
    .createTable('application_materials')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('file_id', 'uuid', (c) => c.notNull().references('files.id'))
    .addColumn('added_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('application_materials_item_file_uq', ['application_id', 'item_key', 'file_id'])
    .execute();

  await db.schema
    .createTable('application_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text')
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('accepted', 'boolean', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_events_application_idx')
    .on('application_events')
    .columns(['application_id', 'id'])
    .execute();

  await db.schema
    .createTable('expert_conflicts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('expert_user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprises.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('expert_conflicts_uq', ['expert_user_id', 'enterprise_id'])
    .execute();

  await withTimestamps(
    db.schema
      .createTable('expert_scores')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
      .addColumn('expert_user_id', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('scores', 'jsonb', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('submitted_at', 'timestamptz')
      .addUniqueConstraint('expert_scores_uq', ['application_id', 'expert_user_id']),
  ).execute();

  await withTimestamps(
    db.schema
      .createTable('site_inspections')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
      .addColumn('inspector_user_id', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('visited_on', 'date', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('findings', 'text', (c) => c.notNull())
      .addColumn('file_ids', 'jsonb', (c) => c.notNull()),
  ).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'site_inspections',
    'expert_scores',
    'expert_conflicts',
    'application_events',
    'application_materials',
    'application_submissions',
    'applications',
    'editions',
    'programs',
    'job_locks',
    'audit_log',
    'files',
    'sms_codes',
    'rate_limits',
    'sessions',
    'enterprise_members',
    'users',
    'enterprises',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function audit_log_refuse_change()`.execute(db);
}
