import { fileURLToPath } from 'node:url';
import {
  computeVoucherWorkflow,
  dongguanRegions,
  evaluate,
  factsSchema,
  formatYuan,
  shanghaiDate,
  usccCheckCharacter,
} from '@dg/policy';
import { launchBrowser, screenshot } from '@dg/ui/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { reviewerClient, wechatClient } from './api';

const MINIAPP_DIR = fileURLToPath(new URL('../../miniapp/', import.meta.url));
let browser: Browser;
let page: Page;
/** The application the apply test submits, which the return test then corrects. */
let applicationId = '';
/** The enterprise the person acts for in the app after the switch. */
let activeEnterpriseName = '';

/** Taro's h5 pages scroll inside their own container, so the viewport grows to the page's height for the shot. */
async function shot(name: string) {
  const height = await page.evaluate(() =>
    Math.max(...[...document.querySelectorAll('.taro_page, body')].map((e) => e.scrollHeight)),
  );
  await page.setViewportSize({ width: 390, height: Math.min(Math.max(height + 60, 844), 8000) });
  await screenshot(page, MINIAPP_DIR, name);
  await page.setViewportSize({ width: 390, height: 844 });
}
const go = (path: string) => page.goto(`/#${path}`);
/** The input of one of the app's labelled fields (Taro renders <taro-input-core> around a real <input>). */
const field = (label: string) => page.locator('.dg-field', { hasText: label }).locator('input');
const tab = (label: string) => page.locator('.weui-tabbar__item', { hasText: label }).click();

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({
    baseURL: inject('appUrl'),
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('页面错误：', e.message));
});

afterAll(async () => {
  await browser?.close();
});

