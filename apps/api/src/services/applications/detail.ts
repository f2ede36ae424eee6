import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { applicationDetailSchema, returnReasonSchema, verdictSchema } from '../../schemas/applications';
import type { LoadedApplication } from './load';
import { checklistOf } from './materials';
import { presentSummary, timelineOf } from './present';

type ReturnReason = z.infer<typeof returnReasonSchema>;

/** The event whose reasons the applicant must answer while the application is back with them. */
const RETURN_EVENT = 'return_for_correction';

/** What the applicant (and, extended, a reviewer) sees of one application. */
export async function describeApplication(
  db: Kysely<Database>,
  loaded: LoadedApplication,
  now: Date,
): Promise<z.infer<typeof applicationDetailSchema>> {
  const { application } = loaded;
  const [submissions, accepted, materials] = await Promise.all([
    db
      .selectFrom('application_submissions as s')
      .innerJoin('editions as ed', 'ed.id', 's.edition_id')
      .selectAll('s')
      .select('ed.code as edition_code')
      .where('s.application_id', '=', application.id)
      .orderBy('s.seq')
      .execute(),
    db
      .selectFrom('application_events')
      .select(['event', 'to_state', 'at', 'data'])
      .where('application_id', '=', application.id)
      .where('accepted', '=', true)
      .orderBy('id')
      .execute(),
    checklistOf(db, application),
  ]);
  const lastEvent = accepted.at(-1);
  const returnReasons =
    lastEvent?.event === RETURN_EVENT ? ((lastEvent.data.reasons as ReturnReason[] | undefined) ?? []) : [];
  return {
    application: presentSummary(
      {
        application,
        enterpriseName: loaded.enterprise.name,
        townCode: loaded.enterprise.townCode,
        editionCode: loaded.editionCode,
      },
      now,
    ),
    form: application.form,
    formVersion: application.form_version,
    materials,
    submissions: submissions.map((s) => ({
      seq: s.seq,
      edition: s.edition_code,
      formVersion: s.form_version,
      submittedAt: s.submitted_at.toISOString(),
      submittedBy: s.submitted_by,
      form: s.form,
      verdict: s.verdict as z.infer<typeof verdictSchema>,
    })),
    timeline: timelineOf(application, accepted),
    returnReasons,
  };
}
