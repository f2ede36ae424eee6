import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Actor } from './authz/actor';
import type { Role } from './authz/roles';
import type { AppDeps } from './deps';
import { DomainError, forbidden, fromDatabaseError, RoleDeniedError, unauthorized } from './errors';
import type { RequestLogger } from './http/request-context';
import type { ResponseHeaders } from './http/trpc';
import './schemas/zod-locale';

export type Context = {
  deps: AppDeps;
  actor: Actor | null;
  requestId: string;
  ip: string;
  log: RequestLogger;
  /** Headers to add to the response (Set-Cookie from login/logout). */
  resHeaders: ResponseHeaders;
};

/**
 * Who may call a procedure: 'public', any signed-in user, or a list of roles. Every procedure declares it through the
 * builders below; the authorization test reads it from the router to try every procedure × every role.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface Meta {
  access: Access;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : undefined;
      // A server fault's own message (SQL, stack details) stays in the log, never in the response.
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      return {
        ...shape,
        message: zodError
          ? '输入不符合要求'
          : internal
            ? '服务器内部错误'
            : /\p{Script=Han}/u.test(shape.message)
              ? shape.message
              : refusalMessage(error),
        data: {
          ...shape.data,
          stack: undefined,
          deniedBy: error.cause instanceof RoleDeniedError ? ('role' as const) : undefined,
          issues: zodError?.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
        },
      };
    },
  });

/**
 * tRPC's own refusals, made before any procedure runs (a body that is not JSON, a wrong method or content type, an
 * unknown procedure), carry English messages; the people reading them read Chinese. Ours already are.
 */
function refusalMessage(error: TRPCError): string {
  if (error.cause instanceof SyntaxError) return '请求体不是合法的 JSON';
  switch (error.code) {
    case 'NOT_FOUND':
      return '接口不存在';
    case 'METHOD_NOT_SUPPORTED':
      return '此接口不支持该请求方法';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return '请求体须为 JSON（Content-Type: application/json）';
    default:
      return '请求无法处理';
  }
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns domain and user-provoked database errors into typed tRPC errors; everything else stays a 500 and is logged. */
const typedErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    const mapped =
      cause instanceof DomainError
        ? cause
        : cause instanceof ZodError
          ? new DomainError('BAD_REQUEST', '输入不符合要求', { cause })
          : fromDatabaseError(cause);
    if (mapped)
      throw new TRPCError({ code: mapped.code, message: mapped.message, cause: mapped.cause ?? cause });
    if (result.error.code === 'INTERNAL_SERVER_ERROR')
      ctx.log.error({ err: cause ?? result.error, path }, 'procedure failed');
  }
  return result;
});

const base = t.procedure.use(typedErrors);

export const publicProcedure = base.meta({ access: 'public' });

// Each check below is one middleware, not a chain of them: every middleware tRPC runs copies the call's options and
// context, and an enterprise procedure used to pass four before its input was parsed.

/** The caller, if signed in and (when `roles` is given) holding one of them; the typed refusal otherwise. */
function admitted(actor: Actor | null, roles?: readonly Role[]): Actor {
  if (!actor) throw unauthorized();
  if (roles && !roles.includes(actor.role)) throw new RoleDeniedError();
  return actor;
}

/** Any signed-in user, whatever the role (e.g. "who am I", logout). */
export const authedProcedure = base
  .meta({ access: 'authenticated' })
  .use(({ ctx, next }) => next({ ctx: { actor: admitted(ctx.actor) } }));

/** Only the listed roles; runs before input parsing, so a forbidden caller learns nothing about the input. */
export function procedureFor(roles: readonly Role[]) {
  return base
    .meta({ access: roles })
    .use(({ ctx, next }) => next({ ctx: { actor: admitted(ctx.actor, roles) } }));
}

const ENTERPRISE_STAFF: readonly Role[] = ['enterprise_staff'];

/** Enterprise staff acting for their session's active enterprise (`ctx.enterprise`); all their data is scoped to it. */
export const enterpriseProcedure = base.meta({ access: ENTERPRISE_STAFF }).use(({ ctx, next }) => {
  const actor = admitted(ctx.actor, ENTERPRISE_STAFF);
  const enterprise = actor.activeEnterprise;
  if (!enterprise) throw new DomainError('FORBIDDEN', '请先绑定或选择企业');
  return next({ ctx: { actor, enterprise } });
});

/** Enterprise staff who own the active enterprise (invite colleagues, change bank account). */
export const enterpriseOwnerProcedure = enterpriseProcedure.use(({ ctx, next }) => {
  if (ctx.enterprise.memberRole !== 'owner') throw forbidden('仅企业管理员可执行此操作');
  return next();
});
