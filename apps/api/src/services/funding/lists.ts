import type { Database } from '@dg/db';
import type { ProgramId } from '@dg/policy';
import { type Kysely, sql } from 'kysely';

// Postgres returns sum()/count() as strings (bigint); PGlite as numbers. Both become integer fen/counts here.
const total = (v: unknown) => Number(v ?? 0);

/** Every edition with its budget, what approvals allocated, what was paid net of reclaims, and what is left. */
export async function budgetList(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('editions as ed')
    .select(['ed.id', 'ed.program_id', 'ed.code', 'ed.title', 'ed.budget_fen'])
    .select((eb) => [
      eb
        .selectFrom('budget_allocations as b')
        .select(sql<string>`coalesce(sum(b.granted_fen), 0)`.as('s'))
        .whereRef('b.edition_id', '=', 'ed.id')
        .as('allocated'),
      eb
        .selectFrom('payment_lines as l')
        .innerJoin('payments as p', 'p.id', 'l.payment_id')
        .innerJoin('applications as a', 'a.id', 'l.application_id')
        .select(
          sql<string>`coalesce(sum(case when p.kind = 'reclaim' then -l.amount_fen else l.amount_fen end), 0)`.as(
            's',
          ),
        )
        .whereRef('a.edition_id', '=', 'ed.id')
        .where('p.state', '=', 'paid')
        .as('paid'),
    ])
    .orderBy('ed.program_id')
    .orderBy('ed.code')
    .execute();
  return rows.map((r) => {
    const allocatedFen = total(r.allocated);
    return {
      editionId: r.id,
      programId: r.program_id as ProgramId,
      code: r.code,
      title: r.title,
      budgetFen: r.budget_fen,
      allocatedFen,
      paidFen: total(r.paid),
      remainingFen: r.budget_fen === null ? null : r.budget_fen - allocatedFen,
    };
  });
}

/** The 资助计划, newest first, with their size and amounts (requested as recognised, else the ceiling). */
export async function fundingPlanList(db: Kysely<Database>, input: { editionId?: string }) {
  let query = db
    .selectFrom('funding_plans as p')
    .innerJoin('editions as ed', 'ed.id', 'p.edition_id')
    .leftJoin('funding_plan_items as i', 'i.plan_id', 'p.id')
    .leftJoin('applications as a', 'a.id', 'i.application_id')
    .leftJoin('budget_allocations as b', (join) =>
      join.onRef('b.application_id', '=', 'a.id').onRef('b.plan_id', '=', 'p.id'),
    )
    .select([
      'p.id',
      'p.program_id',
      'p.edition_id',
      'ed.code',
      'p.title',
      'p.state',
      'p.version',
      'p.created_at',
      sql<string>`count(i.application_id)`.as('items'),
      sql<string>`coalesce(sum(coalesce(a.recognised_fen, a.ceiling_fen, 0)), 0)`.as('requested'),
      sql<string>`coalesce(sum(b.granted_fen), 0)`.as('granted'),
    ])
    .groupBy(['p.id', 'ed.code'])
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id');
  if (input.editionId) query = query.where('p.edition_id', '=', input.editionId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    programId: r.program_id as ProgramId,
    editionId: r.edition_id,
    editionCode: r.code,
    title: r.title,
    state: r.state,
    version: r.version,
    itemCount: total(r.items),
    requestedFen: total(r.requested),
    grantedFen: total(r.granted),
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
