import { dialects } from '@dg/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type ClockedApi, startClockedApi } from './after-review-fixtures';
import { codeOf } from './harness';

// Issue 5: the enterprise follows its own application after review — the public notice's dates (GEN-7) and the
// payment with the paymentWorkflow state — and no other enterprise can read them.

const at = (day: string) => `${day}T10:00:00+08:00`;

describe.each(dialects)('the applicant sees its notice and payments on %s', (dialect) => {
  let api: ClockedApi;
  let city: Client;
  let approver: Client;
  let admin: Client;
  let finance1: Client;
  let finance2: Client;
  let zhang: Client;
  let huang: Client;

  beforeAll(async () => {
    api = await startClockedApi(dialect, at('2025-09-26'));
    city = await api.staff('city1');
    approver = await api.staff('approver1');
    admin = await api.staff('admin');
    finance1 = await api.staff('finance1');
    finance2 = await api.staff('finance2');
    zhang = await api.wechat('zhang'); // 松山湖机器人 (owner)
    huang = await api.wechat('huang'); // 南城数智软件, another enterprise
  }, 240_000); // the demo seed on PGlite, on a shared machine
  afterAll(async () => {
    await api?.close();
  });

  it('shows the notice period, then the payment as finance moves it, to the owning enterprise only', async () => {
    const id = await api.applicationInNotice('compute-voucher', 'songshanhu-robotics', 3_000_000);
    expect(await zhang.applications.afterReview.query({ id })).toEqual({
      notice: null,
      payments: [],
    });

    const batch = await city.notices.create.mutate({
      programId: 'compute-voucher',
      title: '公示',
      applicationIds: [id],
    });
    // A draft notice is not public yet.
    expect((await zhang.applications.afterReview.query({ id })).notice).toBeNull();
    const published = await city.notices.publish.mutate({
      id: batch.id,
      version: batch.version,
      startsOn: '2025-09-29',
    });
    expect((await zhang.applications.afterReview.query({ id })).notice).toEqual({
      startsOn: '2025-09-29',
      // GEN-7: the 5th working day — Mon 29, Tue 30 Sep, the National Day holiday, Thu 9, Fri 10 and the make-up Sat 11 Oct.
      endsOn: '2025-10-11',
      state: 'published',
      outcome: 'listed',
      statusLabel: '公示中',
    });

    api.setNow(at('2025-10-13'));
    await city.notices.close.mutate({
      id: published.id,
      version: published.version,
    });
    const edition = await api.db
      .selectFrom('applications')
      .select('edition_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const budget = await admin.budgets.get.query({ id: edition.edition_id });
    if (budget.budgetFen === null)
      await admin.budgets.update.mutate({
        editionId: edition.edition_id,
        version: budget.version,
        budgetFen: 10_000_000_000,
      });
    const plan = await city.fundingPlans.create.mutate({
      editionId: edition.edition_id,
      title: '资助计划',
      applicationIds: [id],
    });
    const submitted = await city.fundingPlans.submit.mutate({
      id: plan.id,
      version: plan.version,
    });
    await approver.fundingPlans.approve.mutate({
      id: plan.id,
      version: submitted.version,
      decisionReference: '东府〔2025〕7号',
    });
    const payment = await finance1.payments.prepareDisbursement.mutate({
      applicationIds: [id],
    });

    const prepared = await zhang.applications.afterReview.query({ id });
    expect(prepared.notice).toMatchObject({
      state: 'closed',
      outcome: 'cleared',
      statusLabel: '公示期满',
    });
    expect(prepared.payments).toHaveLength(1);
    expect(prepared.payments[0]).toMatchObject({
      id: payment.id,
      kind: 'disbursement',
      amountFen: 3_000_000,
      state: 'prepared',
      stateLabel: '待复核',
      paidOn: null,
    });
    expect(prepared.payments[0]?.payee.accountNumber).toBe(payment.payee.accountNumber);
    expect(prepared.payments[0]?.payee.accountNumber).toMatch(/\*/);

    const checked = await finance2.payments.fire.mutate({
      id: payment.id,
      version: payment.version,
      event: 'check',
    });
    api.setNow(at('2025-10-15'));
    await finance2.payments.fire.mutate({
      id: checked.id,
      version: checked.version,
      event: 'mark_paid',
      bankReference: 'ICBC-88',
    });
    const paid = (await zhang.applications.afterReview.query({ id })).payments[0];
    expect(paid).toMatchObject({
      state: 'paid',
      stateLabel: '已支付',
      paidOn: '2025-10-15',
    });

    expect(await codeOf(huang.applications.afterReview.query({ id }))).toBe('NOT_FOUND');
  });
});
