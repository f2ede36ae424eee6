import type { AppRouter } from '@dg/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

/**
 * The one typed client both apps use. Same-origin only: the session is an httpOnly cookie the API sets, and the
 * apps reach the API through their server's /trpc proxy, so no token ever lives in JavaScript.
 */
export const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }),
    }),
  ],
});

export type Api = typeof api;
