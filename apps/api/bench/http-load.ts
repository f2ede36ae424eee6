import http from 'node:http';

// A small closed-loop HTTP load generator, run in a child process so it never shares the measured server's event
// loop: `connections` keep-alive connections, each sending its next request as soon as the previous answer arrived,
// until `durationMs` has passed or `maxRequests` were sent. Reports throughput, statuses and latency percentiles.

export interface LoadPlan {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  connections: number;
  durationMs: number;
  maxRequests: number;
  /** POST only: one draft per connection; its body is `{ id, version, form }` with the version the last reply gave. */
  drafts?: { id: string; version: number }[];
  form?: Record<string, unknown>;
}

export interface LoadResult {
  requests: number;
  elapsedMs: number;
  rps: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  /** The generator's own CPU time over the run (user + system). */
  cpuMs: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const cpu = process.cpuUsage();
  let sent = 0;

  function request(body: string | undefined): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        plan.url,
        {
          method: plan.method,
          agent,
          headers: { ...plan.headers, ...(body && { 'content-type': 'application/json' }) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  async function connection(index: number) {
    const draft = plan.drafts?.[index];
    while (performance.now() - started < plan.durationMs && sent < plan.maxRequests) {
      sent += 1;
      const body = draft
        ? JSON.stringify({ id: draft.id, version: draft.version, form: plan.form })
        : undefined;
      const t0 = performance.now();
      const { status, text } = await request(body);
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (draft && status === 200) {
        draft.version = (
          JSON.parse(text) as { result: { data: { application: { version: number } } } }
        ).result.data.application.version;
      }
    }
  }

  await Promise.all(Array.from({ length: plan.connections }, (_, i) => connection(i)));
  const elapsedMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    elapsedMs,
    rps: (latencies.length / elapsedMs) * 1000,
    statuses,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuMs: (user + system) / 1000,
  };
}

// As a child process: receive one plan, run it, send the result back.
if (process.send) {
  process.once('message', async (plan: LoadPlan) => {
    process.send!(await runLoad(plan));
    process.exit(0);
  });
}
