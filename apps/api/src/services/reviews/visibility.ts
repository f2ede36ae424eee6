import type { Database } from '@dg/db';
import type { Role } from '@dg/policy';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Actor } from '../../authz/actor';
import type { LoadedApplication } from '../applications/load';

/** Who works on applications under review. */
export const REVIEWER_ROLES: readonly Role[] = [
  'city_reviewer',
  'town_reviewer',
  'expert',
  'approver',
  'finance',
  'admin',
];

/** Reviewers never see a draft: it is the applicant's until submitted. */
const DRAFT_STATE = 'draft';

/**
 * Whether a reviewer may see an application: never a draft; a town reviewer only in their own town; an expert never
 * an enterprise they declared a tie to. The same rules as `reviewerScope` for lists.
 */
export async function visibleToReviewer(
  db: Kysely<Database>,
  actor: Actor,
  loaded: LoadedApplication,
): Promise<boolean> {
  if (loaded.application.state === DRAFT_STATE) return false;
  if (actor.role === 'town_reviewer') return loaded.enterprise.townCode === actor.townCode;
  if (actor.role === 'expert') {
    const tie = await db
      .selectFrom('expert_conflicts')
      .select('id')
      .where('expert_user_id', '=', actor.userId)
      .where('enterprise_id', '=', loaded.enterprise.id)
      .executeTakeFirst();
    return !tie;
  }
  return REVIEWER_ROLES.includes(actor.role);
}

/** The tables `reviewerScope` reads, by the aliases its queries give them. */
type ApplicationsWithEnterprises = Database & { a: Database['applications']; e: Database['enterprises'] };

/** The list form of `visibleToReviewer`, for queries over `applications as a` joined with `enterprises as e`. */
export function reviewerScope(actor: Actor) {
  return (eb: ExpressionBuilder<ApplicationsWithEnterprises, 'a' | 'e'>) => {
    const conditions = [eb('a.state', '!=', DRAFT_STATE)];
    if (actor.role === 'town_reviewer') conditions.push(eb('e.town_code', '=', actor.townCode ?? ''));
    if (actor.role === 'expert') {
      conditions.push(
        eb.not(
          eb.exists(
            eb
              .selectFrom('expert_conflicts as c')
              .select(sql`1`.as('one'))
              .whereRef('c.enterprise_id', '=', 'a.enterprise_id')
              .where('c.expert_user_id', '=', actor.userId),
          ),
        ),
      );
    }
    if (!REVIEWER_ROLES.includes(actor.role)) conditions.push(sql<boolean>`false` as never);
    return eb.and(conditions);
  };
}
