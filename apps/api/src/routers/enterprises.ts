import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { CREDIT_CHECKERS, ENTERPRISE_READERS } from '../authz/roles';
import { notFound } from '../errors';
import { meOutput } from '../schemas/auth';
import { idInput } from '../schemas/common';
import {
  acceptInviteInput,
  bindEnterpriseInput,
  enterpriseSchema,
  enterpriseSummarySchema,
  inviteOutput,
  listEnterprisesInput,
  memberSchema,
  registerEnterpriseInput,
  updateCreditInput,
  updateEnterpriseInput,
} from '../schemas/enterprises';
import { auditOrigin } from '../services/audit/origin';
import { describeMe } from '../services/auth/me';
import { authenticateSession } from '../services/auth/refresh';
import { loadVisibleEnterprise } from '../services/enterprises/access';
import { bindEnterprise, registerEnterprise } from '../services/enterprises/binding';
import { acceptInvite, createInvite } from '../services/enterprises/invites';
import { listMembers } from '../services/enterprises/memberships';
import { presentEnterprise, presentSummary } from '../services/enterprises/present';
import { listEnterprises, updateCredit, updateEnterprise } from '../services/enterprises/profile';
import { enterpriseOwnerProcedure, enterpriseProcedure, procedureFor } from '../trpc';
import { compiled } from '../output-validation';

export const enterprisesRouter = {
  /** Bind the caller (WeChat user) to an enterprise as owner: USCC + legal representative's mobile + SMS code. */
  bind: procedureFor(['enterprise_staff'])
    .input(bindEnterpriseInput)
    .output(compiled(meOutput))
    .mutation(async ({ ctx, input }) => {
      await bindEnterprise(ctx.deps.db, ctx.actor, auditOrigin(ctx.actor, ctx.requestId), input);
      return describeMe(ctx.deps.db, await authenticateSession(ctx.deps.db, ctx.actor));
    }),

  /** Register an enterprise not yet on the platform; the caller becomes its owner. */
  register: procedureFor(['enterprise_staff'])
    .input(registerEnterpriseInput)
    .output(compiled(meOutput))
    .mutation(async ({ ctx, input }) => {
      await registerEnterprise(ctx.deps.db, ctx.actor, auditOrigin(ctx.actor, ctx.requestId), input);
      return describeMe(ctx.deps.db, await authenticateSession(ctx.deps.db, ctx.actor));
    }),

  /** The owner's one-time invite code for a colleague. */
  invite: enterpriseOwnerProcedure.output(compiled(inviteOutput)).mutation(async ({ ctx }) => {
    const invite = await createInvite(
      ctx.deps.db,
      ctx.actor,
      auditOrigin(ctx.actor, ctx.requestId),
      ctx.enterprise.id,
    );
    return { code: invite.code, expiresAt: invite.expiresAt.toISOString() };
  }),

  acceptInvite: procedureFor(['enterprise_staff'])
    .input(acceptInviteInput)
    .output(compiled(meOutput))
    .mutation(async ({ ctx, input }) => {
      await acceptInvite(ctx.deps.db, ctx.actor, auditOrigin(ctx.actor, ctx.requestId), input.code);
      return describeMe(ctx.deps.db, await authenticateSession(ctx.deps.db, ctx.actor));
    }),

  /** The active enterprise, unmasked for its members. */
  current: enterpriseProcedure.output(compiled(enterpriseSchema)).query(async ({ ctx }) => {
    const { enterprise } = await loadVisibleEnterprise(ctx.deps.db, ctx.actor, ctx.enterprise.id);
    return presentEnterprise(enterprise, { unmasked: true });
  }),

  members: enterpriseProcedure
    .output(compiled(z.array(memberSchema)))
    .query(({ ctx }) => listMembers(ctx.deps.db, ctx.enterprise.id)),

  /** Owner edits of address and bank details (optimistic locking on `version`). */
  update: enterpriseOwnerProcedure
    .input(updateEnterpriseInput)
    .output(compiled(enterpriseSchema))
    .mutation(async ({ ctx, input }) => {
      // Only the enterprise the session acts for (and owns): another id is answered like a wrong one.
      if (input.id !== ctx.enterprise.id) throw notFound('企业不存在或无权查看');
      const row = await updateEnterprise(ctx.deps.db, auditOrigin(ctx.actor, ctx.requestId), input);
      return presentEnterprise(row, { unmasked: true });
    }),

  /** One enterprise, for its members and for government readers (a town reviewer: only in their town). */
  get: procedureFor(['enterprise_staff', ...ENTERPRISE_READERS])
    .input(idInput)
    .output(compiled(enterpriseSchema))
    .query(async ({ ctx, input }) => {
      const { enterprise, member } = await loadVisibleEnterprise(ctx.deps.db, ctx.actor, input.id);
      return presentEnterprise(enterprise, { unmasked: member });
    }),

  list: procedureFor(ENTERPRISE_READERS)
    .input(listEnterprisesInput)
    .output(compiled(z.array(enterpriseSummarySchema)))
    .query(async ({ ctx, input }) =>
      (await listEnterprises(ctx.deps.db, ctx.actor, input)).map(presentSummary),
    ),

  /** Record a GEN-2 credit-list check. */
  updateCredit: procedureFor(CREDIT_CHECKERS)
    .input(updateCreditInput)
    .output(compiled(enterpriseSchema))
    .mutation(async ({ ctx, input }) => {
      const row = await updateCredit(ctx.deps.db, auditOrigin(ctx.actor, ctx.requestId), input);
      return presentEnterprise(row, { unmasked: false });
    }),
} satisfies TRPCRouterRecord;
