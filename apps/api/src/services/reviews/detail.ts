import type { Database } from '@dg/db';
import { availableEvents } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../authz/actor';
import { notFound } from '../../errors';
import type { reviewDetailSchema } from '../../schemas/reviews';
import { describeApplication } from '../applications/detail';
import { findApplication } from '../applications/load';
import { visibleToReviewer } from './visibility';
import { workflowOf } from '../applications/workflow';

/**
 * An application as a reviewer sees it: the applicant's view plus the verdict and its trace, the full history
 * (refused attempts included), approvals (voided ones marked), expert scores, inspections, and what the caller may do.
 */
export async function reviewDetail(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  now: Date,
): Promise<z.infer<typeof reviewDetailSchema>> {
  const loaded = await findApplication(db, id);
  if (!loaded || !(await visibleToReviewer(db, actor, loaded))) throw notFound('申报不存在或无权查看');
  const workflow = workflowOf(loaded.application.program_id);
  const eventLabels = workflow.events as Record<string, { label: string }>;
  const [base, history, approvals, scores, inspections] = await Promise.all([
    describeApplication(db, loaded, now),
    db
      .selectFrom('application_events as ev')
      .leftJoin('users as u', 'u.id', 'ev.actor_user_id')
      .selectAll('ev')
      .select('u.display_name')
      .where('ev.application_id', '=', id)
      .orderBy('ev.id')
      .execute(),
    db
      .selectFrom('application_approvals')
      .select(['event', 'approved_at', 'voided_at'])
      .where('application_id', '=', id)
      .orderBy('approved_at')
      .execute(),
    db
      .selectFrom('expert_scores as s')
      .innerJoin('users as u', 'u.id', 's.expert_user_id')
      .select(['s.expert_user_id', 'u.display_name', 's.scores', 's.total', 's.comment'])
      .where('s.application_id', '=', id)
      .where('s.submitted_at', 'is not', null)
      .execute(),
    db
      .selectFrom('site_inspections as i')
      .innerJoin('users as u', 'u.id', 'i.inspector_user_id')
      .select(['u.display_name', 'i.visited_on', 'i.result', 'i.findings', 'i.file_ids'])
      .where('i.application_id', '=', id)
      .orderBy('i.created_at')
      .execute(),
  ]);
  const events: string[] = availableEvents(workflow, loaded.application.state, actor.role);
  return {
    ...base,
    enterprise: {
      id: loaded.enterprise.id,
      name: loaded.enterprise.name,
      uscc: loaded.enterprise.uscc,
      townCode: loaded.enterprise.townCode,
    },
    verdict: base.submissions.at(-1)?.verdict ?? null,
    history: history.map((e) => ({
      id: Number(e.id),
      event: e.event,
      eventLabel: eventLabels[e.event]?.label ?? e.event,
      fromState: e.from_state,
      toState: e.to_state,
      accepted: e.accepted,
      actorUserId: e.actor_user_id,
      actorName: e.display_name,
      actorRole: e.actor_role,
      reason: e.reason,
      data: e.data,
      at: e.at.toISOString(),
    })),
    approvals: approvals.map((a) => ({
      event: a.event,
      approvedAt: a.approved_at.toISOString(),
      voidedAt: a.voided_at?.toISOString() ?? null,
    })),
    scores: scores.map((s) => ({
      expertUserId: s.expert_user_id,
      expertName: s.display_name,
      scores: s.scores,
      total: s.total,
      comment: s.comment,
    })),
    inspections: inspections.map((i) => ({
      inspectorName: i.display_name,
      visitedOn: i.visited_on,
      result: i.result,
      findings: i.findings,
      fileIds: i.file_ids,
    })),
    actions: events.map((event) => ({ event, label: eventLabels[event]?.label ?? event })),
  };
}
