import { type Kysely, sql } from 'kysely';

// Frozen once landed: a later change is a new migration. Only SQL that PGlite and PostgreSQL both accept.
// A metrics sample was the heartbeat body as jsonb, with a foreign key to its node and written with ON CONFLICT DO
// NOTHING. At a 300,000-node fleet every second heartbeat writes one (5,000 a second), and they were PostgreSQL's
// costliest part of a heartbeat (bench:edge prints PostgreSQL's CPU per heartbeat). Now:
// - typed columns, the figures the charts average, plus what the node last reported (health, app version, models):
//   about half the bytes of heap and write-ahead log, and charts read columns instead of parsing jsonb;
// - no foreign key: the one writer (the heartbeat batch) inserts only for node rows it holds locked, and nodes are
//   never deleted (decommissioned is a status), so the per-row check could not fail, yet ran on every sample;
// - no ON CONFLICT: the batch samples a node only at a time later than its metrics_sampled_at, under its row lock,
//   so (node_id, at) cannot repeat — given one live credential per node (a batch keeps one heartbeat per credential),
//   which enrollment and rotation always kept and a unique index now holds.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('edge_metric_samples')
    .addColumn('health', 'text', (c) =>
      c.notNull().defaultTo('ok').check(sql`health in ('ok', 'degraded', 'error')`),
    )
    .addColumn('uptime_s', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('cpu_load1', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('cpu_util_pct', 'real')
    .addColumn('memory_used_pct', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('accelerator_util_pct', 'real')
    .addColumn('app_version', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('models', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await sql`
    update edge_metric_samples s set
      health = coalesce(metrics->>'health', 'ok'),
      uptime_s = coalesce((metrics->>'uptimeS')::float8, 0),
      cpu_load1 = coalesce((metrics->'cpu'->>'load1')::float8, 0),
      cpu_util_pct = (metrics->'cpu'->>'utilPct')::float8,
      memory_used_pct = coalesce(100 * (metrics->'memory'->>'usedBytes')::float8
                                 / nullif((metrics->'memory'->>'totalBytes')::float8, 0), 0),
      accelerator_util_pct = (select avg((a->>'utilPct')::float8)
                              from jsonb_array_elements(coalesce(metrics->'accelerators', '[]'::jsonb)) a),
      app_version = coalesce(metrics->>'appVersion', ''),
      models = coalesce(metrics->'models', '[]'::jsonb)`.execute(db);
  await db.schema.alterTable('edge_metric_samples').dropColumn('metrics').execute();
  await db.schema
    .alterTable('edge_metric_samples')
    .dropConstraint('edge_metric_samples_node_id_fkey')
    .execute();
  await sql`create unique index edge_credentials_live_idx on edge_credentials (node_id) where revoked_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('edge_credentials_live_idx').execute();
  await db.schema
    .alterTable('edge_metric_samples')
    .addColumn('metrics', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await sql`
    update edge_metric_samples set metrics = jsonb_build_object(
      'health', health, 'uptimeS', uptime_s, 'cpu', jsonb_strip_nulls(jsonb_build_object('load1', cpu_load1, 'utilPct', cpu_util_pct)),
      'memoryUsedPct', memory_used_pct, 'acceleratorUtilPct', accelerator_util_pct,
      'appVersion', app_version, 'models', models)`.execute(db);
  for (const column of [
    'health',
    'uptime_s',
    'cpu_load1',
    'cpu_util_pct',
    'memory_used_pct',
    'accelerator_util_pct',
    'app_version',
    'models',
  ])
    await db.schema.alterTable('edge_metric_samples').dropColumn(column).execute();
  await db.schema
    .alterTable('edge_metric_samples')
    .addForeignKeyConstraint('edge_metric_samples_node_id_fkey', ['node_id'], 'edge_nodes', ['id'])
    .execute();
}
