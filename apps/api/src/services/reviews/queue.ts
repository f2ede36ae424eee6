import type { Database } from '@dg/db';
import { availableEvents, PROGRAM_IDS, type ProgramId, type Role } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../authz/actor';
import type { queueInput } from '../../schemas/reviews';
import { presentSummary, SUMMARY_COLUMNS } from '../applications/present';
import { reviewerScope } from './visibility';
import { workflowOf } from '../applications/workflow';

type QueueQuery = z.infer<typeof queueInput>;

const DUE_SOON_MS = 48 * 3600 * 1000;

/** Per program, the states in which `role` has an event to fire: that role's default work queue. */
export function queueStates(role: Role): Map<ProgramId, string[]> {
  const byProgram = new Map<ProgramId, string[]>();
  for (const program of PROGRAM_IDS) {
    const workflow = workflowOf(program);
    const states = Object.keys(workflow.states).filter(
      (state) =>
        state !== workflow.initial &&
        !workflow.states[state]?.terminal &&
        (role === 'admin' || availableEvents(workflow, state, role).length > 0),
    );
    if (states.length) byProgram.set(program, states);
  }
  return byProgram;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The queue's SELECT (also explained by the benchmark); undefined when the role has no stage to work on. */
export function queueQuery(db: Kysely<Database>, actor: Actor, query: QueueQuery, now: Date) {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .innerJoin('editions as ed', 'ed.id', 'a.edition_id')
    .select(SUMMARY_COLUMNS)
    .select(['e.name as enterprise_name', 'e.town_code', 'ed.code as edition_code'])
    .where(reviewerScope(actor));
  if (query.program) q = q.where('a.program_id', '=', query.program);
  if (query.state) {
    q = q.where('a.state', '=', query.state);
  } else {
    const states = [...queueStates(actor.role)].filter(([p]) => !query.program || p === query.program);
    if (!states.length) return undefined;
    q = q.where((eb) =>
      eb.or(
        states.map(([program, list]) =>
          eb.and([eb('a.program_id', '=', program), eb('a.state', 'in', list)]),
        ),
      ),
    );
  }
  if (query.edition) q = q.where('ed.code', '=', query.edition);
  if (query.townCode) q = q.where('e.town_code', '=', query.townCode);
  if (query.deadline === 'overdue') q = q.where('a.deadline_at', '<', now);
  if (query.deadline === 'due_soon') {
    q = q
      .where('a.deadline_at', '>=', now)
      .where('a.deadline_at', '<=', new Date(now.getTime() + DUE_SOON_MS));
  }
  if (query.minAmountFen !== undefined || query.maxAmountFen !== undefined) {
    q = q.where((eb) => {
      const amount = eb.fn.coalesce('a.recognised_fen', 'a.ceiling_fen');
      return eb.and([
        ...(query.minAmountFen !== undefined ? [eb(amount, '>=', query.minAmountFen)] : []),
        ...(query.maxAmountFen !== undefined ? [eb(amount, '<=', query.maxAmountFen)] : []),
      ]);
    });
  }
  if (query.search) {
    const search = query.search;
    if (/^[0-9A-Za-z]{18}$/.test(search)) q = q.where('e.uscc', '=', search.toUpperCase());
    else if (/^[A-Za-z]{2}-\d{4}-\d{6}$/.test(search))
      q = q.where('a.tracking_number', '=', search.toUpperCase());
    else q = q.where('e.name', 'like', likePattern(search));
  }
  if (query.after) {
    const { stateEnteredAt, id } = query.after;
    q = q.where((eb) =>
      eb(eb.refTuple('a.state_entered_at', 'a.id'), '>', eb.tuple(new Date(stateEnteredAt), id)),
    );
  }
  return q
    .orderBy('a.state_entered_at')
    .orderBy('a.id')
    .limit(query.limit + 1);
}

/**
 * A reviewer's work queue, oldest in its stage first, with filters and search. Keyset pagination on
 * (state_entered_at, id): the applications_entered_idx index walks it in order, applications_queue_idx serves one state.
 */
export async function reviewQueue(db: Kysely<Database>, actor: Actor, query: QueueQuery, now: Date) {
  const q = queueQuery(db, actor, query, now);
  if (!q) return { items: [], next: null };
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ enterprise_name, town_code, edition_code, ...application }) =>
      presentSummary(
        { application, enterpriseName: enterprise_name, townCode: town_code, editionCode: edition_code },
        now,
      ),
    ),
    next:
      rows.length > query.limit && last
        ? { stateEnteredAt: last.state_entered_at.toISOString(), id: last.id }
        : null,
  };
}
