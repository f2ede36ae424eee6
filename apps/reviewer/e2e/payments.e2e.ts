import { browserPerFile, DEMO_LOGINS, logIn } from '@dg/ui/testing';
import { test } from 'vitest';

const browser = browserPerFile(new URL('..', import.meta.url).pathname);

test('finance cannot check a payment they prepared (four-eyes), voids it and prepares the disbursement again', async () => {
  const finance = await browser.newPage();
  await logIn(finance, 'finance1', DEMO_LOGINS.password);
  await finance.getByRole('menuitem', { name: '资金拨付' }).click();
  await finance.locator('.ant-table-tbody tr', { hasText: '¥36,024.00' }).first().click();
  await finance.getByText('算力券资助 CV-2025-000007').waitFor();

  await finance.getByRole('button', { name: '财务复核' }).click();
  await finance.getByRole('dialog').getByRole('button', { name: '确认财务复核' }).click();
  await finance.getByText('复核人不能是该笔支付的经办人').waitFor();
  await browser.shot(finance, 'payment-four-eyes');
  await finance.keyboard.press('Escape');

  await finance.getByRole('button', { name: /作\s*废/ }).click();
  await finance.getByRole('dialog').getByLabel('说明').fill('收款账户待核实，作废重开');
  await finance
    .getByRole('dialog')
    .getByRole('button', { name: /确认作\s*废/ })
    .click();
  await finance.getByText('已作废').first().waitFor();

  await finance.getByRole('menuitem', { name: '资金拨付' }).click();
  await finance.getByRole('button', { name: '发起拨付' }).click();
  const dialog = finance.getByRole('dialog');
  await dialog
    .locator('.ant-table-tbody tr', { hasText: '东莞松湖智能装备有限公司' })
    .first()
    .locator('input[type="checkbox"]')
    .check();
  await dialog.getByRole('button', { name: '生成支付单' }).click();
  await finance.getByText('已生成支付单，待另一名财务人员复核').waitFor();
  await finance
    .locator('.ant-table-tbody tr', { hasText: '¥36,024.00' })
    .filter({ hasText: '待复核' })
    .first()
    .waitFor();
  await browser.shot(finance, 'payments-list');
});
