import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { idInput } from '../schemas/common';
import {
  createUserInput,
  listUsersInput,
  resetPasswordInput,
  setUserDisabledInput,
  updateUserInput,
  userSchema,
} from '../schemas/users';
import { auditOrigin } from '../services/audit/origin';
import {
  createUser,
  listUsers,
  presentUser,
  resetPassword,
  setUserDisabled,
  updateUser,
} from '../services/users/admin';
import { okOutput } from '../schemas/common';
import { notFound } from '../errors';
import { procedureFor } from '../trpc';
import { compiled } from '../output-validation';

const adminProcedure = procedureFor(['admin']);

/** Staff accounts, for administrators. */
export const usersRouter = {
  list: adminProcedure
    .input(listUsersInput)
    .output(compiled(z.array(userSchema)))
    .query(async ({ ctx, input }) => (await listUsers(ctx.deps.db, input)).map(presentUser)),

  get: adminProcedure
    .input(idInput)
    .output(compiled(userSchema))
    .query(async ({ ctx, input }) => {
      const row = await ctx.deps.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (!row) throw notFound('用户不存在');
      return presentUser(row);
    }),

  create: adminProcedure
    .input(createUserInput)
    .output(compiled(userSchema))
    .mutation(async ({ ctx, input }) =>
      presentUser(await createUser(ctx.deps.db, auditOrigin(ctx.actor, ctx.requestId), input)),
    ),

  update: adminProcedure
    .input(updateUserInput)
    .output(compiled(userSchema))
    .mutation(async ({ ctx, input }) =>
      presentUser(await updateUser(ctx.deps.db, auditOrigin(ctx.actor, ctx.requestId), input)),
    ),

  /** Disabling ends the account's sessions at once. */
  setDisabled: adminProcedure
    .input(setUserDisabledInput)
    .output(compiled(userSchema))
    .mutation(async ({ ctx, input }) =>
      presentUser(
        await setUserDisabled(ctx.deps.db, auditOrigin(ctx.actor, ctx.requestId), input.id, input.disabled),
      ),
    ),

  resetPassword: adminProcedure
    .input(resetPasswordInput)
    .output(compiled(okOutput))
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.deps.db, auditOrigin(ctx.actor, ctx.requestId), input.id, input.password);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
