import { citation } from '@dg/policy';

// Domain errors: services throw these; the tRPC layer maps each to its typed error code (never a 500).
// Messages are Chinese because they reach the user.

export type DomainErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'TOO_MANY_REQUESTS';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  constructor(code: DomainErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DomainError';
    this.code = code;
  }
}

/**
 * Refused because of the caller's role (the procedure's declared access), as opposed to a scope rule such as
 * "only the owner" or "only your town". Error responses say which (`data.deniedBy: 'role'`), so the authorization
 * test can tell them apart.
 */
export class RoleDeniedError extends DomainError {
  constructor() {
    super('FORBIDDEN', '您的角色无权执行此操作');
    this.name = 'RoleDeniedError';
  }
}

export const badRequest = (message: string) => new DomainError('BAD_REQUEST', message);
export const unauthorized = (message = '请先登录') => new DomainError('UNAUTHORIZED', message);
export const forbidden = (message = '无权执行此操作') => new DomainError('FORBIDDEN', message);
export const notFound = (message = '记录不存在或无权查看') => new DomainError('NOT_FOUND', message);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
export const tooManyRequests = (message = '操作过于频繁，请稍后再试') =>
  new DomainError('TOO_MANY_REQUESTS', message);

/**
 * GEN-7 counts a public notice in working days, and a year the holiday data does not cover cannot be counted: the
 * request is sound, the system is what lacks until an administrator enters that year's arrangement (calendar router).
 */
export const holidayDataMissing = (year: number) =>
  new DomainError(
    'PRECONDITION_FAILED',
    `公示期按工作日计算（${citation('GEN-7')}），系统尚缺 ${year} 年的法定节假日安排，暂不能确定公示截止日；请系统管理员在“节假日安排”中按国务院办公厅通知录入该年安排后再试`,
  );

/** Optimistic locking lost: someone changed the row since it was read. */
export const staleVersion = () => conflict('数据已被他人修改，请刷新后重试');

const PG_UNIQUE_VIOLATION = '23505';
const PG_SERIALIZATION_FAILURE = '40001';
const PG_DEADLOCK = '40P01';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_INVALID_TEXT = '22P02';

/** Maps database errors that user input can provoke to domain errors; anything else stays a server error. */
export function fromDatabaseError(error: unknown): DomainError | undefined {
  const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : undefined;
  switch (code) {
    case PG_UNIQUE_VIOLATION:
      return new DomainError('CONFLICT', '记录已存在', { cause: error });
    case PG_SERIALIZATION_FAILURE:
    case PG_DEADLOCK:
      return new DomainError('CONFLICT', '并发冲突，请重试', { cause: error });
    case PG_FOREIGN_KEY_VIOLATION:
      return new DomainError('BAD_REQUEST', '引用的记录不存在', { cause: error });
    case PG_INVALID_TEXT:
      return new DomainError('BAD_REQUEST', '参数格式不正确', { cause: error });
    default:
      return undefined;
  }
}
