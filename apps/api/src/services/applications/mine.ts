import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import { presentSummary, SUMMARY_COLUMNS, timelineOf } from './present';

export interface MineQuery {
  program?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

/** The page's SELECT (also explained by the benchmark). */
export function minePageQuery(db: Kysely<Database>, enterpriseId: string, query: MineQuery) {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .innerJoin('editions as ed', 'ed.id', 'a.edition_id')
    .select(SUMMARY_COLUMNS)
    .select(['e.name as enterprise_name', 'e.town_code', 'ed.code as edition_code'])
    .where('a.enterprise_id', '=', enterpriseId);
  if (query.program) q = q.where('a.program_id', '=', query.program);
  if (query.after) {
    const { createdAt, id } = query.after;
    q = q.where((eb) => eb(eb.refTuple('a.created_at', 'a.id'), '<', eb.tuple(new Date(createdAt), id)));
  }
  return q
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(query.limit + 1);
}

/** The active enterprise's applications, newest first (keyset on created_at, id), each with its progress timeline. */
export async function listMine(db: Kysely<Database>, enterpriseId: string, query: MineQuery, now: Date) {
  const rows = await minePageQuery(db, enterpriseId, query).execute();
  const page = rows.slice(0, query.limit);
  const events = page.length
    ? await db
        .selectFrom('application_events')
        .select(['application_id', 'to_state', 'at'])
        .where(
          'application_id',
          'in',
          page.map((r) => r.id),
        )
        .where('accepted', '=', true)
        .orderBy('id')
        .execute()
    : [];
  const items = page.map(({ enterprise_name, town_code, edition_code, ...application }) => ({
    ...presentSummary(
      { application, enterpriseName: enterprise_name, townCode: town_code, editionCode: edition_code },
      now,
    ),
    timeline: timelineOf(
      application,
      events.filter((e) => e.application_id === application.id),
    ),
  }));
  const last = page.at(-1);
  return {
    items,
    next:
      rows.length > query.limit && last ? { createdAt: last.created_at.toISOString(), id: last.id } : null,
  };
}
