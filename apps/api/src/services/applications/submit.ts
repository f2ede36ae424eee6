import type { Application, ApplicationSubmission, Database } from '@dg/db';
import { json } from '@dg/db';
import { type ProgramId, requiredMaterials, shanghaiDate } from '@dg/policy';
import { type Kysely, sql } from 'kysely';
import { conflict } from '../../errors';
import { formVersions } from '../../schemas/applications';
import { applyEvent, type FireActor, keepingRefusals, refuse } from '../reviews/fire';
import { formEvent, isEnterpriseCategory } from './editing';
import { checkForm, checkInputOf } from './forms';
import { loadOwnApplication } from './load';
import { inTransaction } from './transaction';

export interface SubmitInput {
  id: string;
  version: number;
  idempotencyKey: string;
}

export interface SubmitResult {
  application: Application;
  submission: ApplicationSubmission;
}

const trackingPrefixes: Record<ProgramId, string> = {
  'compute-voucher': 'CV',
  'vertical-model-rd': 'RD',
  'edge-node-deployment': 'EN',
};

/**
 * Submits (or, after a return, resubmits) an application: the strict form and the required materials are checked,
 * the policy core's verdict computed, and a frozen submission written with the workflow's submit event — all in one
 * transaction. The application row is locked first, so a double submit with one idempotency key makes one
 * submission (the second gets the first back), also when both arrive at once on several instances.
 */
export async function submitApplication(
  db: Kysely<Database>,
  actor: FireActor & { userId: string },
  enterpriseId: string,
  input: SubmitInput,
  requestId: string | null,
  now: Date,
): Promise<SubmitResult> {
  const key = `${enterpriseId}:${input.idempotencyKey}`;
  return keepingRefusals(db, () =>
    inTransaction(db, async (trx) => {
      await trx
        .selectFrom('applications')
        .select('id')
        .where('id', '=', input.id)
        .where('enterprise_id', '=', enterpriseId)
        .forUpdate()
        .execute();
      const replay = await trx
        .selectFrom('application_submissions')
        .selectAll()
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      const loaded = await loadOwnApplication(trx, enterpriseId, input.id);
      if (replay) {
        if (replay.application_id !== input.id) throw conflict('该幂等键已用于另一份申报');
        return { application: loaded.application, submission: replay };
      }

      const { application, enterprise } = loaded;
      const program = application.program_id as ProgramId;
      const event = formEvent(application) ?? 'submit';
      const req = { event, actor, expectedVersion: input.version, requestId, now };
      const check = checkForm(checkInputOf(loaded, now));
      if (check.issues.length || !check.form || !check.verdict) {
        const listed = check.issues.slice(0, 5).map((i) => `${i.path}：${i.message}`);
        refuse('BAD_REQUEST', `申报表未通过校验：${listed.join('；')}`, application, req);
      }
      const attached = await trx
        .selectFrom('application_materials')
        .select(['item_key', 'file_id'])
        .where('application_id', '=', application.id)
        .execute();
      const missing = requiredMaterials(program, isEnterpriseCategory(enterprise.category)).filter(
        (item) => !attached.some((m) => m.item_key === item.key),
      );
      if (missing.length) {
        const listed = missing.map((m) => `（${m.order}）${m.title}`).join('；');
        refuse('BAD_REQUEST', `缺少申报材料：${listed}`, application, req);
      }

      const trackingNumber = application.tracking_number ?? (await nextTrackingNumber(trx, program, now));
      const last = await trx
        .selectFrom('application_submissions')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('application_id', '=', application.id)
        .executeTakeFirst();
      const seq = (last?.seq ?? 0) + 1;
      const submission = await trx
        .insertInto('application_submissions')
        .values({
          application_id: application.id,
          seq,
          edition_id: application.edition_id,
          form_version: formVersions[program],
          form: json(check.form),
          verdict: json(check.verdict),
          idempotency_key: key,
          submitted_by: actor.userId,
          submitted_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const updated = await applyEvent(trx, loaded, {
        ...req,
        data: {
          submissionSeq: seq,
          trackingNumber,
          materials: attached.map((m) => ({ itemKey: m.item_key, fileId: m.file_id })),
        },
        changes: {
          tracking_number: trackingNumber,
          ceiling_fen: check.verdict.subsidyFen,
          submitted_at: now,
        },
      });
      return { application: updated, submission };
    }),
  );
}

/** CV-2025-000123: the program, the Shanghai year of first submission, a number from one database sequence. */
async function nextTrackingNumber(db: Kysely<Database>, program: ProgramId, now: Date): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('application_tracking_seq') as n`.execute(db);
  const n = Number(rows[0]?.n);
  return `${trackingPrefixes[program]}-${shanghaiDate(now).slice(0, 4)}-${String(n).padStart(6, '0')}`;
}
