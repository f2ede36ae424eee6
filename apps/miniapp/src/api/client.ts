import { createTRPCClient, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@dg/api';
import { sessionToken } from './session';
import { taroLink } from './taro-link';

export const api = createTRPCClient<AppRouter>({
  links: [
    taroLink({
      url: `${API_BASE}/trpc`,
      headers: (): Record<string, string> => {
        const token = sessionToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    }),
  ],
});

/** The message to show a person for a failed call: the server's own Chinese message when it sent one. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return '操作失败，请稍后重试';
}

/** True when the server refused the session (expired or revoked): the app sends the person back to log in. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED';
}
