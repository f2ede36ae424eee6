import { type Database, prepare } from '@dg/db';
import type { Kysely } from 'kysely';
import { LISTED_COLUMNS, presentListed, progressLineOf } from './present';

export interface MineQuery {
  program?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

/** The page's SELECT (also explained by the benchmark): `take` rows, after the cursor when there is one. */
export function minePageQuery(
  db: Kysely<Database>,
  filter: { enterpriseId: string; program?: string; after?: { createdAt: Date; id: string }; take: number },
) {
  let q = db
    .selectFrom('applications as a')
    .select(LISTED_COLUMNS)
    .where('a.enterprise_id', '=', filter.enterpriseId);
  if (filter.program) q = q.where('a.program_id', '=', filter.program);
  if (filter.after) {
    const { createdAt, id } = filter.after;
    q = q.where((eb) => eb(eb.refTuple('a.created_at', 'a.id'), '<', eb.tuple(createdAt, id)));
  }
  return q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(filter.take);
}

interface PageArgs extends Record<string, unknown> {
  enterpriseId: string;
  program: string;
  afterCreatedAt: Date;
  afterId: string;
  take: number;
}

const minePage = prepare((db: Kysely<Database>, a: PageArgs, shape: { program: boolean; after: boolean }) =>
  minePageQuery(db, {
    enterpriseId: a.enterpriseId,
    program: shape.program ? a.program : undefined,
    after: shape.after ? { createdAt: a.afterCreatedAt, id: a.afterId } : undefined,
    take: a.take,
  }),
);

const acceptedEvents = prepare((db: Kysely<Database>, a: { applicationIds: string[] }) =>
  db
    .selectFrom('application_events')
    .select(['application_id', 'to_state', 'at'])
    .where((eb) => eb('application_id', '=', eb.fn.any(eb.val(a.applicationIds))))
    .where('accepted', '=', true)
    .orderBy('id'),
);

/** The active enterprise's applications, newest first (keyset on created_at, id), each with its progress. */
export async function listMine(db: Kysely<Database>, enterpriseId: string, query: MineQuery, now: Date) {
  const rows = await minePage(
    db,
    {
      enterpriseId,
      program: query.program ?? '',
      afterCreatedAt: query.after ? new Date(query.after.createdAt) : now,
      afterId: query.after?.id ?? '',
      // One more than the page tells whether there is a next one.
      take: query.limit + 1,
    },
    { program: query.program !== undefined, after: query.after !== undefined },
  );
  const page = rows.slice(0, query.limit);
  const events = page.length ? await acceptedEvents(db, { applicationIds: page.map((r) => r.id) }) : [];
  const eventsOf = new Map<string, typeof events>();
  for (const e of events) {
    const list = eventsOf.get(e.application_id);
    if (list) list.push(e);
    else eventsOf.set(e.application_id, [e]);
  }
  // Object.assign, not a spread: a spread copies each item's fields into yet another object.
  const items = page.map((row) =>
    Object.assign(presentListed(row, now), { progress: progressLineOf(row, eventsOf.get(row.id) ?? []) }),
  );
  const last = page.at(-1);
  return {
    items,
    next:
      rows.length > query.limit && last ? { createdAt: last.created_at.toISOString(), id: last.id } : null,
  };
}