describe('enterprise mini-program (h5 build against the real API)', () => {
  it('shows the open programs with windows and rates from the policy core', async () => {
    await go('/pages/home/index');
    await page.getByText('扶持项目').waitFor();
    for (const name of ['算力券', '垂直领域模型研发项目', '边端智算节点部署项目']) {
      await expect(page.getByText(name, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
    await expect(page.getByText(/每家每年最高 ¥1,000,000\.00/).isVisible()).resolves.toBe(true);
    await shot('01-home');
  });

  it('logs in with the development WeChat adapter and switches between the two enterprises of one person', async () => {
    await tab('我的');
    await field('演示账号代码').fill('zhang');
    await page.getByText('微信一键登录').click();
    await page.getByTestId('me-name').waitFor();
    const current = page.locator('.dg-cell', { hasText: '当前' });
    const before = await current.locator('.dg-cell__label').textContent();
    const other = page.locator('.dg-cell', { hasText: '切换' }).first();
    const otherName = await other.locator('.dg-cell__label').textContent();
    await other.click();
    await expect
      .poll(() => current.locator('.dg-cell__label').textContent(), { timeout: 10_000 })
      .toBe(otherName);
    expect(otherName).not.toBe(before);
    activeEnterpriseName = otherName!;
    await shot('02-me');

    // Home now shows the platform's matching for the enterprise acted for, as the API computes it.
    const api = await wechatClient('zhang');
    const me = await api.auth.me.query();
    await api.auth.switchEnterprise.mutate({
      enterpriseId: me.enterprises.find((e) => e.name === otherName)!.enterpriseId,
    });
    const matches = await api.matching.forMyEnterprise.query();
    await tab('可申报');
    await page.getByTestId('potential').waitFor();
    for (const program of ['compute-voucher', 'vertical-model-rd', 'edge-node-deployment']) {
      const mine = matches.filter((m) => m.programId === program);
      const shown = mine.find((m) => m.canApplyNow) ?? mine[0];
      if (!shown) continue;
      const card = page.locator(`[data-match="${program}"]`);
      if (shown.canApplyNow)
        await expect(card.textContent()).resolves.toContain(formatYuan(shown.estimatedCeilingFen));
      else await expect(card.textContent()).resolves.toContain('暂不符合');
    }
    await shot('02b-home-matched');
  });

  it('self-checks a compute voucher offline with the same verdict the policy core gives', async () => {
    await go('/pages/home/index');
    await page.locator('.dg-card', { hasText: '算力券' }).getByText('免费自测').click();
    const uscc = field('统一社会信用代码');
    await expect.poll(() => uscc.inputValue()).toMatch(/^[0-9A-Z]{18}$/);
    const amount = field('实际支付金额');
    await amount.fill('80000');
    const summary = page.getByTestId('self-check-summary');
    await summary.locator('.dg-hero__amount').waitFor();

    const today = shanghaiDate(new Date());
    const verdict = evaluate(
      factsSchema.parse({
        program: 'compute-voucher',
        edition: '2025-1',
        asOf: today,
        applicant: {
          uscc: await uscc.inputValue(),
          category: 'manufacturing',
          registeredInDongguan: true,
          independentLegalPerson: true,
          abnormalOperationListed: false,
          seriousDishonestyListed: false,
          fiscalFundingExcluded: false,
          researchDishonestyRecorded: false,
        },
        relatedToPlatformOrProvider: false,
        fundedByOtherFiscalFunds: false,
        grantedThisYearFen: 0,
        payments: [
          {
            id: '付款1',
            viaPlatform: true,
            paidOn: today,
            serviceStart: today,
            serviceEnd: today,
            amountFen: 8_000_000,
            toDesignatedAccount: true,
            invoice: 'invoice_copy',
          },
        ],
      }),
    );
    await expect(summary.locator('.dg-hero__amount').textContent()).resolves.toBe(
      formatYuan(verdict.subsidyFen),
    );
    const rules = await page
      .locator('[data-rule]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules.sort()).toEqual(verdict.findings.map((f) => f.rule).sort());
    for (const f of verdict.findings) {
      await expect(page.getByText(`${f.rule} · ${f.article}`).first().isVisible()).resolves.toBe(true);
    }
    await shot('03-self-check');
  });

  it('applies for a compute voucher: prefilled form, autosave, uploads (a wrong type refused before upload), pledge, one submission', async () => {
    await go('/pages/progress/index');
    await page.locator('[data-application]').first().waitFor();
    const before = await page.locator('[data-application]').count();
    await go('/pages/home/index');
    await page.locator('.dg-card', { hasText: '算力券' }).getByText('在线申报').click();
    await field('企业名称').waitFor();
    await expect.poll(() => field('企业名称').inputValue()).not.toBe('');
    await page
      .locator('.dg-card', { hasText: '法定代表人' })
      .locator('.dg-field', { hasText: '电子邮箱' })
      .locator('input')
      .fill('legal@example.com');
    const contact = page.locator('.dg-card', { hasText: '联系人' });
    await contact.locator('.dg-field', { hasText: '姓名' }).locator('input').fill('王小明');
    await contact.locator('.dg-field', { hasText: '手机' }).locator('input').fill('13712342687');
    await contact.locator('.dg-field', { hasText: '电子邮箱' }).locator('input').fill('contact@example.com');
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), { timeout: 15_000 })
      .toBe('草稿已自动保存');
    await shot('04-apply-enterprise');

    await page.getByText('下一步').click();
    await page.getByText('训练', { exact: true }).click();
    await page.getByText('高端装备制造', { exact: true }).click();
    await page.getByText('下一步').click();
    await field('合同总金额').fill('80000');
    // Payments the compute platform holds come pre-filled; a form without them starts with one empty row to type.
    const amounts = field('实际支付金额');
    await amounts.first().waitFor();
    for (const input of await amounts.all()) if ((await input.inputValue()) === '') await input.fill('80000');
    if ((await field('已支付金额').inputValue()) === '') await field('已支付金额').fill('80000');
    await shot('05-apply-payments');

    await page.getByText('下一步').click();
    const items = page.locator('[data-material]');
    await items.first().waitFor();
    const first = items.first();
    const chooser = page.waitForEvent('filechooser');
    await first.getByText('选择文件').click();
    await (await chooser).setFiles({
      name: '申报表.docx',
      mimeType: 'application/msword',
      buffer: Buffer.from('doc'),
    });
    await first.getByText(/格式不支持/).waitFor();
    await first.getByText('移除').click();

    const pdf = (name: string) => ({
      name,
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`),
    });
    const required = await items
      .filter({ hasText: '必传' })
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-material')));
    expect(required.length).toBeGreaterThan(0);
    for (const key of required) {
      const item = page.locator(`[data-material="${key}"]`);
      const picked = page.waitForEvent('filechooser');
      await item.getByText('选择文件').click();
      await (await picked).setFiles(pdf(`材料${key}.pdf`));
      await item.getByText('已上传 1').waitFor({ timeout: 20_000 });
    }
    await shot('06-apply-materials');

    await page.getByText('下一步').click();
    await page.getByText('申报表和必传材料已齐全').waitFor({ timeout: 15_000 });
    // The policy core's verdict on the saved form, read when the confirm step opens, each finding cited.
    const judged = page.locator('.dg-card', { hasText: '政策条件对照（平台测算）' });
    const ceilingFinding = judged.locator('[data-rule="CV-9"]');
    await ceilingFinding.waitFor({ timeout: 15_000 });
    await expect(ceilingFinding.getByText('CV-9 · 指南 四').isVisible()).resolves.toBe(true);
    const judgedFindings = await judged
      .locator('.dg-finding')
      .evaluateAll((els) => els.map((e) => e.textContent));
    await page.locator('.dg-check').click();
    await shot('07-apply-confirm');
    // A double tap: the second tap finds the button busy, and the idempotency key would make it one submission anyway.
    await page.locator('.dg-btn', { hasText: '确认提交' }).dblclick();
    await page.getByTestId('submitted').waitFor({ timeout: 20_000 });
    const tracking = (await page
      .getByTestId('submitted')
      .getByText(/^申报编号 /)
      .textContent())!.replace('申报编号 ', '');
    expect(tracking).toMatch(/^CV-\d{4}-\d{6}$/);
    await shot('08-submitted');

    await page.getByText('查看办理进度').click();
    await page.getByTestId('timeline').waitFor();
    applicationId = new URL(page.url().replace('#', '')).searchParams.get('id')!;
    // What the confirm step showed is what the submission was judged at, finding for finding.
    await expect
      .poll(() => page.locator('.dg-finding').evaluateAll((els) => els.map((e) => e.textContent)))
      .toEqual(judgedFindings);
    // The stages are the policy core's workflow, in its order; the submission is behind us, review ahead.
    const stages = await page
      .locator('[data-stage]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')));
    expect(stages).toEqual([...computeVoucherWorkflow.mainPath]);
    await expect(page.locator('[data-stage="draft"]').getAttribute('data-status')).resolves.toBe('done');
    await expect(page.locator('[data-status="current"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-stage="disbursement"]').getAttribute('data-status')).resolves.toBe(
      'next',
    );
    await shot('09-progress-detail');

    await go('/pages/progress/index');
    await page.locator(`[data-application="${tracking}"]`).waitFor();
    // One application more than before: one draft, submitted once, despite the double tap.
    await expect.poll(() => page.locator('[data-application]').count()).toBe(before + 1);
    await expect(page.locator(`[data-application="${tracking}"]`).count()).resolves.toBe(1);
    await shot('10-progress-list');
  });

  it('CV-13: a returned application shows the reasons and a live countdown, the inbox matches the API, and it is resubmitted', async () => {
    expect(applicationId).not.toBe('');
    const reviewer = await reviewerClient('city1');
    let version = (await reviewer.reviews.get.query({ id: applicationId })).application.version;
    version = (await reviewer.reviews.decide.mutate({ id: applicationId, version, event: 'accept' })).version;
    version = (
      await reviewer.reviews.decide.mutate({ id: applicationId, version, event: 'pass_qualification' })
    ).version;
    await reviewer.reviews.returnForCorrection.mutate({
      id: applicationId,
      version,
      reasons: [{ itemKey: 'cv-06', reason: '发票请提供发票联，抵扣联不予受理（CV-7）' }],
    });

    // The inbox shows exactly what the API holds for this person (the same user through another session).
    const inbox = await (await wechatClient('zhang')).notifications.list.query({ unreadOnly: false });
    await go('/pages/messages/index');
    if (inbox.length === 0) await page.getByText(/暂无消息/).waitFor();
    else await page.getByText(inbox[0]!.title).first().waitFor();
    await expect(page.locator('.dg-card').filter({ visible: true }).count()).resolves.toBe(inbox.length);
    await shot('11-messages');

    await go(`/packages/track/pages/detail?id=${applicationId}`);
    const countdown = page.getByTestId('countdown');
    await countdown.waitFor();
    const first = await countdown.textContent();
    expect(first).toMatch(/^[0-5]天 \d\d:\d\d:\d\d$/);
    await expect.poll(() => countdown.textContent(), { timeout: 5_000 }).not.toBe(first);
    await page.getByText('发票请提供发票联，抵扣联不予受理（CV-7）').waitFor();
    await expect(page.getByTestId('state-label').textContent()).resolves.toBe('退回补正');
    await shot('12-returned');

    await page.getByText('去补正并重新提交').click();
    await page.getByText('审核退回，请按以下意见补正').waitFor();
    for (let i = 0; i < 3; i++) await page.locator('.dg-btn', { hasText: '下一步' }).click();
    const invoices = page.locator('[data-material="cv-06"]');
    const picked = page.waitForEvent('filechooser');
    await invoices.getByText('选择文件').click();
    await (await picked).setFiles({
      name: '发票联.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% 发票联\n%%EOF\n'),
    });
    await invoices.getByText('已上传 2').waitFor({ timeout: 20_000 });
    await page.locator('.dg-btn', { hasText: '下一步' }).click();
    await page.locator('.dg-check').click();
    await page.locator('.dg-btn', { hasText: '确认提交' }).click();
    await page.getByTestId('submitted').waitFor({ timeout: 20_000 });

    const detail = await reviewer.reviews.get.query({ id: applicationId });
    expect(detail.application.state).not.toBe('returned');
    expect(detail.submissions.map((s) => s.seq)).toEqual([1, 2]);
  });

  it('edge nodes and R&D projects show what the API holds; a node is registered; an edge application starts from the connected nodes', async () => {
    const api = await wechatClient('zhang');
    const me = await api.auth.me.query();
    await api.auth.switchEnterprise.mutate({
      enterpriseId: me.enterprises.find((e) => e.name === activeEnterpriseName)!.enterpriseId,
    });
    const nodes = (await api.edge.nodes.list.query({ limit: 200 })).items;

    await go('/packages/projects/pages/edge-nodes');
    await page.getByText(`我的节点（${nodes.length}）`).waitFor();
    for (const n of nodes)
      await page
        .getByText(new RegExp(`· ${n.serial}$`))
        .first()
        .waitFor();
    await page.locator('.dg-btn', { hasText: '登记新节点' }).click();
    const serial = `E2E-BOX-${Date.now()}`;
    await field('设备序列号').fill(serial);
    await field('厂商').fill('华为');
    await field('型号').fill('Atlas 500');
    await field('部署地址').fill('东莞市长安镇某工业园 3 号厂房');
    await field('服务的产线工位数').fill('6');
    await page.locator('.dg-btn', { hasText: '提交登记' }).click();
    await page.getByText(`我的节点（${nodes.length + 1}）`).waitFor();
    const registered = (await api.edge.nodes.list.query({ limit: 200 })).items.find(
      (n) => n.serial === serial,
    );
    expect(registered?.status).toBe('pending_review');
    expect(registered?.stationsServed).toBe(6);
    await shot('13-edge-nodes');

    // The edge-deployment application starts with the connected nodes the platform counts (EN-7).
    // The API's own count, as its matching states it ("按平台记录的已接入节点 N 个…").
    const assumption = (await api.matching.forMyEnterprise.query())
      .find((m) => m.programId === 'edge-node-deployment')!
      .assumptions.find((a) => a.includes('已接入节点'))!;
    const connected = Number(/已接入节点 (\d+) 个/.exec(assumption)![1]);
    await go('/pages/home/index');
    await page.locator('.dg-card', { hasText: '边端智算节点部署项目' }).getByText('在线申报').click();
    await page.locator('.dg-btn', { hasText: '下一步' }).click();
    await expect.poll(() => field('已接入边端智算网络平台的节点数').inputValue()).toBe(String(connected));
    await field('项目名称').fill('注塑车间视觉质检边端部署');
    await expect
      .poll(() => page.getByTestId('save-state').filter({ visible: true }).textContent(), { timeout: 15_000 })
      .toBe('草稿已自动保存');
    await shot('13b-apply-edge');

    // A joint application (GEN-3): a participating unit, autosaved into the draft.
    await page.locator('.dg-btn', { hasText: '下一步' }).click();
    await page.locator('.dg-btn', { hasText: '添加参与单位' }).click();
    await field('参与单位名称').fill('东莞松山湖智能制造研究院');
    await expect
      .poll(() => page.getByTestId('save-state').filter({ visible: true }).textContent(), { timeout: 15_000 })
      .toBe('草稿已自动保存');
    const draft = (
      await api.applications.mine.query({ program: 'edge-node-deployment', limit: 50 })
    ).items.find((a) => a.state === 'draft')!;
    expect((await api.applications.get.query({ id: draft.id })).form).toMatchObject({
      projectName: '注塑车间视觉质检边端部署',
      participants: [
        { name: '东莞松山湖智能制造研究院', region: 'dongguan', seriousDishonestyListed: false },
      ],
    });
    await shot('13c-apply-participants');

    const projects = (await api.applications.mine.query({ program: 'vertical-model-rd', limit: 50 })).items;
    await go('/packages/projects/pages/rd');
    if (projects.length === 0) await page.getByText('暂无垂直领域模型研发项目').waitFor();
    for (const p of projects)
      await page
        .getByText(p.trackingNumber ?? '草稿', { exact: true })
        .first()
        .waitFor();
    await shot('14-rd-projects');
  });

  it('a new WeChat user binds an enterprise with its credit code and the legal representative’s SMS code', async () => {
    const api = await wechatClient('zhang');
    const enterprise = await api.enterprises.current.query();

    await go('/pages/me/index');
    await page.locator('.dg-btn', { hasText: '退出登录' }).click();
    await field('演示账号代码').fill(`e2e-newcomer-${Date.now()}`);
    await page.getByText('微信一键登录').click();
    await page.getByText('绑定企业后即可在线申报').waitFor();
    await page.locator('.dg-btn', { hasText: '绑定企业 / 加入企业' }).click();

    await field('统一社会信用代码').fill(enterprise.uscc);
    await field('法定代表人手机号').fill(enterprise.legalRepMobile);
    await page.locator('.dg-btn', { hasText: '获取验证码' }).click();
    const hint = page.getByText(/^开发环境验证码：\d{6}$/);
    await hint.waitFor();
    await field('短信验证码').fill((await hint.textContent())!.slice(-6));
    await shot('15-bind');
    await page.locator('.dg-btn', { hasText: /^绑定$/ }).click();

    await page.getByTestId('me-name').waitFor();
    await page
      .locator('.dg-cell', { hasText: enterprise.name })
      .getByText('当前')
      .waitFor({ timeout: 15_000 });
  });

  it('a new WeChat user registers an enterprise not yet on the platform and becomes its administrator', async () => {
    const code = `e2e-founder-${Date.now()}`;
    const body = `91441900${String(Date.now()).slice(-9)}`;
    const uscc = body + usccCheckCharacter(body);
    await go('/pages/me/index');
    await page.locator('.dg-btn', { hasText: '退出登录' }).click();
    await field('演示账号代码').fill(code);
    await page.getByText('微信一键登录').click();
    await page.locator('.dg-btn', { hasText: '绑定企业 / 加入企业' }).click();
    // The h5 build keeps earlier pages of the stack in the document: act on the newest bind page, then the form.
    await page.locator('.dg-btn', { hasText: '登记新企业' }).last().click();
    const form = page.locator('.taro_page', { has: page.locator('.dg-btn', { hasText: '提交登记' }) });
    const input = (label: string) => form.locator('.dg-field', { hasText: label }).locator('input');

    await input('统一社会信用代码').fill(uscc.slice(0, 17) + (uscc.endsWith('0') ? '1' : '0'));
    await form.getByText('统一社会信用代码校验位不正确，请核对营业执照上的代码').waitFor();
    await input('统一社会信用代码').fill(uscc);
    await input('企业名称').fill('东莞市端到端智能装备有限公司');
    await form.locator('.dg-chip', { hasText: '制造企业' }).click();
    const town = form.locator('.dg-field', { hasText: '所属镇街（园区）' });
    await town.locator('taro-picker-core > div').first().click();
    // The picker's sheet opens over the page, outside the field: confirm its first choice.
    await page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true }).click();
    await town.getByText(dongguanRegions[0]!.name).waitFor();
    await input('法定代表人姓名').fill('郑晓明');
    await input('法定代表人手机号').fill('13700137000');
    await form.locator('.dg-btn', { hasText: '获取验证码' }).click();
    const hint = form.getByText(/^开发环境验证码：\d{6}$/);
    await hint.waitFor();
    await input('短信验证码').fill((await hint.textContent())!.slice(-6));
    await shot('16-register');
    await form.locator('.dg-btn', { hasText: '提交登记' }).click();

    await page
      .locator('.dg-cell', { hasText: '东莞市端到端智能装备有限公司' })
      .getByText('当前')
      .waitFor({ timeout: 15_000 });
    const registered = await (await wechatClient(code)).enterprises.current.query();
    expect(registered).toMatchObject({
      uscc,
      name: '东莞市端到端智能装备有限公司',
      category: 'manufacturing',
      townCode: dongguanRegions[0]!.code,
      industrial: true,
      legalRepName: '郑晓明',
    });
  });
});
