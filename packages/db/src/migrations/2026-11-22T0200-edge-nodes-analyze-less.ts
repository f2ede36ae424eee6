import { type Kysely, sql } from 'kysely';

// Frozen once landed: a later change is a new migration. Only SQL that PGlite and PostgreSQL both accept.
// Every node's heartbeat updates its row every 30 s, so by the default rule (10% of the rows changed) autovacuum
// re-analyzes edge_nodes every minute, however large the fleet. Those changes are timestamps; the statistics the
// planner uses (status, enterprise, application) hardly move. At 300,000 nodes that analyze took 0.33 s of CPU each
// minute (PostgreSQL's log with log_autovacuum_min_duration=0), and a bench:edge soak's 1–2 s bursts of heartbeats
// answered in 100–230 ms fell on those passes (the bench lists such seconds). Ten times the rows changed is one
// analyze every ~5 minutes (ten heartbeat cycles) at any fleet size; a batch of newly registered nodes is then
// counted within minutes.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table edge_nodes set (autovacuum_analyze_scale_factor = 10)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table edge_nodes reset (autovacuum_analyze_scale_factor)`.execute(db);
}
