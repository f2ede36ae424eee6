import http from 'node:http';

// The load generator of the edge heartbeat benchmark, in its own process so it does not share the server's event
// loop: `concurrency` keep-alive connections, each sending heartbeats back to back for `durationMs`, cycling through
// the simulated agents' credentials. Reports the count, statuses and latency percentiles to the parent.

export interface LoadRequest {
  url: string;
  credentials: string[];
  concurrency: number;
  durationMs: number;
}

export interface LoadResult {
  sent: number;
  elapsedMs: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function body(seq: number): string {
  return JSON.stringify({
    seq,
    sentAt: new Date().toISOString(),
    uptimeS: 3600 + seq,
    cpu: { load1: 0.42, cores: 4 },
    memory: { totalBytes: 8_000_000_000, usedBytes: 3_000_000_000 },
    accelerators: [{ name: 'Ascend 310', utilPct: 37.5 }],
    models: [{ name: 'defect-detect', version: '3' }],
    appVersion: '1.0.0',
  });
}

async function run(req: LoadRequest): Promise<LoadResult> {
  const target = new URL(req.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: req.concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const deadline = started + req.durationMs;

  const send = (credential: string, seq: number) =>
    new Promise<number>((resolve) => {
      const payload = body(seq);
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            authorization: `Bearer ${credential}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      request.on('error', () => resolve(-1));
      request.end(payload);
    });

  async function worker() {
    while (performance.now() < deadline) {
      const i = next++;
      const credential = req.credentials[i % req.credentials.length]!;
      const t0 = performance.now();
      const status = await send(credential, i);
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: req.concurrency }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pick = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { sent: latencies.length, elapsedMs, statuses, p50Ms: pick(0.5), p99Ms: pick(0.99), maxMs: pick(1) };
}

process.on('message', (message: LoadRequest) => {
  run(message).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
});
