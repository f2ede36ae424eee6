import { type Kysely, sql } from 'kysely';

// Frozen once landed: a later change is a new migration. Only SQL that PGlite and PostgreSQL both accept.
// Every heartbeat batch rewrites its nodes' rows (last_seen_at, spans). With pages packed full, a new row version
// rarely fits beside the old one, so each update also inserts into every index on edge_nodes; room left in each
// page keeps these updates heap-only (HOT). Applies to pages written from now on; VACUUM FULL repacks old ones.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table edge_nodes set (fillfactor = 50)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table edge_nodes reset (fillfactor)`.execute(db);
}
