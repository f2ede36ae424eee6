import { browserPerFile, DEMO_LOGINS, logIn } from '@dg/ui/testing';
import { expect, inject, test } from 'vitest';

const browser = browserPerFile(new URL('..', import.meta.url).pathname);

/** 东莞松湖智能装备有限公司 in the API's demo seed. */
const SEED_USCC = '91441900MA4UJ8XX5J';

/** What an edge agent does on the wire (docs/edge-protocol.md): enroll with the token, then heartbeat. */
async function agentComesOnline(token: string, serial: string) {
  const api = inject('apiUrl');
  const enroll = await fetch(`${api}/edge/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, serial }),
  });
  expect(enroll.status).toBe(201);
  const { credential } = (await enroll.json()) as { credential: string };
  const beat = await fetch(`${api}/edge/v1/heartbeat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
    body: JSON.stringify({
      uptimeS: 120,
      cpu: { load1: 0.8, cores: 4 },
      memory: { totalBytes: 8_000_000_000, usedBytes: 3_000_000_000 },
      accelerators: [{ name: 'Ascend 310P', utilPct: 42 }],
      models: [{ name: '缺陷检测', version: '1.2' }],
      appVersion: 'e2e-1.0.0',
    }),
  });
  expect(beat.status).toBe(204);
}

test('an operator registers a node, approves it, sees the token once, and the node goes online when its agent starts', async () => {
  const page = await browser.newPage();
  await logIn(page, 'edge-op', DEMO_LOGINS.password);
  await page.getByRole('menuitem', { name: '节点管理' }).click();

  const serial = `E2E-${Date.now()}`;
  await page.getByRole('button', { name: '登记节点' }).click();
  await page.getByLabel('所属企业统一社会信用代码').fill(SEED_USCC);
  await page.getByLabel('设备序列号').fill(serial);
  await page.getByLabel('厂商').fill('华为');
  await page.getByLabel('型号').fill('Atlas 500');
  await page.getByLabel('部署地址（工厂）').fill('东莞市松山湖高新区工业东路 18 号 3 号车间');
  await page
    .getByRole('button', { name: /登\s*记/ })
    .last()
    .click();
  await page.getByText(`节点 ${serial} 已登记，待审核`).waitFor();

  const row = page.locator('tr', { hasText: serial });
  await row.getByText('待审核').waitFor();
  await row.getByRole('button', { name: '审核通过' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*认/ })
    .click();
  const token = (await page.getByTestId('enrollment-token').textContent())?.trim() ?? '';
  expect(token.length).toBeGreaterThan(16);
  // antd's own buttons are in Chinese too (zh_CN locale really applied, not silently English).
  await page
    .getByRole('dialog', { name: '接入令牌（仅显示一次）' })
    .getByRole('button', { name: /取\s*消/ })
    .waitFor();
  await browser.shot(page, 'node-token-once');
  await page.getByRole('button', { name: '我已保存' }).click();
  await row.getByText('已批准待接入').waitFor();
  await row.getByText('从未连接').waitFor();

  await agentComesOnline(token, serial);
  await page.reload();
  await page.locator('tr', { hasText: serial }).getByText('在线').waitFor();
  await page.locator('tr', { hasText: serial }).getByText('已接入').waitFor();
  await browser.shot(page, 'nodes-online');

  await page.locator('tr', { hasText: serial }).getByText(serial).click();
  await page.getByText('首次接入（connected）').waitFor();
  // What the agent reported of itself, from its latest metrics sample.
  await page.getByText('缺陷检测 v1.2').waitFor();
  await browser.shot(page, 'node-detail');
});

test('the fleet overview and the OP-2 report count the connected node', async () => {
  const page = await browser.newPage();
  await logIn(page, 'edge-op', DEMO_LOGINS.password);
  await page.getByText('在线率（在线 / 已接入）').waitFor();
  await page.waitForLoadState('networkidle');
  await browser.shot(page, 'fleet');
  await page.getByRole('menuitem', { name: '接入统计（OP-2）' }).click();
  await page.getByText('接入节点数').waitFor();
  const nodes = page
    .locator('.ant-statistic', { hasText: '接入节点数' })
    .locator('.ant-statistic-content-value');
  await expect.poll(async () => Number(await nodes.textContent())).toBeGreaterThan(0);
  await browser.shot(page, 'op2-report');
});
