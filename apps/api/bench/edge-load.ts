import net from 'node:net';

// The load generator of the edge heartbeat benchmark, in its own process so it does not share the server's event
// loop. It speaks HTTP/1.1 over raw keep-alive sockets, as wrk and autocannon do: Node's http client costs more CPU
// per request than the endpoint under test, and on a 2-core machine that CPU is taken from the server.
//
// Two modes over `concurrency` connections, cycling through the simulated agents' credentials:
// - closed loop (no `rate`): each connection sends its next heartbeat as soon as the answer arrived — the most the
//   server sustains;
// - open loop (`rate` per second): heartbeats are due on a fixed schedule, as 300,000 agents at a 30 s interval
//   send them whatever the server's speed. Latency counts from when a heartbeat was due, not when a free connection
//   took it, so a server that falls behind shows it in the percentiles (no coordinated omission).
// Agents keep their connection open, so the clock starts once every connection is open and has carried one
// heartbeat (not counted): otherwise the first second measures 256 connections being accepted and handed to the
// server's workers at once, which put a p99 of about 50 ms into that second even on the bare endpoint.
// Then the load runs `settleMs` before the clock starts, uncounted: the bench rewrites the whole fleet's rows before a
// phase (to put it in steady state), and the first seconds after that measure its aftermath — every page of the
// nodes table cleared from the visibility map at once — not the steady state (EDGE_BENCH_SETTLE_S=0 puts those
// seconds back into the measured window, and the slow seconds it prints are the first ones). The parent is told when
// the clock starts, so the CPU it counts is the measured window's.

export interface LoadRequest {
  url: string;
  credentials: string[];
  /** The agent to start the cycle at: each phase goes on through the fleet where the last one stopped. */
  firstAgent: number;
  concurrency: number;
  durationMs: number;
  /** How long the load runs before the clock starts (not counted). */
  settleMs: number;
  /** Open loop: the latency from which a second is reported as slow. */
  slowMs: number;
  /** Heartbeats per second on a fixed schedule (open loop); omitted: closed loop. */
  rate?: number;
}

export interface LoadResult {
  /** Heartbeats answered in the measured window. */
  sent: number;
  /** Every heartbeat sent, with the connections' first ones and the settling ones: how far the fleet cycle moved. */
  total: number;
  elapsedMs: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
  /** Open loop: heartbeats that were due but never answered within the run (the server fell behind). */
  late?: number;
  /**
   * Open loop: each second (from the clock's start) in which a heartbeat took over `slowMs`, with its slowest and how
   * many did: a p99 over a long run says how much, these say when, to set beside the server's and PostgreSQL's logs.
   */
  slowSeconds?: { at: string; maxMs: number; slow: number }[];
  /** The generator's own CPU over the run: it shares the machine with the server under test. */
  cpuMs: number;
}

/** The body's fields after `seq`, `sentAt` and `uptimeS`: the same on every heartbeat, so serialized once. */
const BODY_REST = JSON.stringify({
  cpu: { load1: 0.42, cores: 4 },
  memory: { totalBytes: 8_000_000_000, usedBytes: 3_000_000_000 },
  accelerators: [{ name: 'Ascend 310', utilPct: 37.5 }],
  models: [{ name: 'defect-detect', version: '3' }],
  appVersion: '1.0.0',
}).slice(1);

