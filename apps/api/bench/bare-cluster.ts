import cluster from 'node:cluster';
import { serve } from '@hono/node-server';

// A bench baseline served like the API: BARE_WORKERS processes (node:cluster) on PORT, each stopping on SIGTERM.

interface BareApp {
  fetch: (request: Request) => Response | Promise<Response>;
  close?: () => Promise<void>;
}

export function serveBareCluster(build: () => BareApp): void {
  const workers = Number(process.env.BARE_WORKERS ?? 1);
  if (cluster.isPrimary && workers > 1) {
    for (let i = 0; i < workers; i++) cluster.fork();
    process.once('SIGTERM', () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      process.exit(0);
    });
    return;
  }
  const app = build();
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) });
  process.once('SIGTERM', () => {
    server.close();
    void (app.close?.() ?? Promise.resolve()).then(() => process.exit(0));
  });
}
