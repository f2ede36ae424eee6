import { mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectHostMetrics, EdgeAgent, loadCredential, saveCredential } from '../src/index';

// The agent on its own: real host metrics, the 0600 credential file, and its reading of the platform's answers
// from a real HTTP server (the platform itself is exercised with this agent in apps/api/test/edge-*.test.ts).

const dir = mkdtempSync(path.join(os.tmpdir(), 'dg-edge-agent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reference edge agent', () => {
  it('reports the host’s real load, memory and uptime', () => {
    const metrics = collectHostMetrics({ appVersion: '9.9.9' }, 7);
    expect(metrics.cpu.cores).toBe(os.cpus().length);
    expect(metrics.memory.totalBytes).toBe(os.totalmem());
    expect(metrics.memory.usedBytes).toBeGreaterThan(0);
    expect(metrics.memory.usedBytes).toBeLessThanOrEqual(metrics.memory.totalBytes);
    expect(metrics.uptimeS).toBeGreaterThan(0);
    expect(metrics).toMatchObject({ seq: 7, appVersion: '9.9.9', health: 'ok' });
  });

  it('keeps its credential in a file only its owner can read', async () => {
    const file = path.join(dir, 'nested', 'credential.json');
    const stored = {
      platformUrl: 'http://x',
      serial: 'S-1',
      nodeId: 'n',
      credential: 'dgec_secret',
      heartbeatIntervalS: 30,
    };
    await saveCredential(file, stored);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await loadCredential(file)).toEqual(stored);
    expect(await loadCredential(path.join(dir, 'missing.json'))).toBeNull();
  });

  it('stops on 403 (revoked) and on 401 with no token left', async () => {
    let status = 403;
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'X', message: 'x' } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const file = path.join(dir, 'stop.json');
    await saveCredential(file, {
      platformUrl: url,
      serial: 'S-2',
      nodeId: 'n',
      credential: 'dgec_x',
      heartbeatIntervalS: 30,
    });
    try {
      const agent = () =>
        new EdgeAgent({ platformUrl: url, serial: 'S-2', credentialFile: file, appVersion: '1' });
      expect(await agent().run()).toEqual({ reason: 'revoked' });
      status = 401;
      expect(await agent().run()).toEqual({ reason: 'credential refused' });
    } finally {
      server.close();
    }
  });
});
