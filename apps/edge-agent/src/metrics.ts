import os from 'node:os';

/** The heartbeat body of the edge protocol (docs/edge-protocol.md). */
export interface HeartbeatPayload {
  sentAt: string;
  seq: number;
  health: 'ok' | 'degraded' | 'error';
  uptimeS: number;
  cpu: { load1: number; cores: number };
  memory: { totalBytes: number; usedBytes: number };
  accelerators: { name: string; utilPct: number }[];
  models: { name: string; version?: string }[];
  appVersion: string;
}

export interface HostInfo {
  appVersion: string;
  /** Models this node runs, as configured (the agent does not discover them). */
  models?: { name: string; version?: string }[];
}

/** Real host metrics from the operating system: load average, memory, uptime. */
export function collectHostMetrics(info: HostInfo, seq: number, now = new Date()): HeartbeatPayload {
  const total = os.totalmem();
  return {
    sentAt: now.toISOString(),
    seq,
    health: 'ok',
    uptimeS: Math.round(os.uptime()),
    cpu: { load1: Math.round(os.loadavg()[0]! * 100) / 100, cores: Math.max(1, os.cpus().length) },
    memory: { totalBytes: total, usedBytes: total - os.freemem() },
    accelerators: [],
    models: info.models ?? [],
    appVersion: info.appVersion,
  };
}
