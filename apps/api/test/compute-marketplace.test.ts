import { dialects } from '@dg/db/testing';
import { paymentSchema, residentIdCheckCharacter } from '@dg/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestApi, type TestApi } from './harness';

// The compute service platform over real HTTP: ordering rights, the marketplace, an order from 开始 to provisioning
// with sealed access details, and payments turned into the compute voucher's payments[] facts (CV-2, CV-5..CV-8).

const DESIGNATED = '44050178000100001234';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const idNumber = (() => {
  const first17 = '44190019850101123';
  return first17 + residentIdCheckCharacter(first17);
})();

describe.each(dialects)('compute marketplace on %s', (dialect) => {
  let api: TestApi;
  let operator: ReturnType<TestApi['client']>;
  let enterprise: ReturnType<TestApi['client']>;
  let enterpriseToken: string;
  let productId: string;
  beforeAll(async () => {
    api = await startTestApi(dialect, { COMPUTE_SECRETS_KEY: Buffer.alloc(32, 3).toString('base64') });
    operator = api.client({ cookie: await api.staffCookie('compute-op') });
    enterpriseToken = await api.wechatToken('huang');
    enterprise = api.client({ token: enterpriseToken });
  });
  afterAll(async () => {
    await api?.close();
  });

  async function upload(): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'id.png');
    form.append('sensitive', 'true');
    const response = await fetch(`${api.url}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${enterpriseToken}` },
      body: form,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  it('orders need ordering rights: registration review, then identity verification', async () => {
    const product = await operator.compute.products.create.mutate({
      name: '昇腾AI加速型8卡专属实例推理910B4',
      spec: '8 × Ascend 910B4，192 vCPU，1536 GiB',
      billing: 'subscription',
      priceFen: 6_000_000,
      productType: '平台自营',
      resourceType: 'AI加速型',
      providerName: '东莞算力运营有限公司',
      payeeAccountName: '东莞算力运营有限公司',
      payeeBank: '中国工商银行东莞分行',
      payeeAccountNumber: DESIGNATED,
    });
    expect((await enterprise.compute.products.list.query({})).map((p) => p.id)).not.toContain(product.id);
    await operator.compute.products.publish.mutate({ id: product.id });
    productId = product.id;
    const listed = (await enterprise.compute.products.list.query({})).find((p) => p.id === product.id)!;
    expect(listed.payeeAccountNumber).not.toBe(DESIGNATED);

    expect(
      await codeOf(
        enterprise.compute.orders.create.mutate({ productId: product.id, quantity: 1, durationMonths: 6 }),
      ),
    ).toBe('FORBIDDEN');
    const applied = await enterprise.compute.accounts.apply.mutate({
      username: 'nancheng_soft',
      contactName: '黄志强',
      contactMobile: '13800138004',
      companyEmail: 'it@nancheng-software.example.cn',
      address: '东莞市南城街道鸿福路 200 号',
      scenario: '工业软件的大模型助手训练',
      staffSize: '50-299',
      industry: '软件和信息技术服务',
    });
    expect(applied).toMatchObject({ registrationStatus: 'pending', orderingRights: false });
    const nancheng = applied.enterpriseId;
    expect(
      await codeOf(
        operator.compute.accounts.reviewIdentity.mutate({ enterpriseId: nancheng, decision: 'approve' }),
      ),
    ).toBe('CONFLICT');
    await operator.compute.accounts.review.mutate({ enterpriseId: nancheng, decision: 'approve' });
    const submitted = await enterprise.compute.accounts.submitIdentity.mutate({
      holderName: '黄志强',
      idNumber,
      frontFileId: await upload(),
      backFileId: await upload(),
    });
    expect(submitted.idNumberMasked).not.toContain(idNumber.slice(6, 14));
    const sealed = await api.server.deps.db
      .selectFrom('compute_accounts')
      .select('id_number_ciphertext')
      .where('enterprise_id', '=', nancheng)
      .executeTakeFirstOrThrow();
    expect(sealed.id_number_ciphertext).not.toContain(idNumber);
    const verified = await operator.compute.accounts.reviewIdentity.mutate({
      enterpriseId: nancheng,
      decision: 'approve',
    });
    expect(verified.orderingRights).toBe(true);
  });

  it('an order goes 开始 → 审批中 → 结束, is provisioned with access details sealed and shown only to its enterprise', async () => {
    const order = await enterprise.compute.orders.create.mutate({
      productId,
      quantity: 2,
      durationMonths: 6,
      useVoucher: true,
    });
    expect(order).toMatchObject({ state: 'submitted', approvalStage: '开始', amountFen: 6_000_000 * 6 * 2 });
    expect((await operator.compute.orders.startApproval.mutate({ id: order.id })).approvalStage).toBe(
      '审批中',
    );
    expect(
      (await operator.compute.orders.decide.mutate({ id: order.id, decision: 'approve' })).approvalStage,
    ).toBe('结束');
    await operator.compute.orders.signContract.mutate({
      id: order.id,
      contractNo: 'HT-2025-0601',
      signedOn: '2025-05-28',
    });
    const provisioned = await operator.compute.orders.provision.mutate({
      id: order.id,
      serviceStart: '2025-06-01',
      access: { host: '10.20.30.40', port: 22, account: 'nancheng_gpu', password: 'S3cret!pass' },
    });
    expect(provisioned).toMatchObject({
      state: 'provisioned',
      serviceStart: '2025-06-01',
      serviceEnd: '2025-11-30',
    });
    expect(provisioned.access).toEqual({ host: '10.20.*.*', account: 'na****', password: '******' });
    expect((await enterprise.compute.orders.get.query({ id: order.id })).access?.password).toBe('******');
    expect(await enterprise.compute.orders.accessDetails.query({ id: order.id })).toEqual({
      host: '10.20.30.40',
      port: 22,
      account: 'nancheng_gpu',
      password: 'S3cret!pass',
    });
    const row = await api.server.deps.db
      .selectFrom('compute_orders')
      .select('access_ciphertext')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(row.access_ciphertext).toMatch(/^v1:/);
    expect(row.access_ciphertext).not.toContain('S3cret');
    const other = api.client({ token: await api.wechatToken('lin') });
    expect(await codeOf(other.compute.orders.accessDetails.query({ id: order.id }))).toBe('NOT_FOUND');
    expect(await codeOf(operator.compute.orders.accessDetails.query({ id: order.id }))).toBe('FORBIDDEN');
    const audit = await api.server.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', order.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('compute.order.access_read');
  });

  it('bills and payments become the compute voucher’s payments[] facts: designated account and invoice type', async () => {
    const [order] = (await enterprise.compute.orders.list.query({ state: 'provisioned' })).items;
    const first = await operator.compute.metering.issueBill.mutate({
      orderId: order!.id,
      periodStart: '2025-06-01',
      periodEnd: '2025-08-31',
      issuedOn: '2025-06-01',
      amountFen: 36_000_000,
    });
    const second = await operator.compute.metering.issueBill.mutate({
      orderId: order!.id,
      periodStart: '2025-09-01',
      periodEnd: '2025-11-30',
      issuedOn: '2025-09-01',
      amountFen: 36_000_000,
    });
    const payee = { payeeAccountName: '东莞算力运营有限公司', payeeBank: '中国工商银行东莞分行' };
    await operator.compute.metering.recordPayment.mutate({
      billId: first.id,
      paidOn: '2025-06-03',
      amountFen: 36_000_000,
      ...payee,
      payeeAccountNumber: DESIGNATED,
      invoiceType: 'invoice_copy',
      invoiceNo: '25440000000012345678',
    });
    expect(
      await codeOf(
        operator.compute.metering.recordPayment.mutate({
          billId: second.id,
          paidOn: '2025-09-02',
          amountFen: 1,
          ...payee,
          payeeAccountNumber: DESIGNATED,
          invoiceType: 'invoice_copy',
        }),
      ),
    ).toBe('BAD_REQUEST');
    await operator.compute.metering.recordPayment.mutate({
      billId: second.id,
      paidOn: '2025-09-02',
      amountFen: 36_000_000,
      ...payee,
      payeeAccountNumber: '6222020200112233445',
      invoiceType: 'deduction_copy',
    });
    const facts = await enterprise.compute.metering.voucherEvidence.query({});
    expect(paymentSchema.array().parse(facts)).toEqual([
      {
        id: first.billNo,
        viaPlatform: true,
        paidOn: '2025-06-03',
        serviceStart: '2025-06-01',
        serviceEnd: '2025-08-31',
        amountFen: 36_000_000,
        toDesignatedAccount: true,
        invoice: 'invoice_copy',
      },
      {
        id: second.billNo,
        viaPlatform: true,
        paidOn: '2025-09-02',
        serviceStart: '2025-09-01',
        serviceEnd: '2025-11-30',
        amountFen: 36_000_000,
        toDesignatedAccount: false,
        invoice: 'deduction_copy',
      },
    ]);
    // A reviewer sees the same facts for the enterprise; payee accounts are masked for them.
    const reviewer = api.client({ cookie: await api.staffCookie('city1') });
    expect(
      await reviewer.compute.metering.voucherEvidence.query({ enterpriseId: order!.enterpriseId }),
    ).toEqual(facts);
    const payments = await reviewer.compute.metering.payments.query({ enterpriseId: order!.enterpriseId });
    expect(payments.every((p) => !p.payeeAccountNumber.includes('0001234'))).toBe(true);
  });
});
