import { maskResidentId, residentIdCheckCharacter } from '@dg/policy';
import { readEnv } from '../env';
import type { ComputeContext } from '../services/compute/context';
import { issueBill, recordPayment, recordUsage } from '../services/compute/metering';
import {
  createOrder,
  decideOrder,
  getOrder,
  provisionOrder,
  transitionOrder,
} from '../services/compute/orders';
import { createProduct, updateProduct } from '../services/compute/products';
import { type SecretBox, secretBoxFor } from '../services/compute/secret-box';
import type { SeedContext, SeedStep } from './context';

// The compute service platform's demo: products on the marketplace, enterprises with and without ordering rights,
// and orders driven through the real services to provisioning, with usage, bills and payments inside the compute
// voucher's accounting window — one paid to a non-designated account (CV-6) and one with a 抵扣联 (CV-7) — so the
// voucher demo has platform evidence to pre-fill from (`computeVoucherPayments`).

const DESIGNATED = {
  payeeAccountName: '东莞市算力运营有限公司',
  payeeBank: '中国工商银行东莞松山湖支行',
  payeeAccountNumber: '2010029119200123456',
};

const demoIdNumber = (first17: string) => first17 + residentIdCheckCharacter(first17);

export const seedCompute: SeedStep = {
  name: 'compute marketplace',
  async run({ trx, refs, log }: SeedContext) {
    const operatorId = refs.users.get('compute-op');
    if (!operatorId) return;
    let clock = new Date('2024-05-20T02:00:00Z');
    // The key the API itself uses (COMPUTE_SECRETS_KEY, or the development key file), so seeded access details open.
    let sealer: SecretBox | undefined;
    const box = () => {
      sealer ??= secretBoxFor(readEnv(), log);
      return sealer;
    };
    const as = (userId: string, role: string): ComputeContext => ({
      db: trx,
      box,
      now: () => clock,
      origin: { actor: { userId, role }, requestId: 'seed' },
      userId,
    });
    const op = as(operatorId, 'compute_operator');

    const ascend = await createProduct(op, {
      name: '昇腾AI加速型8卡专属实例推理910B4',
      spec: '8 × Ascend 910B4 / 192 vCPU / 1536 GiB / 2 × 3.84 TB NVMe',
      billing: 'subscription',
      priceFen: 6_000_000,
      productType: '平台自营',
      resourceType: 'AI加速型',
      providerName: '东莞市算力运营有限公司',
      ...DESIGNATED,
    });
    const a800 = await createProduct(op, {
      name: 'A800 80G 单卡按量实例',
      spec: '1 × A800 80G / 16 vCPU / 128 GiB',
      billing: 'metered',
      priceFen: 2_500,
      productType: '第三方',
      resourceType: 'GPU计算型',
      providerName: '东莞云智算科技有限公司',
      payeeAccountName: '东莞云智算科技有限公司',
      payeeBank: '中国建设银行东莞分行',
      payeeAccountNumber: '44050177000800012345',
    });
    // Left unpublished: the operator's draft.
    await createProduct(op, {
      name: '通用计算型 32核128G',
      spec: '32 vCPU / 128 GiB / 1 TB SSD',
      billing: 'subscription',
      priceFen: 350_000,
      productType: '平台自营',
      resourceType: '通用型',
      providerName: '东莞市算力运营有限公司',
      ...DESIGNATED,
    });
    for (const product of [ascend, a800]) await updateProduct(op, { id: product.id, published: true });

    // Ordering rights: two enterprises verified, one awaiting identity review, one awaiting registration review.
    const accounts: [string, 'approved' | 'pending', 'verified' | 'pending' | 'none', string][] = [
      ['songshanhu-robotics', 'approved', 'verified', '44190019800315201'],
      ['changan-molds', 'approved', 'verified', '44190019781120302'],
      ['humen-apparel', 'approved', 'pending', '44190019850606403'],
      ['dalang-textile', 'pending', 'none', ''],
    ];
    for (const [key, registration, identity, id17] of accounts) {
      const enterpriseId = refs.enterprises.get(key);
      if (!enterpriseId) continue;
      const idNumber = id17 ? demoIdNumber(id17) : null;
      await trx
        .insertInto('compute_accounts')
        .values({
          enterprise_id: enterpriseId,
          username: key.replace('-', '_'),
          contact_name: '信息部 联系人',
          contact_mobile: '13800138000',
          company_email: `it@${key}.example.cn`,
          address: '东莞市',
          scenario: '工业质检与排产模型的训练与推理',
          staff_size: '300-999',
          industry: '制造业',
          registration_status: registration,
          identity_status: identity,
          id_holder_name: idNumber ? '法定代表人' : null,
          id_number_ciphertext: idNumber ? box().seal(idNumber) : null,
          id_number_masked: idNumber ? maskResidentId(idNumber) : null,
          reviewed_by: registration === 'approved' ? operatorId : null,
        })
        .execute();
    }

    const owners = { 'songshanhu-robotics': 'zhang', 'changan-molds': 'chen' } as const;
    const buyer = (key: keyof typeof owners) => ({
      enterpriseId: refs.enterprises.get(key) as string,
      ctx: as(refs.users.get(owners[key]) as string, 'enterprise_staff'),
    });

    /** Drives an order from 开始 to provisioned on the demo clock. */
    const provisioned = async (
      key: keyof typeof owners,
      productId: string,
      quantity: number,
      months: number | undefined,
      start: string,
    ) => {
      const { enterpriseId, ctx } = buyer(key);
      clock = new Date(new Date(`${start}T01:00:00Z`).getTime() - 7 * 86_400_000);
      const order = await createOrder(ctx, enterpriseId, {
        productId,
        quantity,
        ...(months && { durationMonths: months }),
        useVoucher: true,
      });
      await transitionOrder(op, 'all', order.id, 'startApproval');
      await decideOrder(op, order.id, true, '资料齐全，同意开通');
      await transitionOrder(op, 'all', order.id, 'signContract', {
        contract_no: `HT-${start.replaceAll('-', '')}-${order.order_no.slice(-4)}`,
        contract_signed_on: start,
      });
      clock = new Date(`${start}T01:00:00Z`);
      return provisionOrder(op, await getOrder(trx, 'all', order.id), start, {
        host: `10.86.${quantity}.${months ?? 99}`,
        port: 22,
        account: `${key.split('-')[0]}_ops`,
        password: `Dg!${order.order_no.slice(-6)}`,
      });
    };
    const pay = async (
      orderId: string,
      period: [string, string],
      paidOn: string,
      amountFen: number,
      extra: Partial<Parameters<typeof recordPayment>[1]> = {},
    ) => {
      clock = new Date(`${period[0]}T01:00:00Z`);
      const bill = await issueBill(op, {
        orderId,
        periodStart: period[0],
        periodEnd: period[1],
        issuedOn: period[0],
        amountFen,
      });
      clock = new Date(`${paidOn}T03:00:00Z`);
      await recordPayment(op, {
        billId: bill.id,
        paidOn,
        amountFen,
        ...DESIGNATED,
        invoiceType: 'invoice_copy',
        ...extra,
      });
    };

    // 松湖智能装备: six months of 910B4 (two quarterly bills) and metered A800 hours in 2025.
    const ssh = await provisioned('songshanhu-robotics', ascend.id, 1, 6, '2024-06-01');
    await pay(ssh.id, ['2024-06-01', '2024-08-31'], '2024-06-05', 18_000_000, {
      invoiceNo: '24442000000011110001',
    });
    await pay(ssh.id, ['2024-09-01', '2024-11-30'], '2024-09-03', 18_000_000, {
      invoiceNo: '24442000000011110002',
    });
    const sshMetered = await provisioned('songshanhu-robotics', a800.id, 2, undefined, '2025-03-01');
    const a800Payee = {
      payeeAccountName: '东莞云智算科技有限公司',
      payeeBank: '中国建设银行东莞分行',
      payeeAccountNumber: '44050177000800012345',
    };
    for (const [month, hours, paidOn, extra] of [
      ['2025-03', '1440', '2025-04-03', { ...a800Payee }],
      ['2025-04', '1200', '2025-05-06', { ...a800Payee, invoiceType: 'deduction_copy' as const }],
      ['2025-05', '1300', '2025-06-04', { ...a800Payee, payeeAccountNumber: '6222021001122334455' }],
    ] as const) {
      const end = month === '2025-04' ? `${month}-30` : `${month}-31`;
      const amount = Number(hours) * 2_500;
      clock = new Date(`${end}T12:00:00Z`);
      await recordUsage(op, {
        orderId: sshMetered.id,
        periodStart: `${month}-01`,
        periodEnd: end,
        quantity: hours,
        unit: '卡时',
        amountFen: amount,
      });
      await pay(sshMetered.id, [`${month}-01`, end], paidOn, amount, extra);
    }

    // 长安精密模具: a quarter of 910B4 in 2025, paid up front.
    const ca = await provisioned('changan-molds', ascend.id, 1, 3, '2025-07-01');
    await pay(ca.id, ['2025-07-01', '2025-09-30'], '2025-07-02', 18_000_000, {
      invoiceNo: '25442000000022220001',
    });

    // Orders still in the approval flow: 开始 and 审批中, and one signed but not yet provisioned.
    const pending = buyer('changan-molds');
    clock = new Date('2025-10-20T02:00:00Z');
    await createOrder(pending.ctx, pending.enterpriseId, {
      productId: a800.id,
      quantity: 4,
      useVoucher: false,
    });
    const songshanhu = buyer('songshanhu-robotics');
    const inReview = await createOrder(songshanhu.ctx, songshanhu.enterpriseId, {
      productId: ascend.id,
      quantity: 2,
      durationMonths: 12,
      useVoucher: true,
    });
    await transitionOrder(op, 'all', inReview.id, 'startApproval');
    // Approved and signed, waiting for the operator to provision it (the console's provisioning demo).
    const ready = await createOrder(pending.ctx, pending.enterpriseId, {
      productId: ascend.id,
      quantity: 1,
      durationMonths: 12,
      useVoucher: true,
    });
    await transitionOrder(op, 'all', ready.id, 'startApproval');
    await decideOrder(op, ready.id, true, '同意');
    await transitionOrder(op, 'all', ready.id, 'signContract', {
      contract_no: 'HT-20251025-0001',
      contract_signed_on: '2025-10-25',
    });
  },
};
