import type { Database, User } from '@dg/db';
import { maskMobile, type Role } from '@dg/policy';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { conflict, notFound, staleVersion } from '../../errors';
import type { createUserInput, listUsersInput, updateUserInput } from '../../schemas/users';
import { type AuditOrigin, appendAudit } from '../audit/append';
import { hashPassword } from '../auth/passwords';

// Administrators manage the web (staff) accounts. Disabling an account or resetting its password ends its sessions.

export function presentUser(row: User) {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role as Role,
    townCode: row.town_code,
    mobile: row.mobile ? maskMobile(row.mobile) : null,
    disabled: row.disabled_at !== null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listUsers(db: Kysely<Database>, input: z.infer<typeof listUsersInput>) {
  let query = db.selectFrom('users').selectAll().orderBy('display_name').orderBy('id').limit(input.limit);
  if (input.role) query = query.where('role', '=', input.role);
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) => eb.or([eb('display_name', 'like', like), eb('login', 'like', like)]));
  }
  if (input.after) {
    const { displayName, id } = input.after;
    query = query.where((eb) =>
      eb.or([
        eb('display_name', '>', displayName),
        eb.and([eb('display_name', '=', displayName), eb('id', '>', id)]),
      ]),
    );
  }
  return query.execute();
}

export async function createUser(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: z.infer<typeof createUserInput>,
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('login', '=', input.login)
      .executeTakeFirst();
    if (taken) throw conflict('该账号已存在');
    const row = await trx
      .insertInto('users')
      .values({
        login: input.login,
        display_name: input.displayName,
        role: input.role,
        town_code: input.townCode,
        mobile: input.mobile,
        password_hash: passwordHash,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, origin, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      data: { login: input.login, role: input.role, townCode: input.townCode },
    });
    return row;
  });
}

export async function updateUser(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: z.infer<typeof updateUserInput>,
) {
  const changes = {
    ...(input.displayName !== undefined && { display_name: input.displayName }),
    ...(input.role !== undefined && { role: input.role }),
    ...(input.townCode !== undefined && { town_code: input.townCode }),
  };
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .where('role', '!=', 'enterprise_staff')
      .returningAll()
      .executeTakeFirst();
    if (!row) throw await missingOrStale(trx, input.id);
    // A role or town change takes effect at the next login: end the sessions carrying the old scope.
    if (input.role !== undefined || input.townCode !== undefined) await endSessions(trx, input.id);
    await appendAudit(trx, origin, {
      action: 'user.update',
      entityType: 'user',
      entityId: input.id,
      data: changes,
    });
    return row;
  });
}

export async function setUserDisabled(
  db: Kysely<Database>,
  origin: AuditOrigin,
  id: string,
  disabled: boolean,
) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('users')
      .set((eb) => ({
        disabled_at: disabled ? sql<Date>`coalesce(disabled_at, now())` : null,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('用户不存在');
    if (disabled) await endSessions(trx, id);
    await appendAudit(trx, origin, {
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: id,
    });
    return row;
  });
}

export async function resetPassword(db: Kysely<Database>, origin: AuditOrigin, id: string, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('users')
      .set((eb) => ({ password_hash: passwordHash, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('role', '!=', 'enterprise_staff')
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound('用户不存在');
    await endSessions(trx, id);
    await appendAudit(trx, origin, { action: 'user.reset_password', entityType: 'user', entityId: id });
  });
}

async function endSessions(db: Kysely<Database>, userId: string) {
  const now = new Date();
  await db
    .updateTable('sessions')
    .set((eb) => ({ revoked_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

async function missingOrStale(db: Kysely<Database>, id: string) {
  const exists = await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
  return exists ? staleVersion() : notFound('用户不存在');
}
