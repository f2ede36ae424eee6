import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

// The edge bench's baseline: a bare Hono endpoint that reads the heartbeat's JSON and answers 204, in as many
// processes (BARE_WORKERS, node:cluster) on PORT as the platform runs, so both get the same cores.

const workers = Number(process.env.BARE_WORKERS ?? 1);
const port = Number(process.env.PORT);

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const app = new Hono();
  app.post('/edge/v1/heartbeat', async (c) => {
    await c.req.json();
    return c.body(null, 204);
  });
  app.get('/healthz', (c) => c.json({ ok: true }));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
  process.once('SIGTERM', () => {
    server.close();
    process.exit(0);
  });
}
