import { statSync } from 'node:fs';
import path from 'node:path';
import { dialects } from '@dg/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshOfflineAlerts } from '../src/services/edge/presence';
import { METRICS_RETENTION_DAYS, pruneMetricSamples } from '../src/services/edge/retention';
import { codeOf } from './harness';
import { approvedNode, type EdgeTestApi, startEdgeTestApi } from './edge-harness';

// The edge protocol over real HTTP with the reference agent (@dg/edge-agent), on PGlite and PostgreSQL.

async function post(api: EdgeTestApi, route: string, body: unknown, credential?: string) {
  const response = await fetch(`${api.url}/edge/v1${route}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(credential && { authorization: `Bearer ${credential}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const beat = {
  uptimeS: 100,
  cpu: { load1: 0.5, cores: 4 },
  memory: { totalBytes: 8e9, usedBytes: 2e9 },
  appVersion: '1.0.0',
};

describe.each(dialects)('edge protocol on %s', (dialect) => {
  let api: EdgeTestApi;
  let songshanhu: string;
  beforeAll(async () => {
    api = await startEdgeTestApi(dialect);
    songshanhu = await api.enterpriseId('songshanhu-robotics');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('enrolls with a token, keeps the credential in a 0600 file, and is connected from its first heartbeat', async () => {
    const { id, token } = await approvedNode(api, 'SN-ENROLL-1', songshanhu);
    expect((await api.operator.edge.nodes.get.query({ id })).presence).toBe('never_seen');
    const agent = api.agent('SN-ENROLL-1', token);
    const stored = await agent.ensureCredential();
    expect(stored.nodeId).toBe(id);
    expect(stored.heartbeatIntervalS).toBe(30);
    expect(statSync(path.join(api.tempDir, 'agent-1', 'credential.json')).mode & 0o777).toBe(0o600);
    const enrolled = await api.operator.edge.nodes.get.query({ id });
    expect(enrolled).toMatchObject({ status: 'active', presence: 'never_seen', connectedAt: null });

    const firstBeatAt = api.now().toISOString();
    expect(await agent.heartbeat()).toBe('ok');
    api.advance(30);
    expect(await agent.heartbeat()).toBe('ok');
    const node = await api.operator.edge.nodes.get.query({ id });
    expect(node).toMatchObject({
      presence: 'online',
      connectedAt: firstBeatAt,
      lastSeenAt: api.now().toISOString(),
    });
    // The credential is stored only as a hash.
    const row = await api.db
      .selectFrom('edge_credentials')
      .select('secret_hash')
      .where('node_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).not.toContain(stored.credential);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a used, an expired, an unknown or another serial’s token with 401 and a JSON error', async () => {
    const { token } = await approvedNode(api, 'SN-TOKEN-1', songshanhu);
    expect((await post(api, '/enroll', { token, serial: 'SN-TOKEN-2' })).status).toBe(401);
    expect((await post(api, '/enroll', { token, serial: 'SN-TOKEN-1' })).status).toBe(201);
    const reused = await post(api, '/enroll', { token, serial: 'SN-TOKEN-1' });
    expect(reused.status).toBe(401);
    expect(reused.body.error).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await post(api, '/enroll', { token: 'dget_nonsense', serial: 'SN-TOKEN-1' })).status).toBe(401);

    const late = await approvedNode(api, 'SN-TOKEN-3', songshanhu);
    api.advance(72 * 3600 + 1);
    expect((await post(api, '/enroll', { token: late.token, serial: 'SN-TOKEN-3' })).status).toBe(401);
  });

  it('answers 400 naming the bad field, 401 for a bad credential, and 204 for a good heartbeat', async () => {
    const { token } = await approvedNode(api, 'SN-BODY-1', songshanhu);
    const { body } = await post(api, '/enroll', { token, serial: 'SN-BODY-1' });
    const credential = body.credential as string;
    expect((await post(api, '/heartbeat', beat, credential)).status).toBe(204);
    const malformed = await post(
      api,
      '/heartbeat',
      { ...beat, memory: { totalBytes: 'lots', usedBytes: 1 } },
      credential,
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.field).toBe('memory.totalBytes');
    expect(malformed.body.error.message).toContain('memory.totalBytes');
    expect((await post(api, '/heartbeat', '{not json', credential)).status).toBe(400);
    expect((await post(api, '/heartbeat', beat, 'dgec_not-a-real-credential')).status).toBe(401);
    expect((await post(api, '/heartbeat', beat)).status).toBe(401);
  });

  it('revoke takes effect on the next heartbeat; the serial cannot come back without a new approval', async () => {
    const { id, token } = await approvedNode(api, 'SN-REVOKE-1', songshanhu);
    const events: string[] = [];
    const agent = api.agent('SN-REVOKE-1', token, {
      intervalMs: 20,
      onEvent: (e) => events.push(e.outcome ?? e.type),
    });
    expect(await agent.heartbeat()).toBe('ok');
    await api.operator.edge.nodes.revoke.mutate({ id, note: '设备丢失' });
    const stopped = await agent.run();
    expect(stopped.reason).toBe('revoked');
    expect(events).toContain('forbidden');
    // The old token is dead too, and re-approval is the only way back.
    expect((await post(api, '/enroll', { token, serial: 'SN-REVOKE-1' })).status).toBe(401);
    const { grant } = await api.operator.edge.nodes.approve.mutate({ id });
    expect(await api.agent('SN-REVOKE-1', grant!.token).heartbeat()).toBe('ok');
  });

  it('a decommissioned node never comes back, and a rotated credential is dead at once', async () => {
    const { id, token } = await approvedNode(api, 'SN-ROTATE-1', songshanhu);
    const agent = api.agent('SN-ROTATE-1', token);
    expect(await agent.heartbeat()).toBe('ok');
    const { grant } = await api.operator.edge.nodes.rotate.mutate({ id });
    expect(await agent.heartbeat()).toBe('unauthorized');
    const renewed = api.agent('SN-ROTATE-1', grant!.token);
    expect(await renewed.heartbeat()).toBe('ok');

    await api.operator.edge.nodes.decommission.mutate({ id });
    expect(await renewed.heartbeat()).toBe('forbidden');
    expect(await codeOf(api.operator.edge.nodes.approve.mutate({ id }))).toBe('CONFLICT');
    expect(await codeOf(api.operator.edge.tokens.issueBulk.mutate({ serials: ['SN-ROTATE-1'] }))).toBe(
      'CONFLICT',
    );
  });

  it('goes offline after 3 missed intervals, raises and resolves an alert, and keeps the online span', async () => {
    const { id, token } = await approvedNode(api, 'SN-PRESENCE-1', songshanhu);
    const agent = api.agent('SN-PRESENCE-1', token);
    const start = api.now();
    expect(await agent.heartbeat()).toBe('ok');
    api.advance(30);
    expect(await agent.heartbeat()).toBe('ok');
    const lastBeat = api.now();
    api.advance(90);
    expect((await api.operator.edge.nodes.get.query({ id })).presence).toBe('online');
    api.advance(1);
    expect((await api.operator.edge.nodes.get.query({ id })).presence).toBe('offline');
    expect(
      (await api.operator.edge.nodes.list.query({ presence: 'offline' })).items.map((n) => n.id),
    ).toContain(id);

    await refreshOfflineAlerts(api.db, api.now());
    await refreshOfflineAlerts(api.db, api.now());
    const open = await api.operator.edge.fleet.alerts.query({ open: true });
    expect(open.filter((a) => a.nodeId === id)).toHaveLength(1);

    api.advance(600);
    expect(await agent.heartbeat()).toBe('ok');
    await refreshOfflineAlerts(api.db, api.now());
    expect(
      (await api.operator.edge.fleet.alerts.query({ open: true })).filter((a) => a.nodeId === id),
    ).toEqual([]);
    const spans = await api.db
      .selectFrom('edge_presence_spans')
      .selectAll()
      .where('node_id', '=', id)
      .execute();
    expect(spans.map((s) => [s.started_at.toISOString(), s.ended_at.toISOString()])).toEqual([
      [start.toISOString(), lastBeat.toISOString()],
    ]);
  });

  it('keeps what a heartbeat reported: the charts average its figures, the report shows its latest state', async () => {
    const { id, token } = await approvedNode(api, 'SN-REPORT-1', songshanhu);
    const { body } = await post(api, '/enroll', { token, serial: 'SN-REPORT-1' });
    const credential = body.credential as string;
    expect(await api.operator.edge.nodes.report.query({ id })).toBeNull();
    const t0 = api.now();
    const report = {
      ...beat,
      health: 'degraded',
      uptimeS: 7200,
      cpu: { load1: 1.5, cores: 8, utilPct: 62.5 },
      memory: { totalBytes: 16e9, usedBytes: 4e9 },
      accelerators: [
        { name: 'NPU0', utilPct: 40 },
        { name: 'NPU1', utilPct: 70 },
      ],
      models: [{ name: 'defect-detect', version: '3.2' }, { name: 'ocr' }],
      appVersion: '2.1.0',
    };
    expect((await post(api, '/heartbeat', report, credential)).status).toBe(204);
    api.advance(60);
    expect(
      (
        await post(
          api,
          '/heartbeat',
          { ...report, health: 'ok', cpu: { load1: 0.5, cores: 8 }, accelerators: [] },
          credential,
        )
      ).status,
    ).toBe(204);

    // A bucket per sample; memory as a share of the total, accelerators averaged (none reported: no figure).
    const points = await api.operator.edge.nodes.metrics.query({
      id,
      from: t0.toISOString(),
      to: api.now().toISOString(),
      points: 10,
    });
    expect(points.map((p) => [p.cpuLoad1, p.memoryUsedPct, p.acceleratorUtilPct])).toEqual([
      [1.5, 25, 55],
      [0.5, 25, null],
    ]);
    expect(await api.operator.edge.nodes.report.query({ id })).toEqual({
      at: api.now().toISOString(),
      health: 'ok',
      uptimeS: 7200,
      appVersion: '2.1.0',
      models: [{ name: 'defect-detect', version: '3.2' }, { name: 'ocr' }],
    });
  });

  it('duplicate and out-of-order heartbeats never move presence backwards nor duplicate samples', async () => {
    const { id, token } = await approvedNode(api, 'SN-ORDER-1', songshanhu);
    const { body } = await post(api, '/enroll', { token, serial: 'SN-ORDER-1' });
    const credential = body.credential as string;
    const t0 = api.now();
    const sample = { ...beat, seq: 1, sentAt: t0.toISOString() };
    // A retried (duplicate) heartbeat: one metrics sample.
    expect((await post(api, '/heartbeat', sample, credential)).status).toBe(204);
    expect((await post(api, '/heartbeat', sample, credential)).status).toBe(204);
    api.advance(60);
    const later = api.now();
    expect(
      (await post(api, '/heartbeat', { ...beat, seq: 3, sentAt: later.toISOString() }, credential)).status,
    ).toBe(204);
    // A heartbeat handled late with an older receipt time (e.g. by a slower instance).
    api.setNow(new Date(t0.getTime() + 30_000));
    expect(
      (await post(api, '/heartbeat', { ...beat, seq: 2, sentAt: api.now().toISOString() }, credential))
        .status,
    ).toBe(204);
    api.setNow(later);
    // Concurrent heartbeats of one node land in one batch.
    const burst = await Promise.all([1, 2, 3].map(() => post(api, '/heartbeat', beat, credential)));
    expect(burst.map((r) => r.status)).toEqual([204, 204, 204]);

    const node = await api.operator.edge.nodes.get.query({ id });
    expect(node).toMatchObject({
      connectedAt: t0.toISOString(),
      lastSeenAt: later.toISOString(),
      presence: 'online',
    });
    const row = await api.db
      .selectFrom('edge_nodes')
      .select('span_started_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.span_started_at?.toISOString()).toBe(t0.toISOString());
    const samples = await api.db
      .selectFrom('edge_metric_samples')
      .select('at')
      .where('node_id', '=', id)
      .orderBy('at')
      .execute();
    expect(samples.map((s) => s.at.toISOString())).toEqual([t0.toISOString(), later.toISOString()]);
    expect(
      await api.db.selectFrom('edge_presence_spans').select('id').where('node_id', '=', id).execute(),
    ).toEqual([]);
    // Samples older than the retention are pruned; the newer one stays.
    await pruneMetricSamples(api.db, new Date(t0.getTime() + (METRICS_RETENTION_DAYS * 86_400 + 30) * 1000));
    const kept = await api.db
      .selectFrom('edge_metric_samples')
      .select('at')
      .where('node_id', '=', id)
      .execute();
    expect(kept.map((s) => s.at.toISOString())).toEqual([later.toISOString()]);
  });
});
