import type { Application, Database } from '@dg/db';
import { materialChecklists, type ProgramId } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../authz/actor';
import { badRequest, notFound } from '../../errors';
import type { decideInput, returnForCorrectionInput } from '../../schemas/reviews';
import { findApplication } from '../applications/load';
import { fireEvent } from './fire';
import { visibleToReviewer } from './visibility';

/** The event that returns an application for correction: it goes through `returnForCorrection`, with its reasons. */
const RETURN_EVENT = 'return_for_correction';

const fireActor = (actor: Actor) => ({ userId: actor.userId, role: actor.role, townCode: actor.townCode });

/** A reviewer's decision: one workflow event on one application, based on the version they looked at. */
export async function decide(
  db: Kysely<Database>,
  actor: Actor,
  input: z.infer<typeof decideInput>,
  requestId: string | null,
  now: Date,
): Promise<Application> {
  if (input.event === RETURN_EVENT) throw badRequest('退回补正须逐项说明原因，请使用“退回补正”');
  return fireEvent(
    db,
    input.id,
    {
      event: input.event,
      actor: fireActor(actor),
      expectedVersion: input.version,
      reason: input.reason,
      recognisedFen: input.recognisedFen,
      requestId,
      now,
      ...(actor.role === 'expert' && { precondition: (trx) => scoreMissing(trx, actor, input.id) }),
    },
    (loaded, trx) => visibleToReviewer(trx, actor, loaded),
  );
}

/** Formal review returns the application for correction with a reason per material; the CV-13 clock starts. */
export async function returnForCorrection(
  db: Kysely<Database>,
  actor: Actor,
  input: z.infer<typeof returnForCorrectionInput>,
  requestId: string | null,
  now: Date,
): Promise<Application> {
  const loaded = await findApplication(db, input.id);
  if (!loaded || !(await visibleToReviewer(db, actor, loaded))) throw notFound('申报不存在或无权查看');
  const keys = materialChecklists[loaded.application.program_id as ProgramId].map((m) => m.key);
  const unknown = input.reasons.filter((r) => r.itemKey !== 'form' && !keys.includes(r.itemKey));
  if (unknown.length) throw badRequest(`没有这些材料项：${unknown.map((r) => r.itemKey).join('、')}`);
  return fireEvent(
    db,
    input.id,
    {
      event: RETURN_EVENT,
      actor: fireActor(actor),
      expectedVersion: input.version,
      reason: input.note ?? input.reasons.map((r) => r.reason).join('；'),
      data: { reasons: input.reasons },
      requestId,
      now,
    },
    (l, trx) => visibleToReviewer(trx, actor, l),
  );
}

/** An expert decides only after scoring the application on the rubric. */
async function scoreMissing(db: Kysely<Database>, actor: Actor, applicationId: string) {
  const score = await db
    .selectFrom('expert_scores')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('expert_user_id', '=', actor.userId)
    .where('submitted_at', 'is not', null)
    .executeTakeFirst();
  return score ? undefined : '请先按评分细则提交评分，再作评审结论';
}
