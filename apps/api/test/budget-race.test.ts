import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClockedApi, publishedNotice, startClockedApi } from './after-review-fixtures';

// CV-11 用完即止 under contention: 50 funding plans approved at once on PostgreSQL, each drawing ¥1,000,000.00 from a
// budget of ¥10,500,000.00. The edition row lock makes the draws queue: 10 get all, the 11th is cut to ¥500,000.00,
// the other 39 get nothing and are declined — and the ledger never adds up to more than the budget.

const APPLICATIONS = 50;
const GRANT_FEN = 100_000_000;
const BUDGET_FEN = 1_050_000_000;

describe('budget allocation race on postgres', () => {
  let api: ClockedApi;

  beforeAll(async () => {
    api = await startClockedApi('postgres', '2025-09-26T10:00:00+08:00');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('never overspends: 50 concurrent approvals, the last funded one cut, later ones nothing', async () => {
    const city = await api.staff('city2');
    const approver = await api.staff('approver1');
    const admin = await api.staff('admin');
    const ids: string[] = [];
    for (let i = 0; i < APPLICATIONS; i++) ids.push(await api.rdApplicationInNotice('changan-molds'));
    const published = await publishedNotice(city, 'vertical-model-rd', ids, '2025-09-29');
    api.setNow('2025-10-13T10:00:00+08:00');
    await city.notices.close.mutate({ id: published.id, version: published.version });
    for (const id of ids) {
      await city.opinions.record.mutate({
        applicationId: id,
        kind: 'department',
        unitName: '市科技局',
        agrees: true,
        content: '同意',
      });
      await city.opinions.record.mutate({
        applicationId: id,
        kind: 'town',
        unitName: '长安镇',
        agrees: true,
        content: '同意',
      });
      await city.opinions.conclude.mutate({
        applicationId: id,
        version: (await api.application(id)).version,
      });
    }
    const edition = await api.db
      .selectFrom('editions')
      .select(['id'])
      .where('program_id', '=', 'vertical-model-rd')
      .where('code', '=', '2025')
      .executeTakeFirstOrThrow();
    // The demo seed's plans already drew on this edition: the race gets exactly BUDGET_FEN more.
    const before = await admin.budgets.get.query({ id: edition.id });
    await admin.budgets.update.mutate({
      editionId: edition.id,
      version: before.version,
      budgetFen: before.grantedFen + BUDGET_FEN,
    });
    const plans = [];
    for (const id of ids) {
      const plan = await city.fundingPlans.create.mutate({
        editionId: edition.id,
        title: '资助计划',
        applicationIds: [id],
      });
      plans.push(await city.fundingPlans.submit.mutate({ id: plan.id, version: plan.version }));
    }

    const results = await Promise.allSettled(
      plans.map((p) =>
        approver.fundingPlans.approve.mutate({
          id: p.id,
          version: p.version,
          decisionReference: '东府〔2025〕9号',
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

    const ledger = await api.db
      .selectFrom('budget_allocations')
      .select(['seq', 'granted_fen', 'cut_fen', 'application_id'])
      .where('edition_id', '=', edition.id)
      .where('application_id', 'in', ids)
      .orderBy('seq')
      .execute();
    const firstSeq = before.allocations.length + 1;
    expect(ledger.map((l) => l.seq)).toEqual(Array.from({ length: APPLICATIONS }, (_, i) => firstSeq + i));
    const granted = ledger.reduce((sum, l) => sum + l.granted_fen, 0);
    expect(granted).toBeLessThanOrEqual(BUDGET_FEN);
    expect(granted).toBe(BUDGET_FEN);
    expect(ledger.slice(0, 10).every((l) => l.granted_fen === GRANT_FEN && l.cut_fen === 0)).toBe(true);
    expect(ledger[10]).toMatchObject({ granted_fen: 50_000_000, cut_fen: 50_000_000 });
    expect(ledger.slice(11).every((l) => l.granted_fen === 0 && l.cut_fen === GRANT_FEN)).toBe(true);

    const states = await api.db
      .selectFrom('applications')
      .select(['id', 'state'])
      .where('id', 'in', ids)
      .execute();
    const stateOf = new Map(states.map((s) => [s.id, s.state]));
    expect(ledger.slice(0, 11).every((l) => stateOf.get(l.application_id) === 'contract_signing')).toBe(true);
    expect(ledger.slice(11).every((l) => stateOf.get(l.application_id) === 'rejected')).toBe(true);
  }, 300_000);
});
