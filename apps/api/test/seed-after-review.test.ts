import { dialects } from '@dg/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClockedApi, startClockedApi } from './after-review-fixtures';

// The demo seed's after-review step: what the web apps show on a fresh start. The notices run 2025-10-09 (Thu) to
// 2025-10-14 (Tue): 10-09, 10-10, the make-up Saturday 10-11, 10-13, 10-14 (GEN-7).

describe.each(dialects)('demo seed after review on %s', (dialect) => {
  let api: ClockedApi;
  beforeAll(async () => {
    api = await startClockedApi(dialect, '2025-11-10T10:00:00+08:00');
  }, 240_000); // the demo seed on PGlite, on a shared machine
  afterAll(async () => {
    await api?.close();
  });

  it('has closed notices per program, approved plans within budget, a signed 任务书 and payments waiting', async () => {
    const city = await api.staff('city1');
    const finance = await api.staff('finance1');
    const notices = await city.notices.list.query();
    expect(notices.map((n) => n.programId).sort()).toEqual([
      'compute-voucher',
      'edge-node-deployment',
      'vertical-model-rd',
    ]);
    expect(
      notices.every((n) => n.state === 'closed' && n.startsOn === '2025-10-09' && n.endsOn === '2025-10-14'),
    ).toBe(true);
    const rdNotice = await city.notices.get.query({
      id: notices.find((n) => n.programId === 'vertical-model-rd')!.id,
    });
    expect(rdNotice.objections.map((o) => o.status)).toEqual(['dismissed']);
    for (const edition of await api.db
      .selectFrom('editions')
      .select('id')
      .where('budget_fen', 'is not', null)
      .execute()) {
      const budget = await city.budgets.get.query({ id: edition.id });
      expect(budget.grantedFen).toBeLessThanOrEqual(budget.budgetFen!);
    }
    const contracts = await api.db.selectFrom('rd_contracts').select('application_id').execute();
    expect(contracts.length).toBeGreaterThan(0);
    const waiting = await finance.payments.list.query({ state: 'prepared' });
    expect(waiting.map((p) => p.kind).sort()).toEqual(['disbursement', 'disbursement', 'rd_phase1']);
  });
});
