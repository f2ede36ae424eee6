import type { Database } from '@dg/db';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { HeartbeatBody } from '../../schemas/edge';

// The heartbeat hot path. Requests are not written one by one: every heartbeat that arrives while a batch is being
// written waits for the next one, so at low load a heartbeat is written at once and at high load hundreds share two
// statements (authenticate by credential hash; then one statement that locks the nodes, closes the spans that a gap
// ended, samples metrics and moves last_seen_at). The answer is sent after its batch commits, and the write re-checks
// the node's status under the row lock, so a revoke that commits before the write refuses the heartbeat.

export type HeartbeatOutcome = 'accepted' | 'unknown_credential' | 'forbidden';

interface Pending {
  hash: string;
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
  log?: Logger;
}

/** An agent clock more than this far off is ignored for the sample time. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export class HeartbeatIngest {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: IngestOptions,
  ) {
    this.maxBatch = options.maxBatch ?? 1000;
    this.maxInFlight = options.maxInFlight ?? 2;
  }

  submit(hash: string, receivedAt: Date, body: HeartbeatBody): Promise<HeartbeatOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ hash, receivedAt, body, resolve, reject });
      if (!this.scheduled && this.inFlight < this.maxInFlight) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
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
          this.pump();
        });
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    const hashes = [...new Set(batch.map((p) => p.hash))];
    const found = await sql<{ secret_hash: string; node_id: string; revoked: boolean; status: string }>`
      select c.secret_hash, c.node_id, c.revoked_at is not null as revoked, n.status
      from edge_credentials c join edge_nodes n on n.id = c.node_id
      where c.secret_hash in (select jsonb_array_elements_text(${JSON.stringify(hashes)}::jsonb))`.execute(this.db);
    const byHash = new Map(found.rows.map((r) => [r.secret_hash, r]));

    // The newest heartbeat of each node in this batch carries the batch's presence and metrics for that node.
    const latest = new Map<string, Pending>();
    const accepted = new Map<Pending, string>();
    for (const item of batch) {
      const cred = byHash.get(item.hash);
      if (!cred) item.resolve('unknown_credential');
      else if (cred.status === 'suspended' || cred.status === 'revoked' || cred.status === 'decommissioned')
        item.resolve('forbidden');
      // A rotated-away credential (the node is active or awaiting re-enrollment with a newer one) is just unknown.
      else if (cred.revoked || cred.status !== 'active') item.resolve('unknown_credential');
      else {
        accepted.set(item, cred.node_id);
        const prev = latest.get(cred.node_id);
        if (!prev || prev.receivedAt <= item.receivedAt) latest.set(cred.node_id, item);
      }
    }
    if (latest.size === 0) return;

    const rows = [...latest].map(([nodeId, item]) => ({
      node_id: nodeId,
      at: item.receivedAt.toISOString(),
      sample_at: sampleTime(item).toISOString(),
      metrics: item.body,
    }));
    const written = await sql<{ id: string }>`
      with hb as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as t(node_id uuid, at timestamptz, sample_at timestamptz, metrics jsonb)
      ),
      locked as (
        select n.id, n.last_seen_at, n.span_started_at, n.metrics_sampled_at, n.offline_after_s,
               hb.at, hb.sample_at, hb.metrics,
               (n.last_seen_at is null or hb.at > n.last_seen_at + n.offline_after_s * interval '1 second') as new_span
        from edge_nodes n join hb on hb.node_id = n.id
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
        insert into edge_metric_samples (node_id, at, metrics)
        select id, sample_at, metrics from locked
        where metrics_sampled_at is null
           or sample_at >= metrics_sampled_at + ${this.options.sampleEveryS} * interval '1 second'
        on conflict do nothing
      )
      update edge_nodes n set
        last_seen_at = greatest(l.last_seen_at, l.at),
        span_started_at = case when l.new_span then l.at else l.span_started_at end,
        connected_at = coalesce(n.connected_at, l.at),
        metrics_sampled_at = case
          when l.metrics_sampled_at is null
            or l.sample_at >= l.metrics_sampled_at + ${this.options.sampleEveryS} * interval '1 second'
          then greatest(l.metrics_sampled_at, l.sample_at) else l.metrics_sampled_at end
      from locked l
      where n.id = l.id
      returning n.id`.execute(this.db);
    const live = new Set(written.rows.map((r) => r.id));
    for (const [item, nodeId] of accepted) item.resolve(live.has(nodeId) ? 'accepted' : 'forbidden');
  }
}

/** The agent's own time for the metrics sample when it is sane, else the receipt time. */
function sampleTime(item: Pending): Date {
  if (!item.body.sentAt) return item.receivedAt;
  const sent = new Date(item.body.sentAt);
  const skew = item.receivedAt.getTime() - sent.getTime();
  return skew >= 0 && skew <= MAX_CLOCK_SKEW_MS ? sent : item.receivedAt;
}
