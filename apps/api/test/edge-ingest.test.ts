import { createTestDatabase, type TestDatabase } from '@dg/db/testing';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeartbeatBody } from '../src/schemas/edge';
import { HeartbeatIngest } from '../src/services/edge/ingest';
import { activeNodeRow } from './edge-rows';
import { CREDENTIAL_PREFIX, hashSecret, newSecret } from '../src/services/edge/secrets';

// How the heartbeat ingest groups heartbeats into batches (one statement each): the batching the edge benchmark's
// figures rest on, checked by counting the statements it sends.

const body: HeartbeatBody = {
  health: 'ok',
  uptimeS: 100,
  cpu: { load1: 0.5, cores: 4 },
  memory: { totalBytes: 8e9, usedBytes: 2e9 },
  accelerators: [],
  models: [],
  appVersion: '1.0.0',
};

describe('heartbeat ingest batching', () => {
  let database: TestDatabase;
  let hashes: string[];
  let statements = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      statements += 1;
      return args.result;
    },
  };
  const ingest = (lingerMs: number, fullBatch?: number) =>
    new HeartbeatIngest(database.db.withPlugin(counting), {
      sampleEveryS: 60,
      maxInFlight: 1,
      lingerMs,
      fullBatch,
    });
  const submitAll = (target: HeartbeatIngest, count: number) =>
    Promise.all(hashes.slice(0, count).map((hash) => target.submit(hash, new Date(), body)));

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const enterprise = await database.db
      .insertInto('enterprises')
      .values({
        uscc: '91441900MA4UXXXX1X',
        name: '东莞市测试智造有限公司',
        category: 'manufacturing',
        town_code: 'songshanhu',
        industrial: true,
        legal_rep_name: '张三',
        legal_rep_mobile: '13800000000',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const nodes = await database.db
      .insertInto('edge_nodes')
      .values(Array.from({ length: 10 }, (_, i) => activeNodeRow(`INGEST-${i}`, enterprise.id)))
      .returning('id')
      .execute();
    hashes = nodes.map(() => hashSecret(newSecret(CREDENTIAL_PREFIX)));
    await database.db
      .insertInto('edge_credentials')
      .values(nodes.map((n, i) => ({ node_id: n.id, secret_hash: hashes[i]! })))
      .execute();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('writes heartbeats that arrive within the linger in one statement, after the oldest has lingered', async () => {
    const target = ingest(300);
    statements = 0;
    const started = performance.now();
    const first = target.submit(hashes[0]!, new Date(), body);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const rest = submitAll(target, 10);
    expect(await Promise.all([first, rest])).toEqual(['accepted', Array(10).fill('accepted')]);
    expect(statements).toBe(1);
    // Timed from the oldest heartbeat: the batch went at about 300 ms, not at 500 ms as the newest's linger would
    // have it (timers may fire a millisecond early; the statement itself takes a few milliseconds).
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(295);
    expect(elapsed).toBeLessThan(480);
  });

  it('sends a full batch at once, without lingering', async () => {
    const target = ingest(60_000, 10);
    statements = 0;
    const started = performance.now();
    expect(await submitAll(target, 10)).toEqual(Array(10).fill('accepted'));
    expect(statements).toBe(1);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('without a linger, writes a lone heartbeat at once and refuses an unknown credential', async () => {
    const target = ingest(0);
    statements = 0;
    expect(await target.submit(hashes[3]!, new Date(), body)).toBe('accepted');
    expect(await target.submit(hashSecret('dgec_unknown'), new Date(), body)).toBe('unknown_credential');
    // The unknown credential's batch and the query that tells 401 from 403.
    expect(statements).toBe(3);
  });
});
