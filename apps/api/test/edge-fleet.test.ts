import { dialects } from '@dg/db/testing';
import { json } from '@dg/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from './harness';
import { approvedNode, type EdgeTestApi, nodeSpec, startEdgeTestApi } from './edge-harness';

// Fleet views, bulk enrollment, enterprise scoping, the EN-7 node count per deployment application, and the OP-2
// report for past periods (as data and as .xlsx), over real HTTP with the reference agent.

describe.each(dialects)('edge fleet and OP-2 on %s', (dialect) => {
  let api: EdgeTestApi;
  let changan: string;
  let humen: string;
  beforeAll(async () => {
    api = await startEdgeTestApi(dialect);
    changan = await api.enterpriseId('changan-molds');
    humen = await api.enterpriseId('humen-apparel');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('OP-2 counts distinct enterprises and nodes connected in any past period, onboarded at the time', async () => {
    // January 2032: two Chang'an nodes and one Humen node heartbeat; March: only one Chang'an node.
    api.setNow('2032-01-10T02:00:00Z');
    const a1 = await approvedNode(api, 'OP2-CA-1', changan);
    const a2 = await approvedNode(api, 'OP2-CA-2', changan);
    const h1 = await approvedNode(api, 'OP2-HM-1', humen);
    const agents = [
      api.agent('OP2-CA-1', a1.token),
      api.agent('OP2-CA-2', a2.token),
      api.agent('OP2-HM-1', h1.token),
    ];
    for (const agent of agents) expect(await agent.heartbeat()).toBe('ok');
    api.advance(30);
    for (const agent of agents) expect(await agent.heartbeat()).toBe('ok');
    // The Humen node is revoked in February; a node approved but never heard from does not count.
    api.setNow('2032-02-15T02:00:00Z');
    await api.operator.edge.nodes.revoke.mutate({ id: h1.id });
    await approvedNode(api, 'OP2-HM-SILENT', humen);
    api.setNow('2032-03-05T02:00:00Z');
    expect(await agents[0]!.heartbeat()).toBe('ok');

    const january = await api.operator.edge.report.op2.query({ from: '2032-01-01', to: '2032-01-31' });
    expect(january).toMatchObject({ rule: 'OP-2', enterprises: 2, nodes: 3 });
    expect(january.byEnterprise.map((e) => [e.enterpriseId, e.nodes]).sort()).toEqual(
      [
        [changan, 2],
        [humen, 1],
      ].sort(),
    );
    const february = await api.operator.edge.report.op2.query({ from: '2032-02-01', to: '2032-02-29' });
    expect(february).toMatchObject({ enterprises: 0, nodes: 0 });
    const march = await api.operator.edge.report.op2.query({ from: '2032-03-01', to: '2032-03-31' });
    expect(march).toMatchObject({ enterprises: 1, nodes: 1 });
    const quarter = await api.operator.edge.report.op2.query({ from: '2032-01-01', to: '2032-03-31' });
    expect(quarter).toMatchObject({ enterprises: 2, nodes: 3 });

    // The same report as a workbook.
    const file = await api.operator.edge.report.op2Xlsx.query({ from: '2032-01-01', to: '2032-01-31' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const summary = book.getWorksheet('汇总')!;
    const values = Object.fromEntries(
      summary
        .getSheetValues()
        .slice(2)
        .map((row) => [(row as unknown[])[1], (row as unknown[])[2]]),
    );
    expect(values).toMatchObject({ 接入企业数: 2, 接入节点数: 3, 统计期间: '2032-01-01 至 2032-01-31' });
    expect(book.getWorksheet('接入企业')!.rowCount).toBe(3);
  });

  it('issues tokens for a factory batch in one call, each enrolling its own node', async () => {
    api.setNow('2032-04-01T02:00:00Z');
    const serials = ['BATCH-001', 'BATCH-002', 'BATCH-003'];
    const grants = await api.operator.edge.tokens.issueBulk.mutate({
      serials,
      register: { ...nodeSpec, enterpriseId: changan },
    });
    expect(grants.map((g) => g.serial)).toEqual(serials);
    for (const grant of grants) expect(await api.agent(grant.serial, grant.token).heartbeat()).toBe('ok');
    // Rotating the batch kills every credential and hands out new tokens.
    const rotated = await api.operator.edge.nodes.rotateBulk.mutate({ ids: grants.map((g) => g.nodeId) });
    expect(rotated).toHaveLength(3);
    expect(new Set(rotated.map((g) => g.token)).size).toBe(3);
    const list = await api.operator.edge.nodes.list.query({ query: 'BATCH-', status: 'approved' });
    expect(list.total).toBe(3);
  });

  it('enterprise staff register nodes for their own enterprise and see only their own', async () => {
    const token = await (async () => {
      const { token } = await api.client({}).auth.wechatLogin.mutate({ code: 'lin' });
      return token;
    })();
    const lin = api.client({ token });
    const node = await lin.edge.nodes.register.mutate({
      ...nodeSpec,
      serial: 'HM-SELF-1',
      enterpriseId: changan,
    });
    expect(node).toMatchObject({ enterpriseId: humen, status: 'pending_review', townCode: 'humen' });
    const mine = await lin.edge.nodes.list.query({});
    expect(mine.items.every((n) => n.enterpriseId === humen)).toBe(true);
    expect(
      await codeOf(
        lin.edge.nodes.get.query({
          id: (await api.operator.edge.nodes.list.query({ enterpriseId: changan })).items[0]!.id,
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(await codeOf(lin.edge.nodes.approve.mutate({ id: node.id }))).toBe('FORBIDDEN');
  });

  it('counts nodes connected against stations declared per deployment application (EN-7) and summarises the fleet', async () => {
    const edition = await api.db
      .selectFrom('editions')
      .select('id')
      .where('program_id', '=', 'edge-node-deployment')
      .executeTakeFirstOrThrow();
    const user = await api.db
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'edge-op')
      .executeTakeFirstOrThrow();
    const application = await api.db
      .insertInto('applications')
      .values({
        program_id: 'edge-node-deployment',
        edition_id: edition.id,
        enterprise_id: changan,
        state: 'draft',
        form: json({ stationsServed: 5 }),
        form_version: 1,
        created_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    api.setNow('2032-05-01T02:00:00Z');
    const grants = await api.operator.edge.tokens.issueBulk.mutate({
      serials: ['EN7-1', 'EN7-2', 'EN7-3'],
      register: { ...nodeSpec, enterpriseId: changan, applicationId: application.id },
    });
    for (const grant of grants.slice(0, 2))
      expect(await api.agent(grant.serial, grant.token).heartbeat()).toBe('ok');
    const [counts] = await api.operator.edge.fleet.byApplication.query({ applicationId: application.id });
    expect(counts).toMatchObject({
      stationsDeclared: 5,
      nodesRegistered: 3,
      nodesConnected: 2,
      nodeCount: 2,
    });

    const summary = await api.operator.edge.fleet.summary.query({ enterpriseId: changan });
    const active = await api.operator.edge.nodes.list.query({
      enterpriseId: changan,
      status: 'active',
      limit: 500,
    });
    const count = (presence: string) => active.items.filter((n) => n.presence === presence).length;
    expect(summary.presence).toEqual({
      online: 2,
      offline: count('offline'),
      neverSeen: count('never_seen'),
      total: active.total,
    });
    expect(summary.onlineRate).toBeCloseTo(summary.presence.online / summary.presence.total, 4);
    const metrics = await api.operator.edge.nodes.metrics.query({
      id: grants[0]!.nodeId,
      from: '2032-05-01T00:00:00Z',
      to: '2032-05-02T00:00:00Z',
    });
    expect(metrics).toHaveLength(1);
    expect(metrics[0]!.cpuLoad1).toBeGreaterThanOrEqual(0);
    expect(metrics[0]!.memoryUsedPct).toBeGreaterThan(0);
  });
});