function body(seq: number): string {
  return `{"seq":${seq},"sentAt":"${new Date().toISOString()}","uptimeS":${3600 + seq},${BODY_REST}`;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * One keep-alive connection answering one request at a time; parses just enough of each response (status, length).
 * It reads into a buffer of its own (`onread`), not as a stream: no chunk is allocated and emitted per response.
 */
class Connection {
  private readonly socket: net.Socket;
  /** The start of a response that one read did not hold whole (a copy: the read buffer is reused). */
  private partial: Buffer | undefined;
  private waiting: ((status: number) => void) | undefined;

  constructor(
    host: string,
    port: number,
    private readonly head: string,
  ) {
    const reads = Buffer.allocUnsafe(16 * 1024);
    this.socket = net.connect({
      host,
      port,
      noDelay: true,
      onread: {
        buffer: reads,
        callback: (length) => {
          this.onData(reads.subarray(0, length));
          return true; // keep reading
        },
      },
    });
    this.socket.on('error', () => this.settle(-1));
    this.socket.on('close', () => this.settle(-1));
  }

  send(credential: string, payload: string): Promise<number> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(
        `${this.head}Authorization: Bearer ${credential}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
      );
    });
  }

  close() {
    this.socket.destroy();
  }

  private onData(chunk: Buffer) {
    const data = this.partial ? Buffer.concat([this.partial, chunk]) : chunk;
    this.partial = undefined;
    const end = data.indexOf(HEADER_END);
    const head = end < 0 ? '' : data.toString('latin1', 0, end);
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (end < 0 || data.length < end + 4 + length) {
      this.partial = Buffer.from(data);
      return;
    }
    this.settle(Number(head.slice(9, 12)));
  }

  private settle(status: number) {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(status);
  }
}

async function run(req: LoadRequest): Promise<LoadResult> {
  const target = new URL(req.url);
  const head = `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\n`;
  const connections = Array.from(
    { length: req.concurrency },
    () => new Connection(target.hostname, Number(target.port), head),
  );
  const agent = (i: number) => req.credentials[(req.firstAgent + i) % req.credentials.length]!;
  await Promise.all(connections.map((c, i) => c.send(agent(i), body(0))));
  const latencies: number[] = [];
  const slowBySecond = new Map<number, { maxMs: number; slow: number }>();
  const statuses: Record<string, number> = {};
  let next = 0;
  let total = req.concurrency;
  let cpu = process.cpuUsage();
  const started = performance.now();
  const measuredFrom = started + req.settleMs;
  const deadline = measuredFrom + req.durationMs;
  const clockStarts = setTimeout(() => {
    cpu = process.cpuUsage();
    process.send?.('measuring');
  }, req.settleMs);
  const intervalMs = req.rate ? 1000 / req.rate : 0;
  /** Open loop: the time heartbeat i is due. */
  const dueAt = (i: number) => started + i * intervalMs;

  async function worker(connection: Connection) {
    while (performance.now() < deadline) {
      const i = next++;
      let from = performance.now();
      // Open loop: a heartbeat belongs to the measured window by when it was due.
      let measured = from >= measuredFrom;
      if (intervalMs) {
        const due = dueAt(i);
        if (due >= deadline) break;
        measured = due >= measuredFrom;
        if (due > from) await new Promise((resolve) => setTimeout(resolve, due - from));
        // A timer may fire a fraction of a millisecond early: then the heartbeat counts from when it was sent.
        from = Math.min(due, performance.now());
      }
      const status = await connection.send(agent(req.concurrency + i), body(i));
      total += 1;
      if (!measured) continue;
      const latency = performance.now() - from;
      latencies.push(latency);
      if (intervalMs && latency > req.slowMs) {
        const second = Math.floor((from - measuredFrom) / 1000);
        const entry = slowBySecond.get(second) ?? { maxMs: 0, slow: 0 };
        slowBySecond.set(second, { maxMs: Math.max(entry.maxMs, latency), slow: entry.slow + 1 });
      }
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }
  await Promise.all(connections.map(worker));
  const elapsedMs = performance.now() - measuredFrom;
  clearTimeout(clockStarts);
  const used = process.cpuUsage(cpu);
  for (const c of connections) c.close();
  latencies.sort((a, b) => a - b);
  const pick = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const due = intervalMs ? Math.floor(req.durationMs / intervalMs) : undefined;
  return {
    sent: latencies.length,
    total,
    elapsedMs,
    statuses,
    p50Ms: pick(0.5),
    p90Ms: pick(0.9),
    p99Ms: pick(0.99),
    p999Ms: pick(0.999),
    maxMs: pick(1),
    cpuMs: (used.user + used.system) / 1000,
    ...(due !== undefined && {
      late: Math.max(0, due - latencies.length),
      slowSeconds: [...slowBySecond]
        .sort(([a], [b]) => a - b)
        .map(([second, entry]) => ({
          at: new Date(performance.timeOrigin + measuredFrom + second * 1000).toISOString(),
          ...entry,
        })),
    }),
  };
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
