import { dialects } from '@dg/db/testing';
import { yearsWithHolidayData } from '@dg/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from './harness';
import {
  type ClockedApi,
  type Client,
  draftNotice,
  publishedNotice,
  startClockedApi,
} from './after-review-fixtures';

// An R&D project from the public notice to phase 2, over real HTTP with the typed client: the GEN-7 notice that
// spans National Day 2025 (holidays 10-01..10-08, make-up working day Saturday 10-11), opinions, the funding plan
// drawing on the budget (CV-11), the 任务书 (RD-5), phase 1 through the payment workflow (four eyes), RD-6 changes,
// the RD-5 extension, acceptance (RD-7) and phase 2 recomputed on the actual investment (RD-4). Then a forced
// termination with reclaim and GEN-6 record, a relocation (RD-10), and an upheld objection.

const shanghai = (day: string, time = '10:00') => `${day}T${time}:00+08:00`;
const indicators = [
  { key: 'accuracy', name: '工艺问答准确率', target: '≥ 90%' },
  { key: 'lines', name: '应用产线数', target: '≥ 3 条' },
];

describe.each(dialects)('R&D project after review on %s', (dialect) => {
  let api: ClockedApi;
  let city: Client;
  let approver: Client;
  let finance1: Client;
  let finance2: Client;
  let expert: Client;
  let admin: Client;
  let owner: Client;
  let editionId: string;

  beforeAll(async () => {
    api = await startClockedApi(dialect, shanghai('2025-09-26'));
    city = await api.staff('city2');
    approver = await api.staff('approver1');
    finance1 = await api.staff('finance1');
    finance2 = await api.staff('finance2');
    expert = await api.staff('expert2');
    admin = await api.staff('admin');
    owner = await api.wechat('chen');
    editionId = (
      await api.db
        .selectFrom('editions')
        .select('id')
        .where('program_id', '=', 'vertical-model-rd')
        .where('code', '=', '2025')
        .executeTakeFirstOrThrow()
    ).id;
    const edition = await admin.budgets.get.query({ id: editionId });
    // Room for every project this file approves, on top of what the demo seed's plan drew.
    await admin.budgets.update.mutate({
      editionId,
      version: edition.version,
      budgetFen: edition.grantedFen + 1_000_000_000,
    });
  }, 240_000); // the demo seed on PGlite, on a shared machine
  afterAll(async () => {
    await api?.close();
  });

  /** Notice → opinions → funding plan → contract signed, for one project of 长安精密模具 (owner: chen). */
  async function signedProject(noticeStart: string, contractNumber: string) {
    api.setNow(shanghai('2025-09-26'));
    const id = await api.rdApplicationInNotice('changan-molds');
    const published = await publishedNotice(
      city,
      'vertical-model-rd',
      [id],
      noticeStart,
      '2025年垂直领域模型研发项目拟立项公示',
    );
    api.setNow(shanghai('2025-10-13'));
    await city.notices.close.mutate({ id: published.id, version: published.version });
    for (const [kind, unitName] of [
      ['department', '市工业和信息化局'],
      ['town', '长安镇人民政府'],
    ] as const)
      await city.opinions.record.mutate({
        applicationId: id,
        kind,
        unitName,
        agrees: true,
        content: '无意见',
      });
    await city.opinions.conclude.mutate({ applicationId: id, version: (await api.application(id)).version });
    api.setNow(shanghai('2025-10-20'));
    const plan = await city.fundingPlans.create.mutate({
      editionId,
      title: '2025年资助计划',
      applicationIds: [id],
    });
    const submitted = await city.fundingPlans.submit.mutate({ id: plan.id, version: plan.version });
    await approver.fundingPlans.approve.mutate({
      id: plan.id,
      version: submitted.version,
      decisionReference: '东府办〔2025〕1号',
    });
    api.setNow(shanghai('2025-10-25'));
    const contract = await city.contracts.sign.mutate({
      applicationId: id,
      version: (await api.application(id)).version,
      contractNumber,
      terms: '按任务书约定开展研发，按期完成考核指标。',
      indicators,
      signedOn: '2025-10-25',
      startOn: '2025-10-01',
      endOn: '2027-09-30',
    });
    return { id, contract };
  }

  async function pay(prepared: { id: string; version: number }, bankReference: string) {
    const checked = await finance2.payments.fire.mutate({
      id: prepared.id,
      version: prepared.version,
      event: 'check',
    });
    return finance2.payments.fire.mutate({
      id: checked.id,
      version: checked.version,
      event: 'mark_paid',
      bankReference,
    });
  }

  it('publishes a notice over National Day 2025 to the 5th working day, 2025-10-11 (a make-up Saturday)', async () => {
    const id = await api.rdApplicationInNotice('changan-molds');
    const published = await publishedNotice(city, 'vertical-model-rd', [id], '2025-09-29', '国庆公示');
    expect(published.ends_on).toBe('2025-10-11');
    api.setNow(shanghai('2025-10-11', '18:00'));
    expect(await codeOf(city.notices.close.mutate({ id: published.id, version: published.version }))).toBe(
      'BAD_REQUEST',
    );
    const shown = await city.notices.get.query({ id: published.id });
    expect(shown.items.map((i) => i.applicationId)).toEqual([id]);
  });

  it('refuses with PRECONDITION_FAILED, and keeps the batch a draft, a notice whose 5th working day lies in a year without holiday data', async () => {
    const id = await api.rdApplicationInNotice('changan-molds');
    const batch = await draftNotice(city, 'vertical-model-rd', [id], '年末公示');
    const lastYear = Math.max(...yearsWithHolidayData);
    const refused = city.notices.publish.mutate({
      id: batch.id,
      version: batch.version,
      startsOn: `${lastYear}-12-28`,
    });
    await expect(refused).rejects.toThrow(`系统尚缺 ${lastYear + 1} 年的法定节假日安排`);
    expect(await codeOf(refused)).toBe('PRECONDITION_FAILED');
    const shown = await city.notices.get.query({ id: batch.id });
    expect([shown.state, shown.version, shown.endsOn]).toEqual(['draft', batch.version, null]);
  });

  it('takes an R&D project from its notice through phase 1, changes, extension and acceptance to phase 2', async () => {
    const { id, contract } = await signedProject('2025-09-29', 'DG-RD-2025-001');
    expect(contract.approvedGrantFen).toBe(100_000_000);
    expect(contract.phase1Fen).toBe(30_000_000); // RD-4: 30% of the grant
    expect((await api.application(id)).state).toBe('phase1_payment');
    const budget = await city.budgets.get.query({ id: editionId });
    expect(budget.allocations.find((a) => a.applicationId === id)?.grantedFen).toBe(100_000_000);

    const phase1 = await finance1.payments.prepareRd.mutate({ applicationId: id });
    expect(phase1.amountFen).toBe(30_000_000);
    // Four eyes: the preparer cannot check their own payment.
    expect(
      await codeOf(finance1.payments.fire.mutate({ id: phase1.id, version: phase1.version, event: 'check' })),
    ).toBe('BAD_REQUEST');
    const checked = await finance2.payments.fire.mutate({
      id: phase1.id,
      version: phase1.version,
      event: 'check',
    });
    const failed = await finance2.payments.fire.mutate({
      id: checked.id,
      version: checked.version,
      event: 'mark_failed',
      reason: '账户冻结',
    });
    const retried = await finance1.payments.fire.mutate({
      id: failed.id,
      version: failed.version,
      event: 'retry',
      payee: {
        accountName: '东莞长安精密模具有限公司',
        bank: '中国银行东莞长安支行',
        accountNumber: '6217000010001234567',
      },
    });
    expect(retried.state).toBe('prepared');
    const paid = await pay(retried, 'BOC-0001');
    expect(paid.state).toBe('paid');
    expect((await api.application(id)).state).toBe('implementation');

    // RD-6 minor change: filed within 1 month of the change; a change 2 months old is late.
    api.setNow(shanghai('2026-03-10'));
    expect(
      await codeOf(
        owner.contracts.fileChange.mutate({
          applicationId: id,
          kind: 'minor',
          subject: '联系人',
          description: '更换项目联系人',
          changedOn: '2026-01-05',
        }),
      ),
    ).toBe('BAD_REQUEST');
    await owner.contracts.fileChange.mutate({
      applicationId: id,
      kind: 'minor',
      subject: '联系人',
      description: '更换项目联系人',
      changedOn: '2026-03-01',
    });
    // RD-6 major change, approved.
    const major = await owner.contracts.fileChange.mutate({
      applicationId: id,
      kind: 'major',
      subject: '项目负责人',
      description: '项目负责人变更为王工',
    });
    await approver.contracts.decideChange.mutate({ changeId: major.id, approve: true, note: '同意' });
    // RD-5: one extension of at most 1 year — 2028-09-30 is the latest.
    expect(
      await codeOf(
        owner.contracts.requestExtension.mutate({
          applicationId: id,
          requestedEnd: '2028-10-01',
          description: '延期',
        }),
      ),
    ).toBe('BAD_REQUEST');
    const extension = await owner.contracts.requestExtension.mutate({
      applicationId: id,
      requestedEnd: '2028-03-31',
      description: '设备到货延迟',
    });
    await approver.contracts.decideChange.mutate({ changeId: extension.id, approve: true, note: '同意延期' });
    expect((await city.contracts.get.query({ id })).endOn).toBe('2028-03-31');
    expect(
      await codeOf(
        owner.contracts.requestExtension.mutate({
          applicationId: id,
          requestedEnd: '2028-06-30',
          description: '再次延期',
        }),
      ),
    ).toBe('BAD_REQUEST');
    // RD-6: a major change later than 3 months before the end (2027-12-31) is refused.
    api.setNow(shanghai('2028-01-02'));
    expect(
      await codeOf(
        owner.contracts.fileChange.mutate({
          applicationId: id,
          kind: 'major',
          subject: '考核指标',
          description: '调整指标',
        }),
      ),
    ).toBe('BAD_REQUEST');

    // Acceptance on the actual investment of ¥1,500,000.00: 50% → ¥750,000.00, minus phase 1 → phase 2 ¥450,000.00.
    api.setNow(shanghai('2028-03-20'));
    await owner.contracts.applyAcceptance.mutate({ applicationId: id, actualInvestmentFen: 150_000_000 });
    const verdict = await expert.contracts.decideAcceptance.mutate({
      applicationId: id,
      scores: indicators.map((i) => ({ key: i.key, achieved: true, note: '已完成' })),
    });
    expect(verdict.passed).toBe(true);
    expect(verdict.settlement).toMatchObject({
      finalGrantFen: 75_000_000,
      phase2Fen: 45_000_000,
      reclaimFen: 0,
    });
    const phase2 = await finance1.payments.prepareRd.mutate({ applicationId: id });
    expect(phase2).toMatchObject({ kind: 'rd_phase2', amountFen: 45_000_000 });
    await pay(phase2, 'BOC-0002');
    expect((await api.application(id)).state).toBe('closed');

    // Every state change reached the enterprise's inbox.
    const inbox = await owner.notifications.list.query({ unreadOnly: false });
    expect(inbox.filter((n) => n.applicationId === id).map((n) => n.title)).toEqual(
      // 社会公示 came from the review's own transition (shortlist), the others from after-review ones.
      expect.arrayContaining([
        expect.stringContaining('社会公示'),
        expect.stringContaining('项目实施'),
        expect.stringContaining('结题'),
      ]),
    );
    expect(api.messenger.sent.some((m) => m.stateLabel === '结题')).toBe(true);
  });

  it('reclaims the difference when the grant recomputed on the actual investment is below phase 1 (RD-4)', async () => {
    const { id } = await signedProject('2025-09-29', 'DG-RD-2025-004');
    await pay(await finance1.payments.prepareRd.mutate({ applicationId: id }), 'BOC-0005');
    api.setNow(shanghai('2027-09-01'));
    // ¥400,000.00 actually invested: 50% → ¥200,000.00, below the ¥300,000.00 of phase 1 → ¥100,000.00 back.
    await owner.contracts.applyAcceptance.mutate({ applicationId: id, actualInvestmentFen: 40_000_000 });
    const verdict = await expert.contracts.decideAcceptance.mutate({
      applicationId: id,
      scores: indicators.map((i) => ({ key: i.key, achieved: true, note: '' })),
    });
    expect(verdict.settlement).toMatchObject({
      finalGrantFen: 20_000_000,
      phase2Fen: 0,
      reclaimFen: 10_000_000,
    });
    const reclaim = await finance1.payments.prepareRd.mutate({ applicationId: id });
    expect(reclaim).toMatchObject({ kind: 'reclaim', amountFen: 10_000_000 });
    await pay(reclaim, 'BOC-IN-0001');
    expect((await api.application(id)).state).toBe('closed');
    expect((await city.contracts.get.query({ id })).receivedFen).toBe(20_000_000);
  });

  it('fails acceptance when an indicator is not met, and scores every indicator (RD-7)', async () => {
    const { id } = await signedProject('2025-09-29', 'DG-RD-2025-005');
    await pay(await finance1.payments.prepareRd.mutate({ applicationId: id }), 'BOC-0006');
    api.setNow(shanghai('2027-09-01'));
    await owner.contracts.applyAcceptance.mutate({ applicationId: id, actualInvestmentFen: 150_000_000 });
    expect(
      await codeOf(
        expert.contracts.decideAcceptance.mutate({
          applicationId: id,
          scores: [{ key: 'accuracy', achieved: true, note: '' }],
        }),
      ),
    ).toBe('BAD_REQUEST');
    const verdict = await expert.contracts.decideAcceptance.mutate({
      applicationId: id,
      scores: [
        { key: 'accuracy', achieved: true, note: '' },
        { key: 'lines', achieved: false, note: '仅应用 1 条产线' },
      ],
    });
    expect(verdict).toEqual({ passed: false, settlement: null });
    expect((await api.application(id)).state).toBe('acceptance_failed');
  });

  it('voluntary termination stops the unpaid phase and keeps what was paid (RD-8)', async () => {
    const { id } = await signedProject('2025-09-29', 'DG-RD-2025-006');
    await pay(await finance1.payments.prepareRd.mutate({ applicationId: id }), 'BOC-0007');
    api.setNow(shanghai('2026-08-01'));
    await owner.contracts.requestTermination.mutate({ applicationId: id, note: '市场变化，申请终止' });
    const closure = await approver.contracts.confirmTermination.mutate({
      applicationId: id,
      note: '经专家论证同意终止',
    });
    expect(closure).toMatchObject({ reclaimFen: 0, dishonestyRecord: false });
    expect((await api.application(id)).state).toBe('terminated_voluntary');
    expect(await finance1.payments.prepareRd.mutate({ applicationId: id }).catch((e) => e.data?.code)).toBe(
      'BAD_REQUEST',
    );
  });

  it('forced termination stops funds, reclaims what was paid and records the unit (RD-8, GEN-6)', async () => {
    const { id } = await signedProject('2025-09-29', 'DG-RD-2025-002');
    const phase1 = await finance1.payments.prepareRd.mutate({ applicationId: id });
    await pay(phase1, 'BOC-0003');
    api.setNow(shanghai('2026-05-06'));
    const closure = await approver.contracts.terminateForced.mutate({
      applicationId: id,
      reason: '伪造研发投入凭证',
    });
    expect(closure).toMatchObject({ reclaimFen: 30_000_000, dishonestyRecord: true });
    expect((await api.application(id)).state).toBe('terminated_forced');
    const reclaims = await finance1.payments.list.query({ applicationId: id });
    expect(reclaims.find((p) => p.kind === 'reclaim')).toMatchObject({
      state: 'prepared',
      amountFen: 30_000_000,
    });
    const record = await api.db
      .selectFrom('dishonesty_records')
      .selectAll()
      .where('application_id', '=', id)
      .execute();
    expect(record).toHaveLength(1);
    expect(record[0]!.rule).toBe('GEN-6');
  });

  it('relocation out of Dongguan refunds everything received (RD-10) and stops the unpaid phase', async () => {
    const { id } = await signedProject('2025-09-29', 'DG-RD-2025-003');
    const phase1 = await finance1.payments.prepareRd.mutate({ applicationId: id });
    const paid = await pay(phase1, 'BOC-0004');
    expect(paid.state).toBe('paid');
    api.setNow(shanghai('2026-06-01'));
    // Another enterprise's staff cannot act on this project, nor learn that it exists.
    const stranger = await api.wechat('li');
    expect(
      await codeOf(stranger.contracts.reportRelocation.mutate({ applicationId: id, newAddress: '深圳市' })),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        stranger.contracts.fileChange.mutate({
          applicationId: id,
          kind: 'minor',
          subject: '联系人',
          description: '—',
          changedOn: '2026-05-20',
        }),
      ),
    ).toBe('NOT_FOUND');
    const closure = await owner.contracts.reportRelocation.mutate({
      applicationId: id,
      newAddress: '深圳市南山区',
    });
    expect(closure).toMatchObject({ rule: 'RD-10', reclaimFen: 30_000_000, dishonestyRecord: false });
    expect((await api.application(id)).state).toBe('relocated');
  });

  it('an upheld objection takes the application off the notice and back to review', async () => {
    api.setNow(shanghai('2025-09-26'));
    const id = await api.rdApplicationInNotice('changan-molds');
    const published = await publishedNotice(city, 'vertical-model-rd', [id], '2025-09-29');
    expect(
      await codeOf(
        city.notices.recordObjection.mutate({
          batchId: published.id,
          applicationId: id,
          objector: '匿名',
          content: '过期',
          receivedOn: '2025-10-12',
        }),
      ),
    ).toBe('BAD_REQUEST');
    const objection = await city.notices.recordObjection.mutate({
      batchId: published.id,
      applicationId: id,
      objector: '某企业',
      content: '项目成果与另一已资助项目重复',
      receivedOn: '2025-09-30',
    });
    api.setNow(shanghai('2025-10-13'));
    expect(await codeOf(city.notices.close.mutate({ id: published.id, version: published.version }))).toBe(
      'CONFLICT',
    );
    expect(
      await codeOf(
        city.notices.resolveObjection.mutate({
          id: objection.id,
          version: objection.version,
          upheld: true,
          resolution: '异议成立',
        }),
      ),
    ).toBe('FORBIDDEN');
    await approver.notices.resolveObjection.mutate({
      id: objection.id,
      version: objection.version,
      upheld: true,
      resolution: '经核查异议成立',
    });
    expect((await api.application(id)).state).toBe('shortlisting');
    const notice = await city.notices.get.query({ id: published.id });
    expect(notice.items[0]!.outcome).toBe('withdrawn');
    const closed = await city.notices.close.mutate({ id: published.id, version: published.version });
    expect(closed.state).toBe('closed');
    expect((await api.application(id)).state).toBe('shortlisting');
  });
});
