import { TRPCClientError } from '@trpc/client';

/** What a person is told when a call fails: a Chinese title by error code, and the API's own message as detail. */
export interface ApiErrorView {
  code: string;
  title: string;
  detail: string | null;
  /** Field paths the API named as wrong (zod issues), for forms to highlight. */
  fields: string[];
}

const TITLES: Record<string, string> = {
  BAD_REQUEST: '提交的内容有误',
  PARSE_ERROR: '提交的内容有误',
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '记录不存在或已被删除',
  CONFLICT: '记录已被他人修改',
  PRECONDITION_FAILED: '当前状态不允许此操作',
  UNPROCESSABLE_CONTENT: '不符合办理条件',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试',
  TIMEOUT: '请求超时，请稍后再试',
  INTERNAL_SERVER_ERROR: '服务器出错，请稍后再试或联系管理员',
  NETWORK: '无法连接服务器，请检查网络',
};

const HAS_CHINESE = /[\u4e00-\u9fff]/;

interface ErrorData {
  code?: string;
  zodError?: { fieldErrors?: Record<string, unknown> } | null;
  issues?: { path?: (string | number)[] }[];
}

export function describeApiError(error: unknown): ApiErrorView {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    const code = data.code ?? 'NETWORK';
    const fields = [
      ...Object.keys(data.zodError?.fieldErrors ?? {}),
      ...(data.issues ?? []).map((issue) => (issue.path ?? []).join('.')),
    ];
    // The API writes its messages in Chinese; anything else (a proxy page, a stack) is not for reviewers.
    const detail = HAS_CHINESE.test(error.message) ? error.message : null;
    return { code, title: TITLES[code] ?? TITLES.INTERNAL_SERVER_ERROR!, detail, fields };
  }
  return { code: 'NETWORK', title: TITLES.NETWORK!, detail: null, fields: [] };
}

export function isConflict(error: unknown): boolean {
  return describeApiError(error).code === 'CONFLICT';
}
