import { dialects } from '@dg/db/testing';
import { type Workflow, workflows } from '@dg/policy';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEnterprises } from '../src/seed/enterprises';
import { type ClockedApi, type Client, publishedNotice, startClockedApi } from './after-review-fixtures';

// The reviewer's dashboard figures (stats.overview) and the lists that give the budget and 资助计划 pages their ids
// (budgets.list, fundingPlans.list), watched as applications move: each figure must move by exactly what happened.

type Overview = Awaited<ReturnType<Client['stats']['overview']['query']>>;

async function codeOf(call: Promise<unknown>) {
  try {
    await call;
    return 'OK';
  } catch (error) {
    return error instanceof TRPCClientError ? error.data?.code : String(error);
  }
}

describe.each(dialects)('dashboard figures on %s', (dialect) => {
  let api: ClockedApi;

  beforeAll(async () => {
    api = await startClockedApi(dialect, '2025-09-26T10:00:00+08:00');
  }, 240_000); // the demo seed on PGlite, on a shared machine
  afterAll(async () => {
    await api?.close();
  });

  it('stats.overview counts a new application by its workflow state, program and town, with its amounts', async () => {
    const city = await api.staff('city1');
    const before = await city.stats.overview.query();
    const ceilingFen = 12_345_600;
    const id = await api.applicationInNotice('compute-voucher', 'changan-molds', ceilingFen);
    const app = await api.application(id);
    const after = await city.stats.overview.query();

    const program = (o: Overview) => o.byProgram.find((p) => p.programId === 'compute-voucher');
    expect(program(after)!.count - (program(before)?.count ?? 0)).toBe(1);
    expect(program(after)!.recognisedFen - (program(before)?.recognisedFen ?? 0)).toBe(ceilingFen);
    expect(program(after)!.ceilingFen - (program(before)?.ceilingFen ?? 0)).toBe(ceilingFen);
    expect(program(after)!.label).toBe('算力券');

    const state = (o: Overview) =>
      o.byState.find((s) => s.programId === 'compute-voucher' && s.state === app.state);
    expect(state(after)!.count - (state(before)?.count ?? 0)).toBe(1);
    expect(state(after)!.label).toBe((workflows['compute-voucher'] as Workflow).states[app.state]!.label);
    expect(state(after)!.label).not.toBe(app.state);

    const townCode = demoEnterprises.find((e) => e.key === 'changan-molds')!.townCode;
    const town = (o: Overview) => o.byTown.find((t) => t.townCode === townCode);
    expect(town(after)!.count - (town(before)?.count ?? 0)).toBe(1);
    const sum = (counts: { count: number }[]) => counts.reduce((s, c) => s + c.count, 0);
    expect(sum(after.byState)).toBe(sum(after.byProgram));
    expect(sum(after.byTown)).toBe(sum(after.byProgram));
  });

  it('stats.overview is for city-level roles only', async () => {
    for (const login of ['approver1', 'finance1', 'admin'])
      expect(await codeOf((await api.staff(login)).stats.overview.query())).toBe('OK');
    for (const login of ['town-changan', 'expert1'])
      expect(await codeOf((await api.staff(login)).stats.overview.query())).toBe('FORBIDDEN');
    expect(await codeOf((await api.wechat('chen')).stats.overview.query())).toBe('FORBIDDEN');
  });

  it('budgets.list and fundingPlans.list follow a plan from draft to approval on a budget that runs out', async () => {
    const city = await api.staff('city2');
    const approver = await api.staff('approver1');
    const admin = await api.staff('admin');
    const id = await api.rdApplicationInNotice('changan-molds');
    const published = await publishedNotice(city, 'vertical-model-rd', [id], '2025-09-29', '拟立项项目公示');
    api.setNow('2025-10-13T10:00:00+08:00');
    await city.notices.close.mutate({ id: published.id, version: published.version });
    for (const [kind, unitName] of [
      ['department', '市科技局'],
      ['town', '长安镇'],
    ] as const)
      await city.opinions.record.mutate({ applicationId: id, kind, unitName, agrees: true, content: '同意' });
    await city.opinions.conclude.mutate({ applicationId: id, version: (await api.application(id)).version });
    const editionId = (await api.application(id)).edition_id;
    const edition = await admin.budgets.get.query({ id: editionId });
    await admin.budgets.update.mutate({
      editionId,
      version: edition.version,
      budgetFen: edition.grantedFen + 60_000_000,
    });
    const listed = async () => (await city.budgets.list.query()).find((e) => e.editionId === editionId)!;
    const start = await listed();
    expect(start).toMatchObject({ code: edition.code, budgetFen: edition.grantedFen + 60_000_000 });
    expect(start.allocatedFen).toBe(edition.grantedFen);
    expect(start.remainingFen).toBe(60_000_000);

    const plan = await city.fundingPlans.create.mutate({
      editionId,
      title: '2025年第一批资助计划',
      applicationIds: [id],
    });
    const draft = (await city.fundingPlans.list.query({ editionId })).find((p) => p.id === plan.id);
    expect(draft).toMatchObject({ state: 'draft', itemCount: 1, requestedFen: 100_000_000, grantedFen: 0 });
    const submitted = await city.fundingPlans.submit.mutate({ id: plan.id, version: plan.version });
    await approver.fundingPlans.approve.mutate({
      id: plan.id,
      version: submitted.version,
      decisionReference: '东府〔2025〕9号',
    });
    const approved = (await city.fundingPlans.list.query({})).find((p) => p.id === plan.id);
    // 用完即止: the ¥1,000,000.00 asked for is cut to the ¥600,000.00 left.
    expect(approved).toMatchObject({
      state: 'approved',
      itemCount: 1,
      requestedFen: 100_000_000,
      grantedFen: 60_000_000,
    });
    const end = await listed();
    expect(end.allocatedFen - start.allocatedFen).toBe(60_000_000);
    expect(end.remainingFen).toBe(0);
    expect(end.paidFen).toBe(start.paidFen);

    const other = await city.fundingPlans.list.query({
      editionId: (await city.budgets.list.query()).find((e) => e.editionId !== editionId)!.editionId,
    });
    expect(other.map((p) => p.id)).not.toContain(plan.id);
    expect(await codeOf((await api.wechat('chen')).budgets.list.query())).toBe('FORBIDDEN');
    expect(await codeOf((await api.wechat('chen')).fundingPlans.list.query({}))).toBe('FORBIDDEN');
  });
});
