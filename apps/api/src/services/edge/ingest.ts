import { type Database, prepare } from '@dg/db';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { HeartbeatBody } from '../../schemas/edge';

// The heartbeat hot path. Requests are not written one by one but in batches of ONE statement each: authenticate by
// credential hash (live credentials only), lock the active nodes, close the online spans that a gap ended, sample
// metrics, move last_seen_at. The answer is sent after its batch commits; a revoke or rotation that commits first
// refuses the heartbeat (the node row lock orders them). Only refused heartbeats cost a second query, to tell 401
// from 403.
// A batch goes once its oldest heartbeat has waited `lingerMs` (or at once when `fullBatch` are waiting), and the
// heartbeats that arrive while it is written wait for the next one. The wait is what makes batches large, and a
// batch costs PostgreSQL a fixed part whatever its size: at 5,000 heartbeats/s a worker sending whatever had queued
// (about 10 a batch) cost PostgreSQL about 62 µs a heartbeat, with the wait (about 45 a batch) 42–47 µs, and the
// closed loop's batches of about 80 cost 31–36 µs (bench:edge prints the batch size and PostgreSQL's CPU for each
// phase). An agent that heartbeats every 30 s does not notice 5 ms.

export type HeartbeatOutcome = 'accepted' | 'unknown_credential' | 'forbidden';

interface Pending {
  hash: string;
  /** performance.now() when it was queued: how long it has lingered. */
  queuedAt: number;
  receivedAt: Date;
  body: HeartbeatBody;
  resolve: (outcome: HeartbeatOutcome) => void;
  reject: (error: unknown) => void;
}

export interface IngestOptions {
  /** At most one metrics sample per node per this many seconds (0: every heartbeat). */
  sampleEveryS: number;
  maxBatch?: number;
  /** Batches written concurrently (PostgreSQL: a few connections; PGlite is serial anyway). */
  maxInFlight?: number;
  /** How long the oldest waiting heartbeat may wait for others to share its batch (0: no wait). */
  lingerMs?: number;
  /** This many waiting heartbeats go at once, without lingering. */
  fullBatch?: number;
  log?: Logger;
}

