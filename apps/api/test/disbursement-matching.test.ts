import { dialects } from '@dg/db/testing';
import type { ProgramId } from '@dg/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEnterprises } from '../src/seed/enterprises';
import { codeOf } from './harness';
import { type ClockedApi, type Client, publishedNotice, startClockedApi } from './after-review-fixtures';

// The compute voucher and the edge subsidy of one enterprise through notice, funding plans and ONE payment; 不重复享受
// shown to the reviewer; and 免申即享 matching from the platform's own records, whose ceiling follows the managing
// unit's lowered rate (CV-11).

const at = (day: string) => `${day}T10:00:00+08:00`;
const SONGSHANHU = 'songshanhu-robotics';

describe.each(dialects)('disbursement, duplicates and matching on %s', (dialect) => {
  let api: ClockedApi;
  let city: Client;
  let approver: Client;
  let admin: Client;
  let finance1: Client;
  let finance2: Client;
  let zhang: Client;

  beforeAll(async () => {
    api = await startClockedApi(dialect, at('2025-09-26'));
    city = await api.staff('city1');
    approver = await api.staff('approver1');
    admin = await api.staff('admin');
    finance1 = await api.staff('finance1');
    finance2 = await api.staff('finance2');
    zhang = await api.wechat('zhang');
  }, 240_000); // the demo seed on PGlite, on a shared machine
  afterAll(async () => {
    await api?.close();
  });

  async function editionOf(program: ProgramId, code: string) {
    return api.db
      .selectFrom('editions')
      .select(['id', 'version'])
      .where('program_id', '=', program)
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
  }

  /** Notice (GEN-7), opinions where the program asks for them, a funding plan approved on an ample budget. */
  async function approved(program: ProgramId, code: string, ceilingFen: number) {
    api.setNow(at('2025-09-26'));
    const id = await api.applicationInNotice(program, SONGSHANHU, ceilingFen);
    const published = await publishedNotice(city, program, [id], '2025-09-29');
    api.setNow(at('2025-10-13'));
    await city.notices.close.mutate({ id: published.id, version: published.version });
    if (program !== 'compute-voucher') {
      await city.opinions.record.mutate({
        applicationId: id,
        kind: 'department',
        unitName: '市工信局',
        agrees: true,
        content: '同意',
      });
      await city.opinions.record.mutate({
        applicationId: id,
        kind: 'town',
        unitName: '松山湖管委会',
        agrees: true,
        content: '同意',
      });
      await city.opinions.conclude.mutate({
        applicationId: id,
        version: (await api.application(id)).version,
      });
    }
    const edition = await editionOf(program, code);
    const budget = await admin.budgets.get.query({ id: edition.id });
    if (budget.budgetFen === null)
      await admin.budgets.update.mutate({
        editionId: edition.id,
        version: budget.version,
        budgetFen: 10_000_000_000,
      });
    const plan = await city.fundingPlans.create.mutate({
      editionId: edition.id,
      title: '资助计划',
      applicationIds: [id],
    });
    const submitted = await city.fundingPlans.submit.mutate({ id: plan.id, version: plan.version });
    await approver.fundingPlans.approve.mutate({
      id: plan.id,
      version: submitted.version,
      decisionReference: '东府〔2025〕7号',
    });
    expect((await api.application(id)).state).toBe('disbursement');
    return id;
  }

  it('pays the compute voucher and the edge subsidy of one enterprise in one payment', async () => {
    const voucher = await approved('compute-voucher', '2025-1', 3_000_000);
    const edge = await approved('edge-node-deployment', '2025', 15_000_000);
    const payment = await finance1.payments.prepareDisbursement.mutate({ applicationIds: [voucher, edge] });
    expect(payment.amountFen).toBe(18_000_000);
    expect(payment.lines.map((l) => [l.programId, l.amountFen]).sort()).toEqual([
      ['compute-voucher', 3_000_000],
      ['edge-node-deployment', 15_000_000],
    ]);
    expect(payment.payee.accountNumber).toMatch(/\*/); // masked when shown
    expect(await codeOf(finance1.payments.prepareDisbursement.mutate({ applicationIds: [voucher] }))).toBe(
      'CONFLICT',
    );
    const checked = await finance2.payments.fire.mutate({
      id: payment.id,
      version: payment.version,
      event: 'check',
    });
    const paid = await finance2.payments.fire.mutate({
      id: checked.id,
      version: checked.version,
      event: 'mark_paid',
      bankReference: 'ICBC-77',
    });
    expect(paid.history.map((h) => h.event)).toEqual(['prepare', 'check', 'mark_paid']);
    expect((await api.application(voucher)).state).toBe('completed');
    expect((await api.application(edge)).state).toBe('completed');
    // The next role's queue was told: finance saw the disbursements waiting.
    const queue = await finance1.notifications.list.query({ unreadOnly: false });
    expect(queue.some((n) => n.queue && n.applicationId === voucher && n.title.startsWith('待办'))).toBe(
      true,
    );
  });

  it('shows the reviewer a second application that claims the same rental payments (CV-10)', async () => {
    api.setNow(at('2025-09-26'));
    const first = await api.applicationInNotice('compute-voucher', SONGSHANHU, 3_000_000);
    const second = await api.applicationInNotice('compute-voucher', SONGSHANHU, 3_000_000);
    const found = await city.duplicates.forApplication.query({ id: second });
    const against = found.find((d) => d.otherApplicationId === first);
    expect(against?.finding).toMatchObject({ rule: 'CV-10', severity: 'warning' });
    expect(await codeOf(zhang.duplicates.forApplication.query({ id: second }))).toBe('FORBIDDEN');
  });

  it('matches the enterprise to the programs it can apply to now, from the platform records; the ceiling follows CV-11', async () => {
    api.setNow(at('2025-10-20'));
    // 南城数智软件: a software enterprise (CV-1) with no platform records in the demo seed.
    const demo = demoEnterprises.find((e) => e.key === 'nancheng-software')!;
    const huang = await api.wechat('huang');
    const enterprise = await api.db
      .selectFrom('enterprises')
      .select('id')
      .where('name', '=', demo.name)
      .executeTakeFirstOrThrow();
    const voucherOf = async () =>
      (await huang.matching.forMyEnterprise.query()).find((m) => m.programId === 'compute-voucher')!;
    // Nothing paid on the platform yet: below the CV-4 threshold, nothing to apply for.
    const empty = await voucherOf();
    expect(empty).toMatchObject({ canApplyNow: false, estimatedCeilingFen: 0 });
    expect(empty.reasons.join('')).toContain('CV-4');
    const product = await api.db
      .insertInto('compute_products')
      .values({
        name: '昇腾AI加速型8卡专属实例推理910B4',
        spec: '8卡',
        billing: 'subscription',
        price_fen: 10_000_000,
        price_unit: 'month',
        product_type: '平台自营',
        resource_type: 'NPU',
        provider_name: '东莞算力运营公司',
        payee_account_name: '东莞算力运营公司',
        payee_bank: '中国银行东莞分行',
        payee_account_number: '6217000000000001',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const order = await api.db
      .insertInto('compute_orders')
      .values({
        order_no: 'ORD-MATCH-1',
        enterprise_id: enterprise.id,
        product_id: product.id,
        ordered_by: (
          await api.db
            .selectFrom('users')
            .select('id')
            .where('wechat_openid', '=', 'dev:huang')
            .executeTakeFirstOrThrow()
        ).id,
        spec: '8卡',
        billing: 'subscription',
        unit_price_fen: 10_000_000,
        price_unit: 'month',
        quantity: 1,
        use_voucher: true,
        state: 'completed',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    // Two months of service, ¥100,000.00 each, paid to the product's account with the invoice copy.
    for (const [n, start, end] of [
      [1, '2025-03-01', '2025-03-31'],
      [2, '2025-04-01', '2025-04-30'],
    ] as const) {
      const bill = await api.db
        .insertInto('compute_bills')
        .values({
          bill_no: `BILL-${n}`,
          order_id: order.id,
          enterprise_id: enterprise.id,
          period_start: start,
          period_end: end,
          amount_fen: 10_000_000,
          issued_on: end,
          status: 'paid',
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await api.db
        .insertInto('compute_payments')
        .values({
          bill_id: bill.id,
          enterprise_id: enterprise.id,
          paid_on: end,
          amount_fen: 10_000_000,
          payee_account_name: '东莞算力运营公司',
          payee_bank: '中国银行东莞分行',
          payee_account_number: '6217000000000001',
          invoice_type: 'invoice_copy',
        } as never)
        .execute();
    }
    const before = await voucherOf();
    expect(before.canApplyNow).toBe(true);
    expect(before.estimatedCeilingFen).toBe(10_000_000); // 50% of ¥200,000.00

    const edition = await editionOf('compute-voucher', '2025-1');
    const current = await admin.budgets.get.query({ id: edition.id });
    const lower = {
      parameter: 'cv.rate',
      edition: '2025-1',
      from: '2025-10-01',
      reference: '东工信〔2025〕12号',
    };
    expect(
      await codeOf(
        admin.budgets.update.mutate({
          editionId: edition.id,
          version: current.version,
          parameterOverrides: [{ ...lower, value: 6000 }],
        }),
      ),
    ).toBe('BAD_REQUEST'); // CV-11 only lowers
    await admin.budgets.update.mutate({
      editionId: edition.id,
      version: current.version,
      parameterOverrides: [{ ...lower, value: 3000 }],
    });
    expect((await voucherOf()).estimatedCeilingFen).toBe(6_000_000);

    // After the CV-12 deadline the voucher cannot be applied for any more.
    api.setNow(at('2025-11-16'));
    const closed = await voucherOf();
    expect(closed.canApplyNow).toBe(false);
    expect(closed.reasons.join('')).toContain('CV-12');
  });
});
