import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// Edge compute network platform (nodes, onboarding, credentials, presence, metrics) and the compute service platform
// (ordering rights, products, orders, metering, bills, payments). Frozen once landed.

const uuidPk = sql`gen_random_uuid()`;

function withTimestamps<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
}

export async function up(db: Kysely<any>): Promise<void> {
  await withTimestamps(
    db.schema
      .createTable('edge_nodes')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('serial', 'text', (c) => c.notNull().unique())
      .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprises.id'))
      .addColumn('application_id', 'uuid', (c) => c.references('applications.id'))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('compute_box', 'industrial_pc', 'server', 'other')`),
      )
      .addColumn('vendor', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('accelerator', 'text')
      .addColumn('site_address', 'text', (c) => c.notNull())
      .addColumn('town_code', 'text', (c) => c.notNull())
      .addColumn('stations_served', 'integer', (c) => c.notNull().check(sql`stations_served >= 0`))
      .addColumn('station_labels', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`status in ('pending_review', 'approved', 'active', 'suspended', 'rejected', 'revoked', 'decommissioned')`,
          ),
      )
      .addColumn('heartbeat_interval_s', 'integer', (c) => c.notNull())
      .addColumn('offline_after_s', 'integer', (c) => c.notNull())
      .addColumn('registered_by', 'uuid', (c) => c.references('users.id'))
      .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id'))
      .addColumn('reviewed_at', 'timestamptz')
      .addColumn('status_note', 'text')
      .addColumn('enrolled_at', 'timestamptz')
      .addColumn('connected_at', 'timestamptz')
      .addColumn('last_seen_at', 'timestamptz')
      .addColumn('span_started_at', 'timestamptz')
      .addColumn('metrics_sampled_at', 'timestamptz'),
  ).execute();
  await db.schema.createIndex('edge_nodes_enterprise_idx').on('edge_nodes').column('enterprise_id').execute();
  await db.schema
    .createIndex('edge_nodes_application_idx')
    .on('edge_nodes')
    .column('application_id')
    .execute();
  await db.schema.createIndex('edge_nodes_status_idx').on('edge_nodes').column('status').execute();

  await db.schema
    .createTable('edge_onboardings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('node_id', 'uuid', (c) => c.notNull().references('edge_nodes.id'))
    .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprises.id'))
    .addColumn('approved_at', 'timestamptz', (c) => c.notNull())
    .addColumn('approved_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema.createIndex('edge_onboardings_node_idx').on('edge_onboardings').column('node_id').execute();

  await db.schema
    .createTable('edge_enrollment_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('node_id', 'uuid', (c) => c.notNull().references('edge_nodes.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('voided_at', 'timestamptz')
    .addColumn('issued_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('edge_enrollment_tokens_node_idx')
    .on('edge_enrollment_tokens')
    .column('node_id')
    .execute();

  await db.schema
    .createTable('edge_credentials')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('node_id', 'uuid', (c) => c.notNull().references('edge_nodes.id'))
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('edge_credentials_node_idx').on('edge_credentials').column('node_id').execute();

  await db.schema
    .createTable('edge_presence_spans')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('node_id', 'uuid', (c) => c.notNull().references('edge_nodes.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('edge_presence_spans_period_idx')
    .on('edge_presence_spans')
    .columns(['started_at', 'ended_at'])
    .execute();
  await db.schema
    .createIndex('edge_presence_spans_node_idx')
    .on('edge_presence_spans')
    .column('node_id')
    .execute();

  await db.schema
    .createTable('edge_metric_samples')
    .addColumn('node_id', 'uuid', (c) => c.notNull().references('edge_nodes.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('metrics', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('edge_metric_samples_pk', ['node_id', 'at'])
    .execute();

  await db.schema
    .createTable('edge_alerts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('node_id', 'uuid', (c) => c.notNull().references('edge_nodes.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('offline')`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull())
    .addColumn('resolved_at', 'timestamptz')
    .execute();
  // At most one open alert of a kind per node, so a job run twice raises it once.
  await sql`create unique index edge_alerts_open_idx on edge_alerts (node_id, kind) where resolved_at is null`.execute(
    db,
  );

  await withTimestamps(
    db.schema
      .createTable('compute_accounts')
      .addColumn('enterprise_id', 'uuid', (c) => c.primaryKey().references('enterprises.id'))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('contact_name', 'text', (c) => c.notNull())
      .addColumn('contact_mobile', 'text', (c) => c.notNull())
      .addColumn('company_email', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('scenario', 'text', (c) => c.notNull())
      .addColumn('staff_size', 'text', (c) => c.notNull())
      .addColumn('industry', 'text', (c) => c.notNull())
      .addColumn('registration_status', 'text', (c) =>
        c.notNull().check(sql`registration_status in ('pending', 'approved', 'rejected')`),
      )
      .addColumn('identity_status', 'text', (c) =>
        c.notNull().check(sql`identity_status in ('none', 'pending', 'verified', 'rejected')`),
      )
      .addColumn('id_holder_name', 'text')
      .addColumn('id_number_ciphertext', 'text')
      .addColumn('id_number_masked', 'text')
      .addColumn('id_front_file_id', 'uuid', (c) => c.references('files.id'))
      .addColumn('id_back_file_id', 'uuid', (c) => c.references('files.id'))
      .addColumn('review_note', 'text')
      .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id'))
      .addColumn('reviewed_at', 'timestamptz'),
  ).execute();

  await withTimestamps(
    db.schema
      .createTable('compute_products')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('billing', 'text', (c) => c.notNull().check(sql`billing in ('subscription', 'metered')`))
      .addColumn('price_fen', 'bigint', (c) => c.notNull().check(sql`price_fen > 0`))
      .addColumn('price_unit', 'text', (c) => c.notNull().check(sql`price_unit in ('month', 'hour')`))
      .addColumn('product_type', 'text', (c) => c.notNull())
      .addColumn('resource_type', 'text', (c) => c.notNull())
      .addColumn('provider_name', 'text', (c) => c.notNull())
      .addColumn('payee_account_name', 'text', (c) => c.notNull())
      .addColumn('payee_bank', 'text', (c) => c.notNull())
      .addColumn('payee_account_number', 'text', (c) => c.notNull())
      .addColumn('published_at', 'timestamptz')
      .addColumn('created_by', 'uuid', (c) => c.references('users.id')),
  ).execute();

  await withTimestamps(
    db.schema
      .createTable('compute_orders')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('order_no', 'text', (c) => c.notNull().unique())
      .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprises.id'))
      .addColumn('product_id', 'uuid', (c) => c.notNull().references('compute_products.id'))
      .addColumn('ordered_by', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('spec', 'text', (c) => c.notNull())
      .addColumn('billing', 'text', (c) => c.notNull())
      .addColumn('unit_price_fen', 'bigint', (c) => c.notNull())
      .addColumn('price_unit', 'text', (c) => c.notNull())
      .addColumn('duration_months', 'integer')
      .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
      .addColumn('amount_fen', 'bigint')
      .addColumn('use_voucher', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('state', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`state in ('submitted', 'in_approval', 'approved', 'rejected', 'contracted', 'provisioned', 'completed', 'cancelled')`,
          ),
      )
      .addColumn('decision_note', 'text')
      .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
      .addColumn('decided_at', 'timestamptz')
      .addColumn('contract_no', 'text')
      .addColumn('contract_signed_on', 'date')
      .addColumn('contract_file_id', 'uuid', (c) => c.references('files.id'))
      .addColumn('service_start', 'date')
      .addColumn('service_end', 'date')
      .addColumn('access_ciphertext', 'text')
      .addColumn('access_masked', 'jsonb')
      .addColumn('provisioned_at', 'timestamptz'),
  ).execute();
  await db.schema
    .createIndex('compute_orders_enterprise_idx')
    .on('compute_orders')
    .column('enterprise_id')
    .execute();

  await db.schema
    .createTable('compute_usage_records')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('compute_orders.id'))
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('quantity', 'numeric', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('compute_usage_records_order_idx')
    .on('compute_usage_records')
    .column('order_id')
    .execute();

  await withTimestamps(
    db.schema
      .createTable('compute_bills')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
      .addColumn('bill_no', 'text', (c) => c.notNull().unique())
      .addColumn('order_id', 'uuid', (c) => c.notNull().references('compute_orders.id'))
      .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprises.id'))
      .addColumn('period_start', 'date', (c) => c.notNull())
      .addColumn('period_end', 'date', (c) => c.notNull())
      .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
      .addColumn('issued_on', 'date', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('unpaid', 'paid')`)),
  ).execute();
  await db.schema.createIndex('compute_bills_order_idx').on('compute_bills').column('order_id').execute();

  await db.schema
    .createTable('compute_payments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuidPk))
    .addColumn('bill_id', 'uuid', (c) => c.notNull().unique().references('compute_bills.id'))
    .addColumn('enterprise_id', 'uuid', (c) => c.notNull().references('enterprises.id'))
    .addColumn('paid_on', 'date', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('payee_account_name', 'text', (c) => c.notNull())
    .addColumn('payee_bank', 'text', (c) => c.notNull())
    .addColumn('payee_account_number', 'text', (c) => c.notNull())
    .addColumn('invoice_type', 'text', (c) =>
      c.notNull().check(sql`invoice_type in ('invoice_copy', 'deduction_copy', 'none')`),
    )
    .addColumn('invoice_no', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('compute_payments_enterprise_idx')
    .on('compute_payments')
    .column('enterprise_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'compute_payments',
    'compute_bills',
    'compute_usage_records',
    'compute_orders',
    'compute_products',
    'compute_accounts',
    'edge_alerts',
    'edge_metric_samples',
    'edge_presence_spans',
    'edge_credentials',
    'edge_enrollment_tokens',
    'edge_onboardings',
    'edge_nodes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
