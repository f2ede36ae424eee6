import { TRPCClientError } from '@trpc/client';

/**
 * What a person is told when a call fails: the API's own Chinese message (it knows what went wrong), or a Chinese
 * title by error code when there is none; the fields the API named, as detail.
 */
export interface ApiErrorView {
  code: string;
  title: string;
  detail: string | null;
  /** Field paths the API named as wrong (its errorFormatter sends zod issues as data.issues). */
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
  issues?: { path?: (string | number)[]; message?: string }[];
}

export function describeApiError(error: unknown): ApiErrorView {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    const code = data.code ?? 'NETWORK';
    const fields = (data.issues ?? []).map((issue) => (issue.path ?? []).join('.'));
    // The API writes its messages in Chinese; anything else (a proxy page, a stack) is not for reviewers.
    const detail =
      (data.issues ?? [])
        .map((issue) => issue.message)
        .filter(Boolean)
        .join('；') || null;
    const title = HAS_CHINESE.test(error.message)
      ? error.message
      : (TITLES[code] ?? TITLES.INTERNAL_SERVER_ERROR!);
    return { code, title, detail, fields };
  }
  return { code: 'NETWORK', title: TITLES.NETWORK!, detail: null, fields: [] };
}

export function isConflict(error: unknown): boolean {
  return describeApiError(error).code === 'CONFLICT';
}
