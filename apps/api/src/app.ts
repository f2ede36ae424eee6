import { Hono } from 'hono';
import type { AppDeps } from './deps';
import { bodyLimit } from './http/body-limit';
import { edgeProtocolRoutes } from './http/edge';
import { httpErrorHandler } from './http/errors';
import { exportRoutes } from './http/exports';
import { fileRoutes } from './http/files';
import { type AppEnv, requestLogging, sessionAuth } from './http/request-context';
import { trpcMount } from './http/trpc';
import { appRouter } from './routers/root';
import type { Context } from './trpc';

const TRPC_MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * The HTTP surface. Plain routes live in http/<name>.ts and are mounted here with one `app.route` line; everything
 * else is tRPC under /trpc.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(httpErrorHandler);
  // The edge agents' protocol, ahead of the access log and session lookup: the heartbeat is the hot path.
  app.route('/edge/v1', edgeProtocolRoutes(deps));
  app.use('*', requestLogging(deps));

  app.get('/healthz', async (c) => {
    await deps.db.selectFrom('programs').select('id').limit(1).execute();
    // The instance tells which process of a cluster or a load-balanced fleet answered.
    return c.json({ ok: true, database: deps.dialect, instance: deps.instanceId });
  });

  app.use('*', sessionAuth(deps));
  app.route('/files', fileRoutes(deps));
  app.route('/exports', exportRoutes(deps));
  app.use(
    '/trpc/*',
    // tRPC bodies are JSON forms, never files: a bounded body keeps one client from filling the memory.
    bodyLimit({
      maxSize: TRPC_MAX_BODY_BYTES,
      onError: (c) =>
        c.json({ error: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' } }, 413, { Connection: 'close' }),
    }),
    trpcMount({
      router: appRouter,
      endpoint: '/trpc',
      createContext: (c, resHeaders): Context => ({
        deps,
        actor: c.get('actor'),
        requestId: c.get('requestId'),
        ip: c.get('ip'),
        log: c.get('log'),
        resHeaders,
      }),
    }),
  );
  return app;
}
