import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { clearedSessionCookie, sessionCookie } from '../http/cookies';
import {
  meOutput,
  requestSmsCodeInput,
  requestSmsCodeOutput,
  sessionSchema,
  staffLoginInput,
  staffLoginOutput,
  switchEnterpriseInput,
  updateProfileInput,
  wechatLoginInput,
  wechatLoginOutput,
} from '../schemas/auth';
import { idInput, okOutput } from '../schemas/common';
import { changePasswordInput } from '../schemas/users';
import { STAFF_ROLES } from '../authz/roles';
import { auditOrigin } from '../services/audit/origin';
import { changePassword } from '../services/auth/change-password';
import { staffLogin, wechatLogin } from '../services/auth/login';
import { updateDisplayName } from '../services/auth/profile';
import { describeMe } from '../services/auth/me';
import { authenticate, listSessions, revokeSession, switchEnterprise } from '../services/auth/sessions';
import { issueSmsCode } from '../services/auth/sms-codes';
import { authedProcedure, procedureFor, publicProcedure } from '../trpc';
import { compiled } from '../output-validation';

const HOUR = 3600 * 1000;

export const authRouter = {
  /** Web login for government and platform staff; sets the httpOnly session cookie. */
  staffLogin: publicProcedure
    .input(staffLoginInput)
    .output(compiled(staffLoginOutput))
    .mutation(async ({ ctx, input }) => {
      const { env, db } = ctx.deps;
      const session = await staffLogin(db, {
        ...input,
        ip: ctx.ip,
        ttlMs: env.SESSION_TTL_HOURS * HOUR,
        requestId: ctx.requestId,
      });
      ctx.resHeaders.append(
        'Set-Cookie',
        sessionCookie(session.token, session.expiresAt, env.NODE_ENV === 'production'),
      );
      const actor = (await authenticate(db, session.token))!;
      return { me: await describeMe(db, actor), expiresAt: session.expiresAt.toISOString() };
    }),

  /** Mini-program login with the wx.login() code; returns a bearer token. */
  wechatLogin: publicProcedure
    .input(wechatLoginInput)
    .output(compiled(wechatLoginOutput))
    .mutation(async ({ ctx, input }) => {
      const { env, db, wechat } = ctx.deps;
      const ttlMs = env.BEARER_SESSION_TTL_DAYS * 24 * HOUR;
      const session = await wechatLogin(db, wechat, {
        code: input.code,
        ip: ctx.ip,
        ttlMs,
        requestId: ctx.requestId,
      });
      const actor = (await authenticate(db, session.token))!;
      return {
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        me: await describeMe(db, actor),
      };
    }),

  /** Sends an SMS verification code to the legal representative's mobile (binding or registering an enterprise). */
  requestSmsCode: procedureFor(['enterprise_staff'])
    .input(requestSmsCodeInput)
    .output(compiled(requestSmsCodeOutput))
    .mutation(async ({ ctx, input }) => {
      const issued = await issueSmsCode(ctx.deps.db, ctx.deps.sms, input.mobile, input.purpose);
      return { expiresAt: issued.expiresAt.toISOString(), devCode: issued.devCode };
    }),

  me: authedProcedure.output(compiled(meOutput)).query(({ ctx }) => describeMe(ctx.deps.db, ctx.actor)),

  updateProfile: authedProcedure
    .input(updateProfileInput)
    .output(compiled(okOutput))
    .mutation(async ({ ctx, input }) => {
      await updateDisplayName(
        ctx.deps.db,
        auditOrigin(ctx.actor, ctx.requestId),
        ctx.actor.userId,
        input.displayName,
      );
      return { ok: true as const };
    }),

  /** Web (staff) users change their own password; their other sessions end. */
  changePassword: procedureFor(STAFF_ROLES)
    .input(changePasswordInput)
    .output(compiled(okOutput))
    .mutation(async ({ ctx, input }) => {
      await changePassword(
        ctx.deps.db,
        ctx.actor,
        auditOrigin(ctx.actor, ctx.requestId),
        input.current,
        input.next,
      );
      return { ok: true as const };
    }),

  logout: authedProcedure.output(compiled(okOutput)).mutation(async ({ ctx }) => {
    await revokeSession(
      ctx.deps.db,
      auditOrigin(ctx.actor, ctx.requestId),
      ctx.actor.sessionId,
      ctx.actor.userId,
    );
    if (ctx.actor.sessionKind === 'web') {
      ctx.resHeaders.append('Set-Cookie', clearedSessionCookie(ctx.deps.env.NODE_ENV === 'production'));
    }
    return { ok: true as const };
  }),

  sessions: authedProcedure.output(compiled(z.array(sessionSchema))).query(async ({ ctx }) => {
    const rows = await listSessions(ctx.deps.db, ctx.actor.userId);
    return rows.map((s) => ({
      id: s.id,
      kind: s.kind,
      current: s.id === ctx.actor.sessionId,
      createdAt: s.created_at.toISOString(),
      lastSeenAt: s.last_seen_at?.toISOString() ?? null,
      expiresAt: s.expires_at.toISOString(),
    }));
  }),

  /** Ends one of the caller's own sessions (e.g. a lost phone). */
  revokeSession: authedProcedure
    .input(idInput)
    .output(compiled(okOutput))
    .mutation(async ({ ctx, input }) => {
      await revokeSession(ctx.deps.db, auditOrigin(ctx.actor, ctx.requestId), input.id, ctx.actor.userId);
      return { ok: true as const };
    }),

  /** Enterprise staff in several enterprises: act for another one. */
  switchEnterprise: procedureFor(['enterprise_staff'])
    .input(switchEnterpriseInput)
    .output(compiled(meOutput))
    .mutation(async ({ ctx, input }) => {
      const activeEnterprise = await switchEnterprise(ctx.deps.db, ctx.actor, input.enterpriseId);
      return describeMe(ctx.deps.db, { ...ctx.actor, activeEnterprise });
    }),
} satisfies TRPCRouterRecord;
