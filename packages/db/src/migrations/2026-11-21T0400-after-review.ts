import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// Frozen once landed: a later change is a new migration. Only SQL that PGlite and PostgreSQL both accept.
// After the review: public notice, opinions, funding plans and the budget ledger, payments, R&D contracts,
// dishonesty records and notifications.

const uuidPk = sql`gen_random_uuid()`;
const now = sql`now()`;

function withTimestamps<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
}

export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    db.schema
      .createTable('notice_batches')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('draft', 'published', 'closed')`))
      .addColumn('starts_on', 'date')
      .addColumn('ends_on', 'date')
      .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('published_by', 'uuid', (c) => c.references('users.id'))
      .addColumn('published_at', 'timestamptz')
      .addColumn('closed_at', 'timestamptz'),
  ).execute();
  await db.schema
    .createTable('notice_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('batch_id', 'uuid', (c) => c.notNull().references('notice_batches.id'))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
    .addColumn('outcome', 'text', (c) =>
      c.notNull().defaultTo('listed').check(sql`outcome in ('listed', 'withdrawn', 'cleared')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('notice_items_batch_application_uq', ['batch_id', 'application_id'])
    .execute();
  await db.schema
    .createIndex('notice_items_application_idx')
    .on('notice_items')
    .column('application_id')
    .execute();
  await withTimestamps(
    db.schema
      .createTable('notice_objections')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('batch_id', 'uuid', (c) => c.notNull().references('notice_batches.id'))
      .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
      .addColumn('objector', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('received_on', 'date', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'upheld', 'dismissed')`))
      .addColumn('resolution', 'text')
      .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('resolved_by', 'uuid', (c) => c.references('users.id'))
      .addColumn('resolved_at', 'timestamptz'),
  ).execute();
  await db.schema
    .createIndex('notice_objections_batch_idx')
    .on('notice_objections')
    .columns(['batch_id', 'status'])
    .execute();

  await db.schema
    .createTable('opinions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('department', 'town')`))
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('agrees', 'boolean', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('opinions_application_unit_uq', ['application_id', 'kind', 'unit_name'])
    .execute();

  await withTimestamps(
    db.schema
      .createTable('funding_plans')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
      .addColumn('edition_id', 'uuid', (c) => c.notNull().references('editions.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) =>
        c.notNull().check(sql`state in ('draft', 'submitted', 'approved', 'declined')`),
      )
      .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('submitted_at', 'timestamptz')
      .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
      .addColumn('decided_at', 'timestamptz')
      .addColumn('decision_reference', 'text'),
  ).execute();
  await db.schema
    .createTable('funding_plan_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('funding_plans.id'))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('funding_plan_items_plan_application_uq', ['plan_id', 'application_id'])
    .execute();
  await db.schema
    .createIndex('funding_plan_items_application_idx')
    .on('funding_plan_items')
    .column('application_id')
    .execute();
  // The budget ledger (CV-11): one row per approved application, written under a row lock on the edition.
  await db.schema
    .createTable('budget_allocations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('edition_id', 'uuid', (c) => c.notNull().references('editions.id'))
    .addColumn('application_id', 'uuid', (c) => c.notNull().unique().references('applications.id'))
    .addColumn('plan_id', 'uuid', (c) => c.references('funding_plans.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('requested_fen', 'bigint', (c) => c.notNull().check(sql`requested_fen >= 0`))
    .addColumn('granted_fen', 'bigint', (c) => c.notNull().check(sql`granted_fen >= 0`))
    .addColumn('cut_fen', 'bigint', (c) => c.notNull().check(sql`cut_fen >= 0`))
    .addColumn('allocated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('allocated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('budget_allocations_edition_seq_uq', ['edition_id', 'seq'])
    .execute();

  await withTimestamps(
    db.schema
      .createTable('payments')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprises.id'))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('disbursement', 'rd_phase1', 'rd_phase2', 'reclaim')`),
      )
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
      .addColumn('payee_account_name', 'text', (c) => c.notNull())
      .addColumn('payee_bank', 'text', (c) => c.notNull())
      .addColumn('payee_account_number', 'text', (c) => c.notNull())
      .addColumn('prepared_by', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('checked_by', 'uuid', (c) => c.references('users.id'))
      .addColumn('paid_at', 'timestamptz')
      .addColumn('bank_reference', 'text')
      .addColumn('failure_reason', 'text'),
  ).execute();
  await db.schema.createIndex('payments_state_idx').on('payments').columns(['state', 'created_at']).execute();
  await db.schema
    .createTable('payment_lines')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('payment_id', 'uuid', (c) => c.notNull().references('payments.id'))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
    .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('payment_lines_application_idx')
    .on('payment_lines')
    .column('application_id')
    .execute();
  await db.schema.createIndex('payment_lines_payment_idx').on('payment_lines').column('payment_id').execute();
  await db.schema
    .createTable('payment_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('payment_id', 'uuid', (c) => c.notNull().references('payments.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();

  await withTimestamps(
    db.schema
      .createTable('rd_contracts')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('application_id', 'uuid', (c) => c.notNull().unique().references('applications.id'))
      .addColumn('contract_number', 'text', (c) => c.notNull().unique())
      .addColumn('terms', 'text', (c) => c.notNull())
      .addColumn('indicators', 'jsonb', (c) => c.notNull())
      .addColumn('guide_published_on', 'date', (c) => c.notNull())
      .addColumn('signed_on', 'date', (c) => c.notNull())
      .addColumn('start_on', 'date', (c) => c.notNull())
      .addColumn('original_end_on', 'date', (c) => c.notNull())
      .addColumn('end_on', 'date', (c) => c.notNull())
      .addColumn('extensions_granted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('approved_on', 'date', (c) => c.notNull())
      .addColumn('edition_code', 'text', (c) => c.notNull())
      .addColumn('ip_retained_in_dongguan', 'boolean', (c) => c.notNull())
      .addColumn('approved_grant_fen', 'bigint', (c) => c.notNull())
      .addColumn('phase1_fen', 'bigint', (c) => c.notNull())
      .addColumn('actual_investment_fen', 'bigint')
      .addColumn('acceptance', 'jsonb')
      .addColumn('settlement', 'jsonb')
      .addColumn('closure', 'jsonb')
      .addColumn('signed_by', 'uuid', (c) => c.notNull().references('users.id')),
  ).execute();
  await db.schema
    .createTable('rd_contract_changes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('contract_id', 'uuid', (c) => c.notNull().references('rd_contracts.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('major', 'minor', 'extension')`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'date')
    .addColumn('requested_end_on', 'date')
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending', 'approved', 'rejected', 'filed')`),
    )
    .addColumn('filed_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('filed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema
    .createIndex('rd_contract_changes_contract_idx')
    .on('rd_contract_changes')
    .column('contract_id')
    .execute();

  await db.schema
    .createTable('dishonesty_records')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprises.id'))
    .addColumn('application_id', 'uuid', (c) => c.references('applications.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_on', 'date', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('dishonesty_records_enterprise_idx')
    .on('dishonesty_records')
    .column('enterprise_id')
    .execute();

  // An in-app message: to one user (enterprise staff inbox) or to a role's queue (user_id null).
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('role', 'text')
    .addColumn('enterprise_id', 'uuid', (c) => c.references('enterprises.id'))
    .addColumn('application_id', 'uuid', (c) => c.references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('notifications_recipient_ck', sql`(user_id is null) <> (role is null)`)
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_role_idx')
    .on('notifications')
    .columns(['role', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notifications',
    'dishonesty_records',
    'rd_contract_changes',
    'rd_contracts',
    'payment_events',
    'payment_lines',
    'payments',
    'budget_allocations',
    'funding_plan_items',
    'funding_plans',
    'opinions',
    'notice_objections',
    'notice_items',
    'notice_batches',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
