import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import pg from 'pg';
import { serveBareCluster } from './bare-cluster';

// The applications bench's baseline: Hono + `pg` running the same SQL as `applications.mine` and
// `applications.saveDraft` (session lookup included), without tRPC, Kysely, zod, the policy core's checks or the
// timeline. As many processes (BARE_WORKERS) on PORT as the API runs, each with DATABASE_POOL_SIZE connections to
// DATABASE_URL, as the API's workers have. Every statement is named (prepared once per connection), as the API's
// prepared queries are (@dg/db prepare), so the two differ in what runs around the SQL, not in how it is sent.

let statements = 0;
/** A named statement: `run(pool, values)` parses it once per connection. */
function statement(text: string) {
  const name = `bare_${++statements}`;
  return (pool: pg.Pool, values: unknown[]) => pool.query({ name, text, values });
}

const sessionLookup = statement(
  `select s.id as session_id, s.kind, s.last_seen_at, u.id as user_id, u.role, u.display_name, u.town_code,
     m.enterprise_id, m.member_role from sessions as s inner join users as u on u.id = s.user_id
   left join enterprise_members as m on m.enterprise_id = s.active_enterprise_id and m.user_id = s.user_id
   where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2 and u.disabled_at is null`,
);
const minePage = statement(
  `select a.id, a.program_id, a.state, a.tracking_number, a.ceiling_fen, a.recognised_fen, a.deadline_at,
     a.created_at from applications as a
   where a.enterprise_id = $1 order by a.created_at desc, a.id desc limit 21`,
);
const mineEvents = statement(
  `select application_id, to_state, at from application_events
   where application_id = any($1) and accepted = true order by id`,
);
const saveRead = statement(
  `select a.*, e.name, e.uscc, e.town_code, e.category, ed.code, ed.parameter_overrides from applications as a
   inner join enterprises as e on e.id = a.enterprise_id inner join editions as ed on ed.id = a.edition_id
   where a.id = $1`,
);
const saveWrite = statement(
  `update applications set form = $1, form_version = 1, updated_at = now(), version = $2 + 1
   where id = $3 and enterprise_id = $4 and version = $2 and state = 'draft' returning *`,
);

/** The session lookup every authenticated request makes (services/auth/sessions.ts), as plain SQL. */
async function bareSession(pool: pg.Pool, authorization: string | undefined) {
  const token = authorization?.replace(/^Bearer\s+/i, '') ?? '';
  const { rows } = await sessionLookup(pool, [createHash('sha256').update(token).digest('hex'), new Date()]);
  return rows[0] as { enterprise_id: string } | undefined;
}

function bareApp(pool: pg.Pool) {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/mine', async (c) => {
    const session = await bareSession(pool, c.req.header('authorization'));
    if (!session) return c.json({ error: 'unauthorized' }, 401);
    const page = await minePage(pool, [session.enterprise_id]);
    const events = await mineEvents(pool, [page.rows.slice(0, 20).map((r) => r.id)]);
    return c.json({ items: page.rows.slice(0, 20), events: events.rows });
  });
  app.post('/save', async (c) => {
    const session = await bareSession(pool, c.req.header('authorization'));
    if (!session) return c.json({ error: 'unauthorized' }, 401);
    const { id, version, form } = await c.req.json<{ id: string; version: number; form: unknown }>();
    await saveRead(pool, [id]);
    const updated = await saveWrite(pool, [JSON.stringify(form), version, id, session.enterprise_id]);
    if (!updated.rowCount) return c.json({ error: 'stale' }, 409);
    return c.json({ result: { data: { application: { version: updated.rows[0].version } } } });
  });
  return app;
}

serveBareCluster(() => {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  return { fetch: bareApp(pool).fetch, close: () => pool.end() };
});
