import { browserPerFile, DEMO_LOGINS, logIn } from '@dg/ui/testing';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';

const browser = browserPerFile(new URL('..', import.meta.url).pathname);

async function step(
  page: Page,
  orderRow: ReturnType<Page['locator']>,
  label: string,
  fill?: () => Promise<void>,
) {
  await orderRow.getByRole('button', { name: label }).click();
  const dialog = page.getByRole('dialog');
  await fill?.();
  await dialog.getByRole('button', { name: `确认${label}` }).click();
  await page.getByText(`已${label}`).first().waitFor();
}

test('the compute operator publishes a product on the marketplace', async () => {
  const page = await browser.newPage();
  await logIn(page, 'compute-op', DEMO_LOGINS.password);
  await page.getByRole('menuitem', { name: '算力产品' }).click();
  const row = page.locator('.ant-table-tbody tr', { hasText: '通用计算型 32核128G' });
  await row.getByText('未上架').waitFor();
  await row.getByRole('button', { name: /上\s*架/ }).click();
  await page.getByText('通用计算型 32核128G 已上架').waitFor();
  await row.getByText('已上架').waitFor();
  await browser.shot(page, 'compute-products');
});

test('an order goes through approval, contract and provisioning; its access details stay masked in the console', async () => {
  const page = await browser.newPage();
  await logIn(page, 'compute-op', DEMO_LOGINS.password);
  await page.getByRole('menuitem', { name: '算力订单' }).click();
  const first = page.locator('.ant-table-tbody tr', { hasText: '待审批' }).first();
  await first.waitFor();
  const orderNo = (await first.locator('code').first().textContent())?.trim() ?? '';
  expect(orderNo).not.toBe('');
  const row = page.locator('.ant-table-tbody tr', { hasText: orderNo });

  await step(page, row, '提交审批');
  await row.getByText('审批中').first().waitFor();
  await step(page, row, '审批通过');
  await step(page, row, '登记合同', () =>
    page.getByRole('dialog').getByLabel('合同编号').fill(`HT-E2E-${Date.now()}`),
  );
  const password = 'Sup3r-Secret-E2E';
  await step(page, row, '开通资源', async () => {
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('访问地址（IP）').fill('10.86.200.17');
    await dialog.getByLabel('账号').fill('changan_ops');
    await dialog.getByLabel(/初始密码/).fill(password);
  });
  await row.getByText('已开通').waitFor();
  expect(await row.textContent()).not.toContain(password);
  await browser.shot(page, 'compute-order-provisioned');
});

test('identity verification passed gives an enterprise its ordering rights', async () => {
  const page = await browser.newPage();
  await logIn(page, 'compute-op', DEMO_LOGINS.password);
  await page.getByRole('menuitem', { name: '企业账号审核' }).click();
  const row = page.locator('.ant-table-tbody tr', { hasText: '待核验' }).first();
  await row.waitFor();
  const enterprise = (await row.locator('td').first().textContent())?.trim() ?? '';
  await row.getByRole('button', { name: '核验通过' }).click();
  await page.getByRole('dialog').getByPlaceholder('审核意见').fill('身份证件与法定代表人一致');
  await page.getByRole('dialog').getByRole('button', { name: '确认通过' }).click();
  await page.getByText(`${enterprise}：已获得订购权限`).waitFor();
  const done = page.locator('.ant-table-tbody tr', { hasText: enterprise });
  await done.getByText('已核验').waitFor();
  await done.getByText('已开通').waitFor();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await browser.shot(page, 'compute-accounts');
});
