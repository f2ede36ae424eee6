import type { Database } from '@dg/db';
import { type ProgramId, programLabels, type Workflow, workflows } from '@dg/policy';
import { type Kysely, sql } from 'kysely';

// Drafts are the applicant's own business until submitted; the dashboard counts what reached the government.
const DRAFT_STATE = 'draft';
// Postgres returns count()/sum() as bigint strings, PGlite as numbers.
const total = (v: unknown) => Number(v ?? 0);

const workflowOf = (programId: ProgramId): Workflow => workflows[programId];
// States in the order the workflow defines them, so a chart reads from submission to payment.
const stateOrder = (programId: ProgramId, state: string) =>
  Object.keys(workflowOf(programId).states).indexOf(state);

/** Counts by workflow state, program and town, and recognised/ceiling amounts by program, all as SQL aggregates. */
export async function statsOverview(db: Kysely<Database>) {
  const submitted = db.selectFrom('applications as a').where('a.state', '!=', DRAFT_STATE);
  const [byState, byProgram, byTown] = await Promise.all([
    submitted
      .select(['a.program_id', 'a.state', sql<string>`count(*)`.as('n')])
      .groupBy(['a.program_id', 'a.state'])
      .execute(),
    submitted
      .select([
        'a.program_id',
        sql<string>`count(*)`.as('n'),
        sql<string>`coalesce(sum(a.recognised_fen), 0)`.as('recognised'),
        sql<string>`coalesce(sum(a.ceiling_fen), 0)`.as('ceiling'),
      ])
      .groupBy('a.program_id')
      .orderBy('a.program_id')
      .execute(),
    submitted
      .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
      .select(['e.town_code', sql<string>`count(*)`.as('n')])
      .groupBy('e.town_code')
      .orderBy('e.town_code')
      .execute(),
  ]);
  return {
    byState: byState
      .map((r) => ({
        programId: r.program_id as ProgramId,
        state: r.state,
        label: workflowOf(r.program_id as ProgramId).states[r.state]?.label ?? r.state,
        count: total(r.n),
      }))
      .sort(
        (x, y) =>
          x.programId.localeCompare(y.programId) ||
          stateOrder(x.programId, x.state) - stateOrder(y.programId, y.state),
      ),
    byProgram: byProgram.map((r) => ({
      programId: r.program_id as ProgramId,
      label: programLabels[r.program_id as ProgramId],
      count: total(r.n),
      recognisedFen: total(r.recognised),
      ceilingFen: total(r.ceiling),
    })),
    byTown: byTown.map((r) => ({ townCode: r.town_code, count: total(r.n) })),
  };
}
