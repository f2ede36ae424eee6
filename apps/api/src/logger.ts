import pino, { type Logger } from 'pino';
import type { Env } from './env';

/** JSON lines on stdout (one per request with its id, plus events); secrets and tokens are redacted. */
export function createLogger(env: Env): Logger {
  return pino({
    level: env.NODE_ENV === 'test' && env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL,
    base: { service: 'api' },
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
  });
}