/** An agent clock more than this far off is ignored for the sample time. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export class HeartbeatIngest {
  private queue: Pending[] = [];
  private inFlight = 0;
  /** Set while the oldest waiting heartbeat lingers. */
  private lingering: NodeJS.Timeout | undefined;
  /** Set once a batch may go: it goes in this turn's setImmediate, with whatever else arrived in the turn. */
  private due: NodeJS.Immediate | undefined;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private readonly lingerMs: number;
  private readonly fullBatch: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: IngestOptions,
  ) {
    this.maxBatch = options.maxBatch ?? 1000;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.lingerMs = options.lingerMs ?? 0;
    this.fullBatch = Math.min(options.fullBatch ?? this.maxBatch, this.maxBatch);
  }

  submit(hash: string, receivedAt: Date, body: HeartbeatBody): Promise<HeartbeatOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ hash, queuedAt: performance.now(), receivedAt, body, resolve, reject });
      this.schedule();
    });
  }

  /** Arranges the next batch: at once when it may go, else when the oldest waiting heartbeat has lingered enough. */
  private schedule(): void {
    if (this.queue.length === 0 || this.inFlight >= this.maxInFlight || this.due) return;
    const waitMs =
      this.queue.length >= this.fullBatch ? 0 : this.queue[0]!.queuedAt + this.lingerMs - performance.now();
    if (waitMs > 0) {
      this.lingering ??= setTimeout(() => {
        this.lingering = undefined;
        this.schedule();
      }, waitMs);
      return;
    }
    clearTimeout(this.lingering);
    this.lingering = undefined;
    this.due = setImmediate(() => {
      this.due = undefined;
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight += 1;
      this.write(batch)
        .catch((error) => {
          this.options.log?.error({ err: error, size: batch.length }, 'heartbeat batch failed');
          for (const item of batch) item.reject(error);
        })
        .finally(() => {
          this.inFlight -= 1;
          this.schedule();
        });
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    // The newest heartbeat per credential carries the batch's presence and metrics for that node.
    const latest = new Map<string, Pending>();
    for (const item of batch) {
      const prev = latest.get(item.hash);
      if (!prev || prev.receivedAt <= item.receivedAt) latest.set(item.hash, item);
    }
    // Every heartbeat carries its sample's columns and the statement decides from the node row whether one is due:
    // the row is the one record of when the node was last sampled, whichever process wrote it. (A per-process memory
    // of that, to send metrics only when due, saved little JSON, held up to 400,000 entries of ~100 bytes a worker, and
    // disagreed with the row whenever the row said "not due" after the process had sent.)
    const rows = [...latest.values()].map((item) => ({
      hash: item.hash,
      at: item.receivedAt.toISOString(),
      sample_at: sampleTime(item).toISOString(),
      ...sampleColumns(item.body),
    }));
    // Answers only the refused credentials: at high load a batch is a thousand heartbeats, nearly all accepted, and
    // sending their hashes back would cost both sides for nothing.
    const refused = (
      await writeBatch(this.db, {
        rows: JSON.stringify(rows),
        count: rows.length,
        sampleEveryS: this.options.sampleEveryS,
      })
    ).map((r) => r.hash);
    const outcomes = refused.length > 0 ? await this.classify(refused) : new Map<string, HeartbeatOutcome>();
    const refusedSet = new Set(refused);
    for (const item of batch)
      item.resolve(
        refusedSet.has(item.hash) ? (outcomes.get(item.hash) ?? 'unknown_credential') : 'accepted',
      );
  }

  /** Why heartbeats were refused: a node that is suspended, revoked or decommissioned is 403, anything else 401. */
  private async classify(hashes: string[]): Promise<Map<string, HeartbeatOutcome>> {
    const { rows } = await sql<{ secret_hash: string; status: string }>`
      select c.secret_hash, n.status
      from edge_credentials c join edge_nodes n on n.id = c.node_id
      where c.secret_hash in (select jsonb_array_elements_text(${JSON.stringify(hashes)}::jsonb))`.execute(
      this.db,
    );
    const barred = new Set(['suspended', 'revoked', 'decommissioned']);
    return new Map(
      rows.map((r) => [r.secret_hash, barred.has(r.status) ? 'forbidden' : 'unknown_credential']),
    );
  }
}

/**
 * A batch's one statement (described at the top of this file); answers the hashes it refused. Prepared: every batch
 * sends the same text, so PostgreSQL parses it once per connection rather than once per batch.
 */
const writeBatch = prepare(
  (db: Kysely<Database>, a: { rows: string; count: number; sampleEveryS: number }) => sql<{ hash: string }>`
      with hb as (
        -- The LIMIT changes no result: it tells the planner how many heartbeats there are (a set-returning function
        -- is otherwise guessed at 100 rows), so a small batch probes the credential and node indexes instead of
        -- scanning both tables whole.
        select * from jsonb_to_recordset(${a.rows}::jsonb)
          as t(hash text, at timestamptz, sample_at timestamptz, health text, uptime_s float8, cpu_load1 real,
               cpu_util_pct real, memory_used_pct real, accelerator_util_pct real, app_version text, models jsonb)
        limit ${a.count}
      ),
      locked as (
        select n.id, n.last_seen_at, n.span_started_at, n.metrics_sampled_at, hb.*,
               (n.last_seen_at is null or hb.at > n.last_seen_at + n.offline_after_s * interval '1 second') as new_span,
               -- Strictly later than the last sample, so (node_id, at) never repeats (the samples table has no
               -- ON CONFLICT clause to pay for).
               (n.metrics_sampled_at is null
                 or (hb.sample_at > n.metrics_sampled_at
                     and hb.sample_at >= n.metrics_sampled_at + ${a.sampleEveryS} * interval '1 second')) as sample
        from hb
        -- One unique-index probe per heartbeat (LIMIT 1 keeps the planner from turning it into a hash join over the
        -- whole credentials table, which its cost model prefers for a few thousand rows)
        cross join lateral (
          select c.node_id from edge_credentials c
          where c.secret_hash = hb.hash and c.revoked_at is null limit 1
        ) c
        join edge_nodes n on n.id = c.node_id
        where n.status = 'active'
        order by n.id
        for update of n
      ),
      closed as (
        insert into edge_presence_spans (node_id, started_at, ended_at)
        select id, span_started_at, last_seen_at from locked
        where new_span and span_started_at is not null and last_seen_at is not null
      ),
      sampled as (
        insert into edge_metric_samples (node_id, at, health, uptime_s, cpu_load1, cpu_util_pct, memory_used_pct,
                                         accelerator_util_pct, app_version, models)
        select id, sample_at, health, uptime_s, cpu_load1, cpu_util_pct, memory_used_pct, accelerator_util_pct,
               app_version, models
        from locked where sample
      ),
      updated as (
        update edge_nodes n set
          last_seen_at = greatest(l.last_seen_at, l.at),
          span_started_at = case when l.new_span then l.at else l.span_started_at end,
          connected_at = coalesce(n.connected_at, l.at),
          metrics_sampled_at = case when l.sample then greatest(l.metrics_sampled_at, l.sample_at)
                                    else l.metrics_sampled_at end
        from locked l
        -- The id list lets the update reach its rows through the primary key rather than a scan of edge_nodes.
        where n.id = l.id and n.id = any(array(select id from locked))
        returning l.hash
      )
      select hb.hash from hb where not exists (select 1 from updated u where u.hash = hb.hash)`,
);

/** The sample's columns (edge_metric_samples) from a heartbeat body. */
function sampleColumns(body: HeartbeatBody) {
  const accelerators = body.accelerators;
  return {
    health: body.health,
    uptime_s: body.uptimeS,
    cpu_load1: body.cpu.load1,
    cpu_util_pct: body.cpu.utilPct ?? null,
    memory_used_pct: (100 * body.memory.usedBytes) / body.memory.totalBytes,
    accelerator_util_pct:
      accelerators.length > 0
        ? accelerators.reduce((sum, a) => sum + a.utilPct, 0) / accelerators.length
        : null,
    app_version: body.appVersion,
    models: body.models,
  };
}

/** The agent's own time for the metrics sample when it is sane, else the receipt time. */
function sampleTime(item: Pending): Date {
  if (!item.body.sentAt) return item.receivedAt;
  const sent = new Date(item.body.sentAt);
  const skew = item.receivedAt.getTime() - sent.getTime();
  return skew >= 0 && skew <= MAX_CLOCK_SKEW_MS ? sent : item.receivedAt;
}
