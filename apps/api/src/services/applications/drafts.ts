import { type Database, json, prepare } from '@dg/db';
import type { ProgramId } from '@dg/policy';
import type { Kysely } from 'kysely';
import { notFound, staleVersion } from '../../errors';
import { formVersions } from '../../schemas/applications';
import { assertEditable } from './editing';
import { checkForm, checkInputOf, type FormCheck, type FormIssue, formIssues } from './forms';
import { type LoadedApplication, loadOwnApplication } from './load';
import { inTransaction } from './transaction';

export interface CreateDraft {
  program: ProgramId;
  edition: string;
  form: Record<string, unknown>;
  idempotencyKey: string;
}

export interface SaveDraft {
  id: string;
  version: number;
  form: Record<string, unknown>;
}

/**
 * A saved draft and the strict schema's warnings on it. The policy core's verdict is not part of a save: the form
 * page saves a second after each change, and the verdict is read only where the applicant looks at it, on the
 * confirm step (`draftVerdict`).
 */
export interface DraftResult {
  loaded: LoadedApplication;
  issues: FormIssue[];
}

const saved = (loaded: LoadedApplication, now: Date): DraftResult => ({
  loaded,
  issues: formIssues(checkInputOf(loaded, now)).issues,
});

/**
 * A new draft of the active enterprise. The idempotency key is scoped to the enterprise, so a retried create returns
 * the same draft and one enterprise's keys never collide with (or reveal) another's.
 */
export async function createDraft(
  db: Kysely<Database>,
  userId: string,
  enterpriseId: string,
  input: CreateDraft,
  now: Date,
): Promise<DraftResult> {
  const key = `${enterpriseId}:${input.idempotencyKey}`;
  const id = await inTransaction(db, async (trx) => {
    const edition = await trx
      .selectFrom('editions')
      .select('id')
      .where('program_id', '=', input.program)
      .where('code', '=', input.edition)
      .executeTakeFirst();
    if (!edition) throw notFound('申报批次不存在');
    const inserted = await trx
      .insertInto('applications')
      .values({
        program_id: input.program,
        edition_id: edition.id,
        enterprise_id: enterpriseId,
        state: 'draft',
        form: json(input.form),
        form_version: formVersions[input.program],
        idempotency_key: key,
        created_by: userId,
        created_at: now,
        updated_at: now,
        state_entered_at: now,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return inserted.id;
    const existing = await trx
      .selectFrom('applications')
      .select('id')
      .where('idempotency_key', '=', key)
      .executeTakeFirstOrThrow();
    return existing.id;
  });
  return saved(await loadOwnApplication(db, enterpriseId, id), now);
}

/** The save itself, optimistic on version and state (a draft saved every few seconds by the form page: prepared). */
const saveForm = prepare(
  (
    db: Kysely<Database>,
    a: {
      id: string;
      enterpriseId: string;
      version: number;
      nextVersion: number;
      state: string;
      form: string;
      formVersion: number;
      now: Date;
    },
  ) =>
    db
      .updateTable('applications')
      .set({ form: a.form, form_version: a.formVersion, updated_at: a.now, version: a.nextVersion })
      .where('id', '=', a.id)
      .where('enterprise_id', '=', a.enterpriseId)
      .where('version', '=', a.version)
      .where('state', '=', a.state)
      .returningAll(),
);

/** Saves the form of a draft (or of a returned application being corrected); optimistic locking on `version`. */
export async function saveDraft(
  db: Kysely<Database>,
  enterpriseId: string,
  input: SaveDraft,
  now: Date,
): Promise<DraftResult> {
  const current = await loadOwnApplication(db, enterpriseId, input.id);
  assertEditable(current.application);
  const [updated] = await saveForm(db, {
    id: input.id,
    enterpriseId,
    version: input.version,
    nextVersion: input.version + 1,
    state: current.application.state,
    form: json(input.form),
    formVersion: formVersions[current.application.program_id as ProgramId],
    now,
  });
  if (!updated) throw staleVersion();
  return saved({ ...current, application: updated }, now);
}

/**
 * The policy core's verdict on an application's form as last saved, judged today, with the strict schema's
 * warnings: what submitting it now would meet. Only while the applicant may still change and (re)submit the form;
 * a submitted form's verdict is the one frozen with its submission.
 */
export async function draftVerdict(
  db: Kysely<Database>,
  enterpriseId: string,
  id: string,
  now: Date,
): Promise<FormCheck> {
  const loaded = await loadOwnApplication(db, enterpriseId, id);
  assertEditable(loaded.application, '申报已提交，提交时的审查结论请在办理进度中查看');
  return checkForm(checkInputOf(loaded, now));
}
