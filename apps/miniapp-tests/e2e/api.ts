/** The API as other actors reach it during the run: a city reviewer (cookie session) and WeChat staff (bearer). */
import type { AppRouter } from '@dg/api';
import { DEMO_LOGINS } from '@dg/ui/testing';
import { createTRPCClient, httpLink } from '@trpc/client';
import { inject } from 'vitest';

export async function reviewerClient(login: string) {
  let cookie = '';
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${inject('apiUrl')}/trpc`,
        fetch: async (url, init) => {
          const res = await fetch(url, {
            ...init,
            headers: { ...(init?.headers as Record<string, string>), cookie },
          } as RequestInit);
          const set = res.headers.get('set-cookie');
          if (set) cookie = set.split(';')[0]!;
          return res;
        },
      }),
    ],
  });
  await client.auth.staffLogin.mutate({ login, password: DEMO_LOGINS.password });
  return client;
}

export async function wechatClient(code: string) {
  let token = '';
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${inject('apiUrl')}/trpc`,
        headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      }),
    ],
  });
  token = (await client.auth.wechatLogin.mutate({ code })).token;
  return client;
}
