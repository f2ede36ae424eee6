import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../src/json';
import { createMigrator } from '../src/migrate';
import { createTestDatabase, dialects, type TestDatabase } from '../src/testing';

// Migrations that rewrite data, checked on rows written before them (a fresh database has none to rewrite).

describe.each(dialects)('data-rewriting migrations on %s', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect, { migrated: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('2026-11-22T0100 turns jsonb metrics samples into typed columns, and back', async () => {
    const migrator = createMigrator(t.db);
    const before = await migrator.migrateTo('2026-11-22T0000-edge-nodes-fillfactor');
    expect(before.error).toBeUndefined();
    const node = await sql<{ id: string }>`
      with e as (
        insert into enterprises (uscc, name, category, town_code, legal_rep_name, legal_rep_mobile)
        values ('91441900MA4W000X0X', '东莞测试制造有限公司', 'manufacturing', '441900003', '张三', '13800138000')
        returning id)
      insert into edge_nodes (serial, enterprise_id, kind, vendor, model, site_address, town_code, stations_served,
                              status, heartbeat_interval_s, offline_after_s)
      select 'SN-MIGRATE-1', e.id, 'compute_box', '华为', 'Atlas 500', '东莞', '441900003', 1, 'active', 30, 90 from e
      returning id`.execute(t.db);
    const nodeId = node.rows[0]!.id;
    const metrics = {
      health: 'degraded',
      uptimeS: 3600,
      cpu: { load1: 1.25, cores: 8, utilPct: 40 },
      memory: { totalBytes: 8e9, usedBytes: 2e9 },
      accelerators: [{ utilPct: 30 }, { utilPct: 50 }],
      models: [{ name: 'defect-detect', version: '3' }],
      appVersion: '1.4.2',
    };
    await sql`insert into edge_metric_samples (node_id, at, metrics)
              values (${nodeId}, '2026-11-01T00:00:00Z', ${json(metrics)}::jsonb),
                     (${nodeId}, '2026-11-01T00:01:00Z', ${json({ cpu: { load1: 0.5 }, memory: {} })}::jsonb)`.execute(
      t.db,
    );

    expect((await migrator.migrateTo('2026-11-22T0100-edge-metric-samples-typed')).error).toBeUndefined();
    const rows = await t.db.selectFrom('edge_metric_samples').selectAll().orderBy('at').execute();
    expect(rows.map(({ node_id, at, ...columns }) => columns)).toEqual([
      {
        health: 'degraded',
        uptime_s: 3600,
        cpu_load1: 1.25,
        cpu_util_pct: 40,
        memory_used_pct: 25,
        accelerator_util_pct: 40,
        app_version: '1.4.2',
        models: [{ name: 'defect-detect', version: '3' }],
      },
      // A sample missing fields gets the defaults, not a failed migration.
      {
        health: 'ok',
        uptime_s: 0,
        cpu_load1: 0.5,
        cpu_util_pct: null,
        memory_used_pct: 0,
        accelerator_util_pct: null,
        app_version: '',
        models: [],
      },
    ]);
    // One live credential per node, held by an index.
    await sql`insert into edge_credentials (node_id, secret_hash) values (${nodeId}, 'a'), (${nodeId}, 'b')`
      .execute(t.db)
      .then(
        () => expect.unreachable('two live credentials for one node'),
        (error: Error) => expect(error.message).toMatch(/edge_credentials_live_idx/),
      );

    expect((await migrator.migrateDown()).error).toBeUndefined();
    const back = await sql<{ metrics: Record<string, unknown> }>`
      select metrics from edge_metric_samples order by at`.execute(t.db);
    expect(back.rows[0]!.metrics).toMatchObject({ health: 'degraded', cpu: { load1: 1.25, utilPct: 40 } });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
});
