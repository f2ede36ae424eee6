import type { Database } from '@dg/db';
import { json } from '@dg/db';
import { availableEvents } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../authz/actor';
import { conflict, notFound } from '../../errors';
import type { inspectionInput } from '../../schemas/reviews';
import type { AuditOrigin } from '../audit/append';
import { appendAudit } from '../audit/append';
import { findApplication } from '../applications/load';
import { inTransaction } from '../applications/transaction';
import { visibleToReviewer } from './visibility';
import { workflowOf } from '../applications/workflow';

/** The event whose stage is the site inspection (现场考察): a record is made while it can be fired. */
const SITE_EVENT = 'pass_site';

/** Records a site inspection (现场考察) of an application in its inspection stage. */
export async function recordInspection(
  db: Kysely<Database>,
  actor: Actor,
  origin: AuditOrigin,
  input: z.infer<typeof inspectionInput>,
) {
  const loaded = await findApplication(db, input.id);
  if (!loaded || !(await visibleToReviewer(db, actor, loaded))) throw notFound('申报不存在或无权查看');
  const workflow = workflowOf(loaded.application.program_id);
  const events: string[] = availableEvents(workflow, loaded.application.state, actor.role);
  if (!events.includes(SITE_EVENT)) throw conflict('当前阶段不是现场考察');
  if (input.fileIds.length) {
    const owned = await db
      .selectFrom('files')
      .select('id')
      .where('id', 'in', input.fileIds)
      .where('uploaded_by', '=', actor.userId)
      .execute();
    if (owned.length !== new Set(input.fileIds).size) throw notFound('文件不存在或无权使用');
  }
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('site_inspections')
      .values({
        application_id: input.id,
        inspector_user_id: actor.userId,
        visited_on: input.visitedOn,
        result: input.result,
        findings: input.findings,
        file_ids: json(input.fileIds),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, origin, {
      action: 'application.site_inspection',
      entityType: 'application',
      entityId: input.id,
      data: { result: input.result, visitedOn: input.visitedOn },
    });
    return row;
  });
}
