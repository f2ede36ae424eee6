import type { Application, Database } from '@dg/db';
import { findOverlaps, type ProgramId, type ProjectClaims } from '@dg/policy';
import type { Kysely } from 'kysely';

/** Applications that no longer claim anything: never funded, so they cannot be funded twice. */
const NOT_CLAIMING = ['draft', 'rejected', 'abandoned'];

function claimsOf(app: Pick<Application, 'id' | 'program_id' | 'form' | 'tracking_number'>): ProjectClaims {
  const form = app.form as Record<string, unknown>;
  const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
  return {
    applicationId: app.id,
    reference: app.tracking_number ?? app.id.slice(0, 8),
    program: app.program_id as ProgramId,
    ...(typeof form.projectName === 'string' && { projectName: form.projectName }),
    payments: list(form.payments),
    items: list(form.items),
  };
}

/**
 * 不重复享受 (GEN-4, CV-10) for a reviewer: the enterprise's other live applications that claim the same payments,
 * items or project, with the policy core's findings.
 */
export async function duplicatesOf(db: Kysely<Database>, applicationId: string) {
  const subject = await db
    .selectFrom('applications')
    .select(['id', 'program_id', 'form', 'tracking_number', 'enterprise_id'])
    .where('id', '=', applicationId)
    .executeTakeFirstOrThrow();
  const others = await db
    .selectFrom('applications')
    .select(['id', 'program_id', 'form', 'tracking_number', 'state'])
    .where('enterprise_id', '=', subject.enterprise_id)
    .where('id', '!=', subject.id)
    .where('state', 'not in', NOT_CLAIMING)
    .execute();
  const stateOf = new Map(others.map((o) => [o.id, o]));
  return findOverlaps(claimsOf(subject), others.map(claimsOf)).map((o) => ({
    otherApplicationId: o.otherApplicationId,
    otherTrackingNumber: stateOf.get(o.otherApplicationId)?.tracking_number ?? null,
    otherProgramId: stateOf.get(o.otherApplicationId)!.program_id as ProgramId,
    otherState: stateOf.get(o.otherApplicationId)!.state,
    finding: o.finding,
  }));
}
