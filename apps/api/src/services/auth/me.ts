import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor';
import { listMemberships } from '../enterprises/memberships';

/** The signed-in user as the apps need it: role, town scope, enterprises and the active one. */
export async function describeMe(db: Kysely<Database>, actor: Actor) {
  return {
    userId: actor.userId,
    displayName: actor.displayName,
    role: actor.role,
    townCode: actor.townCode,
    sessionKind: actor.sessionKind,
    activeEnterpriseId: actor.activeEnterprise?.id ?? null,
    enterprises: actor.role === 'enterprise_staff' ? await listMemberships(db, actor.userId) : [],
  };
}
