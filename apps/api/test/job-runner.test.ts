import { createDb } from '@dg/db';
import { createTestDatabase, type TestDatabase } from '@dg/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Job, startJobRunner } from '../src/jobs/runner';

// Two runners (as two API instances would have) on one PostgreSQL database, each ticking the same job: the lease
// lets exactly one run it at a time, and the job still runs on every round.
describe('job runner with two instances on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('never runs one job on two instances at once', async () => {
    const second = createDb({ url: database.url });
    const log = pino({ level: 'silent' });
    let running = 0;
    let overlaps = 0;
    const runs: string[] = [];
    const jobFor = (instance: string): Job => ({
      name: 'test.exclusive',
      intervalMs: 40,
      async run() {
        running += 1;
        if (running > 1) overlaps += 1;
        runs.push(instance);
        await new Promise((resolve) => setTimeout(resolve, 60));
        running -= 1;
      },
    });
    const a = startJobRunner(database.db, log, 'instance-a', [jobFor('a')]);
    const b = startJobRunner(second.db, log, 'instance-b', [jobFor('b')]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await Promise.all([a.stop(), b.stop()]);
    await second.close();
    expect(overlaps).toBe(0);
    expect(runs.length).toBeGreaterThan(3);
  });
});
