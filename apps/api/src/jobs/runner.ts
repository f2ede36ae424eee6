import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';

export interface JobContext {
  db: Kysely<Database>;
  log: Logger;
  now: Date;
}

export interface Job {
  /** Unique; also the lease key in `job_locks`. */
  name: string;
  intervalMs: number;
  /** Must be safe to run twice (a lease can expire mid-run on a stalled instance). */
  run(ctx: JobContext): Promise<void>;
}

/**
 * Takes the job's lease in `job_locks` if it is free or expired: one upsert, so with N instances exactly one wins
 * each round (on PostgreSQL and PGlite alike). Returns whether this instance holds it.
 */
export async function acquireLease(
  db: Kysely<Database>,
  name: string,
  owner: string,
  leaseMs: number,
  now = new Date(),
): Promise<boolean> {
  const until = new Date(now.getTime() + leaseMs);
  const row = await db
    .insertInto('job_locks')
    .values({ name, locked_by: owner, locked_until: until })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ locked_by: owner, locked_until: until })
        .where('job_locks.locked_until', '<=', now),
    )
    .returning('locked_by')
    .executeTakeFirst();
  return row?.locked_by === owner;
}

export async function releaseLease(db: Kysely<Database>, name: string, owner: string, now = new Date()) {
  await db
    .updateTable('job_locks')
    .set({ locked_until: now, last_run_at: now })
    .where('name', '=', name)
    .where('locked_by', '=', owner)
    .execute();
}

/** Runs each job every `intervalMs` on whichever instance holds its lease; stop() waits for running jobs. */
export function startJobRunner(db: Kysely<Database>, log: Logger, owner: string, jobs: readonly Job[]) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;

  async function tick(job: Job) {
    const now = new Date();
    if (stopped || !(await acquireLease(db, job.name, owner, Math.max(job.intervalMs, 60_000), now))) return;
    try {
      await job.run({ db, log: log.child({ job: job.name }), now });
    } catch (err) {
      log.error({ err, job: job.name }, 'job failed');
    } finally {
      await releaseLease(db, job.name, owner).catch((err) =>
        log.error({ err, job: job.name }, 'lease release failed'),
      );
    }
  }

  for (const job of jobs) {
    const timer = setInterval(() => {
      const run = tick(job).catch((err) => log.error({ err, job: job.name }, 'job tick failed'));
      running.add(run);
      void run.finally(() => running.delete(run));
    }, job.intervalMs);
    timer.unref();
    timers.push(timer);
  }

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running);
    },
  };
}
