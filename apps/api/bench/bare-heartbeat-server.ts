import { Hono } from 'hono';
import { serveBareCluster } from './bare-cluster';

// The edge bench's baseline: a bare Hono endpoint that reads the heartbeat's JSON and answers 204, in as many
// processes (BARE_WORKERS) on PORT as the platform runs, so both get the same cores.

serveBareCluster(() => {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.post('/edge/v1/heartbeat', async (c) => {
    await c.req.json();
    return c.body(null, 204);
  });
  return app;
});
