import { type Kysely, sql } from 'kysely';

// Frozen once landed: a later change is a new migration. Only SQL that PGlite and PostgreSQL both accept.
// edge_metric_samples only grows between retention passes: at 300,000 nodes sampled every 60 s it gains 5,000 rows a
// second, so by the default rule (10% of the rows new) autovacuum re-analyzed it every minute for its first hours
// (bench:edge prints autovacuum's passes per table over its soak), each pass sampling 30,000 rows, and the soak's
// one-second bursts of heartbeats over 100 ms fell on those passes (PostgreSQL's log, with
// log_autovacuum_min_duration=0, times each pass). Its readers look rows up by node and time through the (node_id, at)
// index, which no statistic changes; ten times the rows is enough to keep the counts fresh.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table edge_metric_samples set (autovacuum_analyze_scale_factor = 10)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table edge_metric_samples reset (autovacuum_analyze_scale_factor)`.execute(db);
}
