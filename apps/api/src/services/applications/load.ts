import { type Application, type Database, prepare } from '@dg/db';
import type { ParameterOverride } from '@dg/policy';
import type { Kysely } from 'kysely';
import { notFound } from '../../errors';

/** What the rules read about the applicant, from the system of record (not from the form). */
export interface Applicant {
  id: string;
  name: string;
  uscc: string;
  townCode: string;
  category: string;
  abnormalOperationListed: boolean;
  seriousDishonestyListed: boolean;
}

export interface LoadedApplication {
  application: Application;
  enterprise: Applicant;
  editionCode: string;
  /** CV-11: the managing unit's lowered rates/caps for this edition. */
  parameterOverrides: ParameterOverride[];
}

/** Read on nearly every request about one application: prepared. */
const applicationById = prepare((db: Kysely<Database>, a: { id: string }) =>
  db
    .selectFrom('applications as a')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .innerJoin('editions as ed', 'ed.id', 'a.edition_id')
    .selectAll('a')
    .select([
      'e.name as e_name',
      'e.uscc as e_uscc',
      'e.town_code as e_town_code',
      'e.category as e_category',
      'e.abnormal_operation_listed as e_abnormal',
      'e.serious_dishonesty_listed as e_dishonest',
      'ed.code as ed_code',
      'ed.parameter_overrides as ed_overrides',
    ])
    .where('a.id', '=', a.id),
);

/** One application with its enterprise and edition, or undefined. */
export async function findApplication(
  db: Kysely<Database>,
  id: string,
): Promise<LoadedApplication | undefined> {
  const [row] = await applicationById(db, { id });
  if (!row) return undefined;
  const {
    e_name,
    e_uscc,
    e_town_code,
    e_category,
    e_abnormal,
    e_dishonest,
    ed_code,
    ed_overrides,
    ...application
  } = row;
  return {
    application,
    enterprise: {
      id: application.enterprise_id,
      name: e_name,
      uscc: e_uscc,
      townCode: e_town_code,
      category: e_category,
      abnormalOperationListed: e_abnormal,
      seriousDishonestyListed: e_dishonest,
    },
    editionCode: ed_code,
    parameterOverrides: Array.isArray(ed_overrides) ? (ed_overrides as ParameterOverride[]) : [],
  };
}

/**
 * An application of the caller's active enterprise. Another enterprise's id gets NOT_FOUND, the same answer as an id
 * that does not exist, so guessing ids reveals nothing.
 */
export async function loadOwnApplication(
  db: Kysely<Database>,
  enterpriseId: string,
  id: string,
): Promise<LoadedApplication> {
  const loaded = await findApplication(db, id);
  if (!loaded || loaded.application.enterprise_id !== enterpriseId) throw notFound('申报不存在或无权查看');
  return loaded;
}
