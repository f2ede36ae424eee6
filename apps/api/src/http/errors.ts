import type { ErrorHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type DomainErrorCode, fromDatabaseError } from '../errors';
import type { AppEnv } from './request-context';

const STATUS: Record<DomainErrorCode, ContentfulStatusCode> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

/** Plain HTTP routes answer errors as `{ error: { code, message } }` with the matching status, like tRPC's codes. */
export const httpErrorHandler: ErrorHandler<AppEnv> = (error, c) => {
  // An upload refused early leaves its body unread on the socket: close it rather than let the client reuse it.
  if (c.req.method === 'POST') c.header('Connection', 'close');
  const domain = error instanceof DomainError ? error : fromDatabaseError(error);
  if (domain) return c.json({ error: { code: domain.code, message: domain.message } }, STATUS[domain.code]);
  const status = 'status' in error && typeof error.status === 'number' ? error.status : 500;
  if (status >= 500) c.var.log?.error({ err: error }, 'request failed');
  return c.json(
    {
      error: {
        code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL_SERVER_ERROR',
        message: status === 413 ? '文件过大' : '服务器内部错误',
      },
    },
    status as ContentfulStatusCode,
  );
};
