import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Logger } from 'pino';
import type { Actor } from '../authz/actor';
import type { AppDeps } from '../deps';
import { authenticate } from '../services/auth/sessions';

type Level = 'error' | 'warn' | 'info';

/** What a request logs through: its lines carry its request id. */
export type RequestLogger = Pick<Logger, Level>;

/**
 * The request's logger, made on its first line at an enabled level: pino's child logger (which carries the request
 * id) costs more to make than the rest of a request's logging, and most requests write nothing but the access line.
 */
class LazyRequestLogger implements RequestLogger {
  #child: Logger | undefined;

  constructor(
    private readonly root: Logger,
    private readonly requestId: string,
  ) {}

  private line(level: Level, args: Parameters<Logger[Level]>): void {
    if (!this.root.isLevelEnabled(level)) return;
    this.#child ??= this.root.child({ requestId: this.requestId });
    this.#child[level](...args);
  }

  error(...args: Parameters<Logger['error']>): void {
    this.line('error', args);
  }

  warn(...args: Parameters<Logger['warn']>): void {
    this.line('warn', args);
  }

  info(...args: Parameters<Logger['info']>): void {
    this.line('info', args);
  }
}

/** Hono variables every route can read: set once per request by the middlewares below. */
export interface RequestVariables {
  requestId: string;
  log: RequestLogger;
  actor: Actor | null;
  ip: string;
}

export type AppEnv = { Variables: RequestVariables };
export type RequestContext = HonoContext<AppEnv>;

export const SESSION_COOKIE = 'dg_session';

/** Request id (from X-Request-Id when sane, else new), a logger whose lines carry it, and one access-log line. */
export function requestLogging(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    c.set('log', new LazyRequestLogger(deps.log, requestId));
    c.set('ip', clientIp(c));
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    deps.log.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}

function clientIp(c: HonoContext): string {
  // Behind the load balancer, the first X-Forwarded-For hop is the client.
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not served by @hono/node-server (e.g. app.request in a test)
  }
}

/** Resolves the caller from `Authorization: Bearer …` (mini-program) or the session cookie (web). */
export function sessionAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+([\w-]{20,128})$/i)?.[1];
    const token = bearer ?? getCookie(c, SESSION_COOKIE);
    c.set('actor', token ? await authenticate(deps.db, token) : null);
    await next();
  };
}

export function sessionToken(c: RequestContext): string | undefined {
  return c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? getCookie(c, SESSION_COOKIE);
}
